"""The organisation's logo: read from a file once, then kept in the data file as bytes.

A logo lives in the data file (not as a path to a file somewhere) so that it travels with the
file to another computer. It is recognised by its content, never by its file name: PNG and
JPEG are checked by decoding them with Pillow (which ReportLab uses to embed them), SVG by
parsing it as XML whose root is an ``<svg>`` element. Size limits keep the data file small
and the documents fast: a header logo needs no more than about a thousand pixels across.
"""

from __future__ import annotations

import base64
import binascii
import io
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from revmentor_desktop.domain.errors import ValidationError

MAX_LOGO_BYTES = 1_000_000
MAX_LOGO_PIXELS = 4000  # on either side
PNG, JPEG, SVG = "image/png", "image/jpeg", "image/svg+xml"
MEDIA_TYPES = (PNG, JPEG, SVG)
_FORMAT_NAMES = {PNG: "PNG", JPEG: "JPEG", SVG: "SVG"}
_PILLOW_FORMATS = {"PNG": PNG, "JPEG": JPEG}
_SVG_ROOTS = {"svg", "{http://www.w3.org/2000/svg}svg"}
KINDS_WORDS = "a PNG, JPEG or SVG image"


@dataclass(frozen=True)
class Logo:
    media_type: str
    data: bytes

    @property
    def format_name(self) -> str:
        return _FORMAT_NAMES[self.media_type]

    def describe(self) -> str:
        """``PNG image, 12 KB, 400 × 120 pixels``: what the settings show for the logo."""
        size = f"{max(1, round(len(self.data) / 1000))} KB"
        if self.media_type == SVG:
            return f"SVG drawing, {size}"
        width, height = _raster_size(self.data)
        return f"{self.format_name} image, {size}, {width} × {height} pixels"

    def as_setting(self) -> dict[str, Any]:
        return {"media_type": self.media_type, "data": base64.b64encode(self.data).decode()}

    @classmethod
    def from_setting(cls, value: dict[str, Any]) -> Logo | None:
        """The logo a stored value holds, or None for no logo (or a value that is not one)."""
        if not value or setting_problem(value):
            return None
        return cls(value["media_type"], base64.b64decode(value["data"]))


def read_logo(path: Path) -> Logo:
    """The logo in ``path``; a ValidationError (key "logo") says why a file cannot be one."""
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise ValidationError({"logo": _too_big(path.name, size)})
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError({"logo": f"There is no file {path}."}) from None
    except IsADirectoryError:
        raise ValidationError({"logo": f"{path} is a folder; choose an image file."}) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ValidationError({"logo": f"{path} cannot be read: {reason}."}) from None
    return logo_from_bytes(data, path.name)


def logo_from_bytes(data: bytes, name: str) -> Logo:
    """``data`` as a logo, its kind found from its content; ``name`` is for messages."""
    if problem := bytes_problem(data, name):
        raise ValidationError({"logo": problem})
    return Logo(_media_type(data) or "", data)


def bytes_problem(data: bytes, name: str) -> str:
    """What keeps ``data`` (the file ``name``) from being a logo, or ""."""
    if len(data) > MAX_LOGO_BYTES:
        return _too_big(name, len(data))
    media_type = _media_type(data)
    if media_type is None:
        return f"“{name}” is not {KINDS_WORDS}; choose the logo as one of those."
    if media_type == SVG:
        return ""
    try:
        width, height = _raster_size(data)
        if max(width, height) <= MAX_LOGO_PIXELS:
            _raster_size(data, decode=True)
    except Exception:  # Pillow raises many kinds of error on a damaged file
        return (
            f"“{name}” looks like a {_FORMAT_NAMES[media_type]} image but cannot be read "
            "(the file may be damaged); save it again from the program that made it."
        )
    if max(width, height) > MAX_LOGO_PIXELS:
        return (
            f"“{name}” is {width} × {height} pixels; a logo can be at most {MAX_LOGO_PIXELS} "
            "pixels on each side. Save it smaller: about 1000 pixels across is plenty."
        )
    return ""


def setting_problem(value: dict[str, Any]) -> str:
    """The check of the stored setting: {} (no logo) or a media type and base64 data."""
    if not value:
        return ""
    media_type, encoded = value.get("media_type"), value.get("data")
    if set(value) != {"media_type", "data"} or media_type not in MEDIA_TYPES:
        return f"A logo is stored as {KINDS_WORDS} with its media type."
    if not isinstance(encoded, str):
        return f"A logo is stored as {KINDS_WORDS} with its media type."
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return "The stored logo is not readable (its data is not base64)."
    if _media_type(data) != media_type:
        return f"The stored logo is not the {_FORMAT_NAMES[media_type]} image it says it is."
    return bytes_problem(data, "the stored logo")


def _too_big(name: str, size: int) -> str:
    return (
        f"“{name}” is {size / 1_000_000:.1f} MB; a logo can be at most "
        f"{MAX_LOGO_BYTES // 1_000_000} MB. Save it smaller: about 1000 pixels across is plenty."
    )


def _media_type(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    return SVG if _is_svg(data) else None


def _is_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")):
        return False
    try:
        # Python's expat refuses entity expansion bombs; an SVG logo needs no entities.
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return False
    return root.tag in _SVG_ROOTS


def _raster_size(data: bytes, *, decode: bool = False) -> tuple[int, int]:
    """Width and height of a PNG or JPEG; with ``decode``, after decoding the whole image
    (a truncated or damaged file fails only then)."""
    from PIL import Image  # ReportLab's own image library; imported only when a logo is read

    with Image.open(io.BytesIO(data)) as image:
        if image.format not in _PILLOW_FORMATS:
            raise ValueError(f"not PNG or JPEG but {image.format}")
        if decode:
            image.load()
        return image.size
