"""Small logo files for tests, drawn with Pillow (which ReportLab brings)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

SVG_LOGO = (
    b'<?xml version="1.0"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    b'<rect width="120" height="40" fill="#cc3311"/>'
    b'<circle cx="20" cy="20" r="12" fill="#ffffff"/></svg>'
)


def png_logo(width: int = 400, height: int = 120) -> bytes:
    """A navy banner with a white disc: a PNG of ``width`` × ``height`` pixels."""
    image = Image.new("RGB", (width, height), (31, 58, 95))
    margin = height // 10
    disc = (margin, margin, height - margin, height - margin)
    ImageDraw.Draw(image).ellipse(disc, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_logo(width: int = 200, height: int = 100) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 60, 20)).save(buffer, "JPEG")
    return buffer.getvalue()
