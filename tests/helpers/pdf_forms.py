"""Filling and flattening our PDF forms the way a PDF reader does, with pypdf."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from revmentor_desktop.domain.outcomes import form_fields
from revmentor_desktop.domain.outcomes.forms import FormToFill


def field_values(form: FormToFill, answers: Mapping[str, int | str]) -> dict[str, str]:
    """The field values a reader stores for ``answers`` (by item key): a tick box's value as
    a PDF name ("/3", "/yes"), text as typed."""
    values: dict[str, str] = {}
    for item in form.items:
        if item.key not in answers:
            continue
        answer = answers[item.key]
        choices = form_fields.choices(item)
        if choices:
            value = next(choice.value for choice in choices if choice.number == answer)
            values[form_fields.field_name(item)] = f"/{value}"
        else:
            values[form_fields.field_name(item)] = str(answer)
    return values


def fill(source: Path, target: Path, values: Mapping[str, str]) -> Path:
    """Save a filled copy of ``source``: a radio group gets its value and its ticked box's
    appearance state, a text field its text, as a reader writes them."""
    writer = PdfWriter(clone_from=source)
    for page in writer.pages:
        writer.update_page_form_field_values(page, dict(values), auto_regenerate=False)
    writer.write(target)
    return target


def fill_form(
    form: FormToFill, source: Path, target: Path, answers: Mapping[str, int | str]
) -> Path:
    return fill(source, target, field_values(form, answers))


def flatten(source: Path, target: Path, *, keep_metadata: bool = True) -> Path:
    """A copy without form fields, as "print to PDF" or flattening leaves a form."""
    reader = PdfReader(source)
    writer = PdfWriter()
    for page in reader.pages:
        added = writer.add_page(page)
        if "/Annots" in added:
            del added[NameObject("/Annots")]
    if keep_metadata and reader.metadata:
        writer.add_metadata(dict(reader.metadata))
    writer.write(target)
    return target
