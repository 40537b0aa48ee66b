"""Build the desktop bundle with packaging/build.py and run its program like a coordinator would.

Slow (a PyInstaller build takes about a minute or more), so marked ``bundle`` and left out of the
default run; CI installs the ``packaging`` extra and runs it as its own step (``pytest -m bundle``).
Every run of the bundled program gets its own REVMENTOR_HOME, so nothing touches the real user
folders.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from revmentor_desktop import __version__

pytestmark = pytest.mark.bundle

REPOSITORY = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPOSITORY / "packaging" / "build.py"
BUILD_TIMEOUT_SECONDS = 30 * 60
WINDOW_SECONDS = 5.0


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder dist/RevMentor/ of a fresh build in a temporary place."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not installed; install it with: pip install -e '.[packaging]'")
    root = tmp_path_factory.mktemp("bundle")
    command = [sys.executable, str(BUILD_SCRIPT)]
    command += ["--dist", str(root / "dist"), "--work", str(root / "work")]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    assert "Size:" in result.stdout
    return root / "dist" / "RevMentor"


@pytest.fixture
def program(bundle: Path) -> Path:
    return bundle / ("revmentor.exe" if sys.platform == "win32" else "revmentor")


@pytest.fixture
def bundle_env(tmp_path: Path) -> dict[str, str]:
    """Environment for one run: a temporary home for all app folders, Qt offscreen."""
    env = dict(os.environ)
    env["REVMENTOR_HOME"] = str(tmp_path / "home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(
    program: Path, arguments: Sequence[str], env: dict[str, str]
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(program), *arguments], capture_output=True, text=True, env=env, timeout=120
    )


def test_no_unused_qt_modules_in_the_bundle(bundle: Path) -> None:
    unused = ("WebEngine", "Qml", "Quick", "3D", "Multimedia")
    found = [
        path.relative_to(bundle)
        for path in bundle.rglob("*")
        if any(
            path.name.startswith(prefix + name)
            for prefix in ("libQt6", "Qt6", "Qt")
            for name in unused
        )
    ]
    assert found == []


def test_bundle_carries_its_data_files(bundle: Path) -> None:
    internal = bundle / "_internal" / "revmentor_desktop" / "resources"
    assert (internal / "icons" / "revmentor.svg").is_file()
    assert list((internal / "fonts").glob("*.ttf"))
    assert (internal / "fonts" / "LICENSE-DejaVu.txt").is_file()
    assert (internal / "licences" / "GPL-3.0.txt").is_file()
    assert (internal / "guide" / "getting-started.html").is_file()
    assert (internal / "guide" / "guide.css").is_file()
    assert (internal / "plans" / "library.toml").is_file()
    assert len(list((internal / "plans").glob("*.toml"))) == 6  # the index and five families
    if sys.platform.startswith("linux"):
        assert (bundle / "share" / "applications" / "org.revmentor.RevMentor.desktop").is_file()
        assert (bundle / "install-desktop-entry.sh").is_file()


def test_bundle_carries_pdfium_and_its_licences(bundle: Path) -> None:
    """The document preview and printing draw pages with PDFium, a library in pypdfium2_raw/."""
    internal = bundle / "_internal"
    library = {"win32": "pdfium.dll", "darwin": "libpdfium.dylib"}.get(sys.platform, "libpdfium.so")
    assert (internal / "pypdfium2_raw" / library).is_file()
    assert (internal / "pypdfium2_raw" / "version.json").is_file()
    assert (internal / "pypdfium2" / "version.json").is_file()
    (metadata,) = internal.glob("pypdfium2-*.dist-info")
    assert list(metadata.rglob("pdfium.txt")), "PDFium's licence travels with its binary"


def test_version(program: Path, bundle_env: dict[str, str]) -> None:
    result = run(program, ["--version"], bundle_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"RevMentor {__version__}"


def test_demo_then_check(program: Path, bundle_env: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "x.revmentor"
    demo = run(
        program, ["--data", str(data), "demo", "--people", "20", "--sessions", "50"], bundle_env
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert data.is_file()
    check = run(program, ["--data", str(data), "check"], bundle_env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Integrity: ok" in check.stdout
    assert "Traceback" not in demo.stderr + check.stderr


def test_window_opens_the_default_data_file(
    program: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    """Started without arguments, the program opens its window on the default data file."""
    stdout = tmp_path / "stdout.txt"
    stderr = tmp_path / "stderr.txt"
    with stdout.open("w") as out, stderr.open("w") as err:
        process = subprocess.Popen([str(program)], stdout=out, stderr=err, env=bundle_env)
        try:
            time.sleep(WINDOW_SECONDS)
            still_running = process.poll() is None
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    output = stdout.read_text() + stderr.read_text()
    assert still_running, f"the program stopped with status {process.returncode}:\n{output}"
    assert "Traceback" not in output
    assert "Could not load the Qt platform plugin" not in output
    home = Path(bundle_env["REVMENTOR_HOME"])
    assert (home / "data" / "revmentor.revmentor").is_file()
