"""Build the RevMentor desktop bundle for this platform, check it, and say how big it is.

    python packaging/build.py [--dist DIR] [--work DIR] [--clean]

Runs PyInstaller on packaging/revmentor.spec into DIR/RevMentor/ (default: dist/RevMentor/ in the
repository), then fails if Qt modules the app never uses (WebEngine, QML/Quick, 3D, Multimedia)
ended up in the bundle, and prints the bundle's size and file count. Installs nothing itself:
PyInstaller comes from the ``packaging`` extra (``pip install -e '.[packaging]'``).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
SPEC = REPOSITORY / "packaging" / "revmentor.spec"
BUNDLE_NAME = "RevMentor"

# A file or folder whose name starts like this is a library, plugin, Python binding or macOS
# framework of a Qt module the app does not use: libQt6WebEngineCore.so.6, Qt6Quick.dll,
# QtQml.framework, QtQuick.abi3.so, ...
UNUSED_QT = re.compile(r"^(?:lib)?Qt6?(?:WebEngine|Qml|Quick|3D|Multimedia)")


def unused_qt_files(bundle: Path) -> list[Path]:
    return sorted(path for path in bundle.rglob("*") if UNUSED_QT.match(path.name))


def bundle_size(bundle: Path) -> tuple[int, int]:
    """Total bytes and number of files, counting each file once (symbolic links are not)."""
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist", default=str(REPOSITORY / "dist"), help="output folder (default: dist/)"
    )
    parser.add_argument(
        "--work", default=str(REPOSITORY / "build"), help="PyInstaller's work folder (build/)"
    )
    parser.add_argument(
        "--clean", action="store_true", help="empty PyInstaller's cache before building"
    )
    arguments = parser.parse_args(argv)

    if importlib.util.find_spec("PyInstaller") is None:
        print(
            "build.py: PyInstaller is not installed in this Python environment.\n"
            "Install the packaging tools with:  pip install -e '.[packaging]'",
            file=sys.stderr,
        )
        return 2

    dist = Path(arguments.dist).expanduser().absolute()
    work = Path(arguments.work).expanduser().absolute()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work}",
        *(["--clean"] if arguments.clean else []),
        str(SPEC),
    ]
    print("Building:", " ".join(command), flush=True)
    started = time.monotonic()
    if subprocess.run(command, cwd=REPOSITORY, check=False).returncode != 0:
        print("build.py: PyInstaller failed; see its messages above.", file=sys.stderr)
        return 1
    seconds = time.monotonic() - started

    bundle = dist / BUNDLE_NAME
    unwanted = unused_qt_files(bundle)
    if sys.platform == "darwin":
        unwanted += unused_qt_files(dist / f"{BUNDLE_NAME}.app")
    if unwanted:
        print("build.py: the bundle contains Qt modules the app does not use:", file=sys.stderr)
        for path in unwanted:
            print(f"  {path.relative_to(dist)}", file=sys.stderr)
        print("Exclude them in packaging/revmentor.spec.", file=sys.stderr)
        return 1

    size, count = bundle_size(bundle)
    executable = bundle / ("revmentor.exe" if sys.platform == "win32" else "revmentor")
    print(f"Built {bundle} in {seconds:.0f} s")
    print(f"Program: {executable}")
    print(f"Size: {size / 1_000_000:.1f} MB in {count:,} files")
    if sys.platform.startswith("linux"):
        print(f"Menu entry for this user: {bundle / 'install-desktop-entry.sh'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
