"""Session plans on paper: a handout of one plan, and a pair's booklet (a cover, then a page
per meeting).

Each plan fits one page: the aim, what each partner prepares, the timed agenda, questions to
ask, the "keep it safe" note and a small task until next time. A booklet's page numbers run
through the whole booklet, because the pair keeps it together.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from revmentor_desktop.domain.plans.documents import PlanBooklet, PlanHandout, PlanPage
from revmentor_desktop.domain.plans.session_plan import Stage
from revmentor_desktop.domain.report_data import Letterhead
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.base import DocumentInfo, Progress, Renderer, SectionStart, Target
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.house_style import ACCENT, BAND_FILL, NAVY, RULE
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.tables import side_by_side_cards, table_style

CARD_PADDING = 7  # points inside the "prepare" cards and the safety box
SAFE_FILL = "#FFF6E5"  # a warm band: the note people should not skip
SAFE_EDGE = "#E0A437"
TICK, BOX = "☑", "☐"


class NoteLines(Flowable):
    """Ruled lines for notes in the room left at the bottom of a plan's page (none if little)."""

    GAP = 8 * mm
    MOST = 8
    FEWEST = 3

    def __init__(self, heading_style: ParagraphStyle) -> None:
        super().__init__()
        self.heading_style = heading_style
        self.lines = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        room = int((available_height - self.heading_style.leading) // self.GAP)
        self.lines = min(self.MOST, room) if room >= self.FEWEST else 0
        height = self.heading_style.leading + self.lines * self.GAP if self.lines else 0
        return available_width, height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []  # never carried to a page of its own

    def draw(self) -> None:
        if not self.lines:
            return
        canvas = self.canv
        top = self.lines * self.GAP
        canvas.setFont(self.heading_style.fontName, self.heading_style.fontSize)
        canvas.setFillColor(self.heading_style.textColor)
        canvas.drawString(0, top + 3, "Notes")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        for line in range(self.lines):
            canvas.line(0, line * self.GAP, self.width, line * self.GAP)


class PlanRenderer(Renderer):
    """Draws plan pages; subclasses add a cover (booklet) or nothing (handout)."""

    def __init__(self, letterhead: Letterhead) -> None:
        super().__init__(letterhead)
        self._bodies: dict[tuple[object, ...], list[Flowable]] = {}
        _extend_styles(self)

    def plan_page(self, page: PlanPage) -> list[Flowable]:
        """The plan's title and where it sits, then its body (the same on every pair's page)."""
        st = self.styles
        plan = page.plan
        parts = [page.meeting] if page.meeting else []
        stage = plan.stage.label if plan.stage is not Stage.TOPIC else "Session plan"
        if (plan.stage is not Stage.TOPIC or not page.meeting) and (
            stage.casefold() not in plan.title.casefold()  # "The closing meeting" says it
        ):
            parts.append(stage)
        parts.append(f"{page.session_minutes} minutes")
        if page.done:
            parts.append(f"{TICK} held")
        meta = " · ".join(text(part) for part in parts)
        heading: list[Flowable] = [  # where it sits, above the title, like a booklet's running head
            Paragraph(meta, st["meta"]),
            self.fitted(plan.title, st["title"], self.frame_width, smallest=13),
        ]
        key = (plan, page.steps, page.mentor_label, page.mentee_label)
        if key not in self._bodies:
            self._bodies[key] = self._plan_body(page)
        return heading + self._bodies[key]

    def _plan_body(self, page: PlanPage) -> list[Flowable]:
        """Everything below the title. A booklet of 250 pairs repeats a few plans thousands of
        times: these flowables are laid out once each and drawn on every page that has them
        (Platypus wraps a flowable again before each drawing, so sharing them is safe)."""
        st = self.styles
        plan = page.plan
        questions = [
            Paragraph(text(question), st["bullet"], bulletText="•") for question in plan.questions
        ]
        return [
            Spacer(1, 2.5 * mm),
            Paragraph(text(plan.aim), st["aim"]),
            self._prepare_cards(page),
            self._heading("Agenda"),
            self._agenda(page),
            self._heading("Questions to ask"),
            *questions,
            Spacer(1, 2 * mm),
            self._safe_box(plan.keep_safe),
            self._heading("Until next time"),
            Paragraph(text(plan.task), st["body"]),
            Spacer(1, 2 * mm),
            NoteLines(st["h2"]),
        ]

    def _heading(self, title: str) -> Paragraph:
        return Paragraph(text(title), self.styles["h2"])  # h2 keeps with what follows

    def _prepare_cards(self, page: PlanPage) -> Table:
        st = self.styles
        half = self.frame_width / 2

        def card(label: str, words: str) -> list[Flowable]:
            return [
                Paragraph(text(f"{label} prepares".upper()), st["label"]),
                Paragraph(text(words), st["small"]),
            ]

        return side_by_side_cards(
            (
                card(page.mentor_label, page.plan.mentor_prepares),
                card(page.mentee_label, page.plan.mentee_prepares),
            ),
            (half, half),
            padding=CARD_PADDING,
            divider=3,
            top=5,
            bottom=3,
        )

    def _agenda(self, page: PlanPage) -> Table:
        st = self.styles
        width = self.frame_width
        rows: list[list[object]] = []
        start = 0
        for step in page.steps:
            end = start + step.minutes
            what = f"<b>{text(step.title)}</b>"
            if step.detail:
                what += f"<br/>{text(step.detail)}"
            # Numbers need no Paragraph: the table draws plain text far faster.
            rows.append([f"{step.minutes} min", f"{start}–{end}", Paragraph(what, st["cell"])])
            start = end
        table = Table(rows, colWidths=[width * 0.11, width * 0.1, width * 0.79], splitInRow=1)
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (0, -1), fonts.BOLD),
                    ("FONTSIZE", (0, 0), (1, -1), st["cell"].fontSize),
                    ("FONTSIZE", (1, 0), (1, -1), st["cell_muted"].fontSize),
                    ("TEXTCOLOR", (1, 0), (1, -1), st["cell_muted"].textColor),
                    ("LEADING", (0, 0), (1, -1), st["cell"].leading),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, NAVY),
                    ("ROWBACKGROUNDS", (0, 0), (-1, -1), ["white", BAND_FILL]),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                    ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ]
            )
        )
        return table

    def _safe_box(self, words: str) -> Table:
        st = self.styles
        body = [
            Paragraph("KEEP IT SAFE", st["safe_label"]),
            Paragraph(text(words), st["small"]),
        ]
        table = Table([[body]], colWidths=[self.frame_width], splitInRow=1)
        table.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), SAFE_FILL),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, SAFE_EDGE),
                    ("LEFTPADDING", (0, 0), (-1, -1), CARD_PADDING + 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), CARD_PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table


def _extend_styles(renderer: Renderer) -> None:
    """The plans' own styles, added to the shared sheet."""
    st = renderer.styles
    st["aim"] = ParagraphStyle("aim", parent=st["body"], fontSize=10.5, leading=15, spaceAfter=8)
    st["safe_label"] = ParagraphStyle(
        "safe_label",
        parent=st["label"],
        fontName=fonts.BOLD,
        textColor="#8A5A00",
        spaceAfter=2,
    )
    st["cover_name"] = ParagraphStyle(
        "cover_name", parent=st["title"], fontSize=22, leading=28, textColor=ACCENT, spaceAfter=2
    )


class HandoutRenderer(PlanRenderer):
    def __init__(self, handout: PlanHandout) -> None:
        super().__init__(handout.letterhead)
        self.handout = handout

    def info(self) -> DocumentInfo:
        title = self.handout.title
        return DocumentInfo(title, "Mentoring session plan", "Session plan", title)

    def flowables(self, progress: Progress | None) -> list[Flowable]:
        return self.plan_page(self.handout.page)


class BookletRenderer(PlanRenderer):
    """One or more pairs' booklets, each with its own cover and page numbers."""

    def __init__(self, booklets: list[PlanBooklet]) -> None:
        super().__init__(booklets[0].letterhead)
        self.booklets = booklets

    def info(self) -> DocumentInfo:
        title = self.booklets[0].title if len(self.booklets) == 1 else "Mentoring plans"
        return DocumentInfo(title, "Mentoring plan booklet", "Our mentoring plan", title)

    def flowables(self, progress: Progress | None) -> list[Flowable]:
        story: list[Flowable] = []
        total = len(self.booklets)
        for index, booklet in enumerate(self.booklets):
            if index:
                story.append(PageBreak())
            footer = f"Our mentoring plan · {booklet.mentor_name} & {booklet.mentee_name}"
            story.append(SectionStart(footer, index, total, progress))
            story.extend(self._cover(booklet))
            for page in booklet.pages:
                story.append(PageBreak())
                story.extend(self.plan_page(page))
        return story

    def _cover(self, booklet: PlanBooklet) -> list[Flowable]:
        st = self.styles
        width = self.frame_width
        story: list[Flowable] = [
            Spacer(1, 12 * mm),
            Paragraph(text(booklet.programme_kind.upper()), st["label"]),
            Paragraph("Our mentoring plan", st["title"]),
            Spacer(1, 6 * mm),
        ]
        for label, name in (
            (booklet.mentor_label, booklet.mentor_name),
            (booklet.mentee_label, booklet.mentee_name),
        ):
            story.append(Paragraph(text(label.upper()), st["label"]))
            story.append(self.fitted(name, st["cover_name"], width, smallest=11))
            story.append(Spacer(1, 3 * mm))
        meta = f"{text(booklet.cohort_name)}<br/>{text(booklet.dates)}<br/>{text(booklet.rhythm)}"
        story += [Spacer(1, 3 * mm), Paragraph(meta, st["subtitle"]), Spacer(1, 8 * mm)]
        story.append(Paragraph("Meetings", st["h1"]))
        if booklet.suggested:
            story.append(
                Paragraph(
                    "The plan the programme suggests for your focus areas. Change the order "
                    "or the topics together with your coordinator.",
                    st["muted"],
                )
            )
        story.append(self._contents(booklet))
        story.append(Spacer(1, 6 * mm))
        story.append(
            Paragraph(
                "Each meeting has a page: read it before you meet, bring what it asks you to "
                "prepare, and tick the meeting off when it is done. What you say in these "
                "meetings stays between the two of you.",
                st["body"],
            )
        )
        return story

    def _contents(self, booklet: PlanBooklet) -> Table:
        st = self.styles
        width = self.frame_width
        rows = [
            [
                Paragraph(TICK if page.done else BOX, st["cell"]),
                Paragraph(str(number), st["cell_muted"]),
                Paragraph(text(page.plan.title), st["cell"]),
                # Only the fixed meetings are named: "Topic" on every other line is noise.
                Paragraph(
                    text(page.plan.stage.label if page.plan.stage is not Stage.TOPIC else ""),
                    st["cell_muted"],
                ),
            ]
            for number, page in enumerate(booklet.pages, start=1)
        ]
        table = Table(
            rows, colWidths=[width * 0.06, width * 0.06, width * 0.62, width * 0.26], splitInRow=1
        )
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table


def render_handout(handout: PlanHandout, target: Target, progress: Progress | None = None) -> None:
    HandoutRenderer(handout).render(target, progress)


def render_booklet(booklet: PlanBooklet, target: Target, progress: Progress | None = None) -> None:
    BookletRenderer([booklet]).render(target, progress)


def render_booklets(
    booklets: list[PlanBooklet], target: Target, progress: Progress | None = None
) -> None:
    """Several pairs' booklets in one PDF (each pair's pages numbered on their own)."""
    BookletRenderer(booklets).render(target, progress)
