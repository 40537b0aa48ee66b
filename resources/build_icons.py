"""Render every application icon file from the one source image, resources/icon/revmentor.svg.

Run from anywhere: ``python resources/build_icons.py``. It needs only PySide6 (QtSvg is part of
PySide6-Essentials), so no extra dependency. It writes:

* ``revmentor_desktop/resources/icons/revmentor.svg``: a copy of the source (window icon, Linux
  scalable icon);
* ``revmentor_desktop/resources/icons/revmentor-<N>.png`` for every size in ``PNG_SIZES``;
* ``revmentor_desktop/resources/icons/revmentor.ico``: the Windows icon, one PNG per size;
* ``packaging/macos/revmentor.icns``: the macOS icon, 16 to 1024 px;
* with ``--iconset DIR``, also a ``.iconset`` folder for Apple's ``iconutil``, should a designer
  prefer Apple's tool to make the ``.icns``.

Below ``SIMPLIFY_BELOW`` pixels the element with ``id="detail"`` is left out: at 16 px the exchange
arrows blur into a smudge, and the two bubbles alone read better.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import struct
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
SOURCE_SVG = REPOSITORY / "resources" / "icon" / "revmentor.svg"
PACKAGE_ICONS = REPOSITORY / "revmentor_desktop" / "resources" / "icons"
MACOS_ICNS = REPOSITORY / "packaging" / "macos" / "revmentor.icns"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SIMPLIFY_BELOW = 24

# ICNS element types that hold PNG data, with their pixel size. The @2x types share a pixel size
# with a 1x type of double the point size; macOS picks by type, so both are written.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16 pt @2x
    (b"ic12", 64),  # 32 pt @2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128 pt @2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256 pt @2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512 pt @2x
)

# iconutil's file names: (point size, scale) -> pixel size is point * scale.
ICONSET_ENTRIES = tuple((points, scale) for points in (16, 32, 128, 256, 512) for scale in (1, 2))

_DETAIL = re.compile(r"<g\b[^>]*\bid=\"detail\".*?</g>", re.DOTALL)


def png_name(size: int) -> str:
    return f"revmentor-{size}.png"


class Renderer:
    """Renders the SVG to PNG bytes at a given pixel size with Qt's SVG renderer."""

    def __init__(self, svg_text: str) -> None:
        if "QT_QPA_PLATFORM" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtGui import QGuiApplication

        self._application = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        self._full = svg_text
        self._simple = _DETAIL.sub("", svg_text)

    def png(self, size: int) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer

        text = self._simple if size < SIMPLIFY_BELOW else self._full
        renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
        if not renderer.isValid():
            raise SystemExit(f"Qt could not read {SOURCE_SVG}")
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise SystemExit(f"Qt could not encode a {size} px PNG")
        return bytes(buffer.data().data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico with one PNG-compressed image per size (read by Windows Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    images = b""
    for size in sizes:
        data = pngs[size]
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns of PNG elements: a big-endian length-prefixed list, as iconutil writes."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(REPOSITORY)} ({len(data):,} bytes)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--iconset", metavar="DIR", help="also write DIR/revmentor.iconset for Apple's iconutil"
    )
    arguments = parser.parse_args(argv)

    svg_text = SOURCE_SVG.read_text(encoding="utf-8")
    renderer = Renderer(svg_text)
    every_size = sorted(
        {*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)}
        | {points * scale for points, scale in ICONSET_ENTRIES}
    )
    pngs = {size: renderer.png(size) for size in every_size}

    PACKAGE_ICONS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE_SVG, PACKAGE_ICONS / "revmentor.svg")
    print(f"copied {SOURCE_SVG.relative_to(REPOSITORY)} to {PACKAGE_ICONS.relative_to(REPOSITORY)}")
    for size in PNG_SIZES:
        write(PACKAGE_ICONS / png_name(size), pngs[size])
    write(PACKAGE_ICONS / "revmentor.ico", ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    write(MACOS_ICNS, icns_bytes(pngs))

    if arguments.iconset:
        iconset = Path(arguments.iconset).expanduser().absolute() / "revmentor.iconset"
        iconset.mkdir(parents=True, exist_ok=True)
        for points, scale in ICONSET_ENTRIES:
            suffix = "@2x" if scale == 2 else ""
            name = f"icon_{points}x{points}{suffix}.png"
            (iconset / name).write_bytes(pngs[points * scale])
        print(f"wrote {iconset} (make an .icns with: iconutil -c icns {iconset})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
