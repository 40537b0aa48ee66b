"""Questionnaire forms: one fillable PDF per person, made with ReportLab's form fields.

A form is filled in any PDF reader and sent back, or printed and ticked by hand: every answer
has a box with its words printed beside it, so the paper copy needs nothing the screen has.
The fields are named by ``domain.outcomes.form_fields`` so that collecting reads them back by
the same names; the form's token, the data file's identity and the person's number ride along
in hidden read-only fields and in the PDF's keywords.

Forms are not entries of ``registry``: a document kind there is gathered read-only from one
pair or cohort, while making forms issues them (it writes the forms and their blank answers)
for a cohort, a questionnaire and perhaps one person, and writes one file per person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, PageBreak, Spacer

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.outcomes import form_fields
from revmentor_desktop.domain.outcomes.forms import LONGEST_TEXT_ANSWER, FormToFill
from revmentor_desktop.domain.outcomes.questions import FormItem
from revmentor_desktop.domain.report_data import Letterhead
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.base import DocumentInfo, Progress, Renderer, SectionStart, Target
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.form_fields import (
    fields_of,
    hidden_field,
    plain_box,
    text_box,
)
from revmentor_desktop.reports.house_style import INK, MUTED, RULE
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.text_fitting import draw_line

BOX = 4.2 * mm  # one answer's tick box
TEXT_BOX_HEIGHT = 25 * mm  # room for a few handwritten lines
GAP_AFTER_ITEM = 3.5 * mm
QUESTION_TO_ANSWER = 1.5 * mm
BOX_TO_LABEL = 1 * mm
LABEL_SIZE = 7.5


def form_file_name(form: FormToFill) -> str:
    """``Starting-point-Agnes-Dubois.pdf``: the questionnaire and the person, safe in any
    folder; the form's number tells two people of the same name apart."""
    words = f"{form.questionnaire.title} {form.person_name}"
    kept = "".join(char if char.isalnum() or char in " -_" else " " for char in words)
    return f"{'-'.join(kept.split()) or 'form'}-{form.form_id}.pdf"


class ItemBlock(Flowable):
    """One question: its number and wording, then a box per answer (or a box to write in).

    Drawn whole on one page: a question is never split from its boxes. ``fillable`` draws
    form fields; otherwise plain boxes for a combined document to print (one PDF cannot hold
    many forms' fields of the same names).
    """

    def __init__(
        self, item: FormItem, number: int, styles: dict[str, ParagraphStyle], fillable: bool
    ):
        super().__init__()
        self.item = item
        self.fillable = fillable
        self.question = Paragraph(
            f"<b>{number}.</b>&nbsp;&nbsp;{text(item.wording)}", styles["body"]
        )
        self.label_style = styles["box_label"]
        self.choices = form_fields.choices(item)
        self.labels: list[list[str] | Paragraph] = []
        self.question_height = 0.0
        self.answer_height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, self.question_height = self.question.wrap(available_width, available_height)
        if not self.choices:
            self.answer_height = TEXT_BOX_HEIGHT
        else:
            column = self._column()
            self.labels = [self._label(choice.label, column - 2) for choice in self.choices]
            tallest = max(self._label_height(label, column - 2) for label in self.labels)
            self.answer_height = BOX + BOX_TO_LABEL + tallest
        self.height = (
            self.question_height + QUESTION_TO_ANSWER + self.answer_height + GAP_AFTER_ITEM
        )
        return self.width, self.height

    def _label(self, value: str, room: float) -> list[str] | Paragraph:
        """A box's words: lines of plain text, drawn several times faster than a Paragraph
        (a form has dozens), or a Paragraph for text that needs its fonts and direction."""
        if value.isascii():
            return simpleSplit(value, fonts.REGULAR, LABEL_SIZE, room)
        return Paragraph(text(value), self.label_style)

    def _label_height(self, label: list[str] | Paragraph, room: float) -> float:
        if isinstance(label, list):
            return len(label) * self.label_style.leading
        return label.wrap(room, 1000)[1]

    def _draw_label(
        self, label: list[str] | Paragraph, centre: float, top: float, room: float
    ) -> None:
        canvas = self.canv
        if isinstance(label, list):
            canvas.setFont(fonts.REGULAR, LABEL_SIZE)
            canvas.setFillColor(INK)
            for line_number, line in enumerate(label, start=1):
                baseline = top - line_number * self.label_style.leading + 1.5
                canvas.drawCentredString(centre, baseline, line)
            return
        _, height = label.wrap(room, 1000)
        label.drawOn(canvas, centre - room / 2, top - height)

    def _column(self) -> float:
        """The width each answer's box and label take; short scales stay compact."""
        return min(self.width / len(self.choices), 32 * mm)

    def draw(self) -> None:
        canvas = self.canv
        self.question.drawOn(canvas, 0, self.height - self.question_height)
        top = self.height - self.question_height - QUESTION_TO_ANSWER
        if self.choices:
            self._draw_choices(top)
        else:
            self._draw_text_box(top)

    def _draw_choices(self, top: float) -> None:
        canvas, column = self.canv, self._column()
        box_y = top - BOX
        for index, (choice, label) in enumerate(zip(self.choices, self.labels, strict=True)):
            centre = index * column + column / 2
            if self.fillable:
                fields_of(canvas).tick_box(
                    form_fields.field_name(self.item),
                    choice.value,
                    centre - BOX / 2,
                    box_y,
                    BOX,
                    f"{self.item.wording} – {choice.label}",
                )
            else:
                plain_box(canvas, centre - BOX / 2, box_y, BOX, BOX)
            self._draw_label(label, centre, box_y - BOX_TO_LABEL, column - 2)

    def _draw_text_box(self, top: float) -> None:
        canvas = self.canv
        y = top - TEXT_BOX_HEIGHT
        if self.fillable:
            text_box(
                canvas,
                form_fields.field_name(self.item),
                (0, y, self.width, TEXT_BOX_HEIGHT),
                self.item.wording,
                LONGEST_TEXT_ANSWER,
            )
        else:
            plain_box(canvas, 0, y, self.width, TEXT_BOX_HEIGHT)


class FactsGrid(Flowable):
    """Who the form is for, in two columns of label-over-value boxes: compact enough that a
    starting-point form fits one page, and drawn as lines (a table of Paragraphs took a
    tenth of a form's time)."""

    LABEL_SIZE, VALUE_SIZE, ROW = 7, 10, 9 * mm

    def __init__(self, facts: list[tuple[str, str]]) -> None:
        super().__init__()
        self.facts = facts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = ((len(self.facts) + 1) // 2) * self.ROW
        return self.width, self.height

    def draw(self) -> None:
        canvas, column = self.canv, self.width / 2
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.3)
        for index, (label, value) in enumerate(self.facts):
            x = (index % 2) * column
            top = self.height - (index // 2) * self.ROW
            canvas.setFillColor(MUTED)
            draw_line(canvas, x, top - self.LABEL_SIZE, label, self.LABEL_SIZE, column - 6)
            canvas.setFillColor(INK)
            draw_line(canvas, x, top - 7.5 * mm + 2, value, self.VALUE_SIZE, column - 6)
            canvas.line(x, top - self.ROW + 1, x + column - 6, top - self.ROW + 1)
        canvas.restoreState()


class HiddenIdentifiers(Flowable):
    """The form's token, the issuing file and the person, as hidden read-only fields."""

    def __init__(self, form: FormToFill) -> None:
        super().__init__()
        self.values = {
            form_fields.TOKEN_FIELD: form.token,
            form_fields.ISSUER_FIELD: form.issuer,
            form_fields.PERSON_FIELD: str(form.person_id),
        }

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        for name, value in self.values.items():
            hidden_field(self.canv, name, value)


class FormRenderer(Renderer):
    """One form with its fields, or many forms without them, each starting a new page."""

    def __init__(
        self, forms: Sequence[FormToFill], letterhead: Letterhead, *, fillable: bool
    ) -> None:
        super().__init__(letterhead)
        self.forms = forms
        self.fillable = fillable
        self.styles["box_label"] = ParagraphStyle(
            "box_label",
            parent=self.styles["cell"],
            fontSize=LABEL_SIZE,
            leading=LABEL_SIZE * 1.25,
            alignment=TA_CENTER,
            textColor=INK,
        )

    def info(self) -> DocumentInfo:
        first = self.forms[0]
        title = first.questionnaire.title
        if len(self.forms) == 1:
            title = f"{title} – {first.person_name}"
        identifiers = form_fields.Identifiers(first.token, first.issuer, first.person_id)
        return DocumentInfo(
            title=title,
            subject=f"Questionnaire form: {first.questionnaire.title}, {first.cohort_name}",
            header_right=f"{first.questionnaire.title} · {first.cohort_name}",
            footer=self._footer(first),
            keywords=form_fields.keywords(identifiers) if len(self.forms) == 1 else "",
        )

    @staticmethod
    def _footer(form: FormToFill) -> str:
        return f"{form.person_name} · form reference {form.token}"

    def flowables(self, progress: Progress | None) -> list[Flowable]:
        story: list[Flowable] = []
        total = len(self.forms)
        for index, form in enumerate(self.forms):
            if index:
                story.append(PageBreak())
            story.append(SectionStart(self._footer(form), index, total, progress))
            story.extend(self._form(form))
        return story

    def _form(self, form: FormToFill) -> list[Flowable]:
        st = self.styles
        facts = [
            ("Name", form.person_name),
            ("Role", form.role_label),
            ("Partner", form.partner_name),
            ("Cohort", form.cohort_name),
            ("Please return by", format_date(form.due_date, "when you can")),
        ]
        story: list[Flowable] = [
            *self.title_block(form.questionnaire.title, form.person_name, text(self.issued())),
            FactsGrid(facts),
            Spacer(1, 3 * mm),
            Paragraph(text(form.questionnaire.introduction), st["body"]),
            Paragraph(text(self._how_to_answer()), st["muted"]),
            Spacer(1, 2 * mm),
        ]
        if self.fillable:
            story.append(HiddenIdentifiers(form))
        story.extend(
            ItemBlock(item, number, st, self.fillable)
            for number, item in enumerate(form.items, start=1)
        )
        return story

    def _how_to_answer(self) -> str:
        coordinator = self.letterhead.coordinator_name or "the programme coordinator"
        on_screen = (
            "Fill this form in on screen in any PDF reader, save it and send the file back to "
            f"{coordinator}. "
            if self.fillable
            else ""
        )
        return (
            f"{on_screen}On paper: tick one box for each question and write in the boxes, "
            f"then hand the form to {coordinator}. Leave out any question you prefer not to "
            "answer."
        )


def render_form(form: FormToFill, letterhead: Letterhead, target: Target) -> None:
    """Write one person's fillable form to a path (atomically) or a binary file."""
    FormRenderer([form], letterhead, fillable=True).render(target)


def render_forms_for_printing(
    forms: Sequence[FormToFill],
    letterhead: Letterhead,
    target: Target,
    progress: Progress | None = None,
) -> None:
    """All ``forms`` in one PDF to print, each on its own pages, boxes without fields."""
    FormRenderer(forms, letterhead, fillable=False).render(target, progress)


def write_forms(
    forms: Iterable[FormToFill],
    letterhead: Letterhead,
    folder: Path,
    progress: Progress | None = None,
) -> list[Path]:
    """One fillable PDF per form in ``folder`` (named by ``form_file_name``); the paths."""
    forms = list(forms)
    written = []
    for index, form in enumerate(forms):
        if progress is not None:
            progress(index, len(forms))
        path = folder / form_file_name(form)
        render_form(form, letterhead, path)
        written.append(path)
    return written
