"""Reading documents back: text, pages and fonts of a PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    """All text of the PDF with runs of white space made single spaces."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def page_texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def pdffonts(path: Path) -> list[list[str]] | None:
    """Rows of ``pdffonts`` (name, type, encoding, emb, sub, uni, ...), or None if missing."""
    if shutil.which("pdffonts") is None:
        return None
    output = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return [line.split() for line in output.splitlines()[2:] if line.strip()]
