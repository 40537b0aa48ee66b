"""The pairing agreement: one pair, or every pair of a cohort, each starting on a new page.

Page numbers restart with each agreement ("Page 1 of 3"), because each pair takes its own copy.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.report_data import (
    NOT_SET_FACT,
    AgreementBatch,
    AgreementClause,
    AgreementData,
    PartyInfo,
    date_range,
)
from revmentor_desktop.reports.base import DocumentInfo, Progress, Renderer, SectionStart, Target
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.house_style import NAVY, RULE
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.tables import (
    data_table,
    facts_table,
    side_by_side_cards,
    table_style,
)
from revmentor_desktop.reports.text_fitting import cell_text, fitted_style, paragraphs

SELF_ASSESSMENT = "☐ 1   ☐ 2   ☐ 3   ☐ 4   ☐ 5"
CARD_PADDING = 8  # points inside each party's card
SIGNATURE_PADDING = 10  # points right of each cell of the signature lines


class AgreementRenderer(Renderer):
    def __init__(self, batch: AgreementBatch) -> None:
        super().__init__(batch.letterhead)
        self.batch = batch

    def info(self) -> DocumentInfo:
        return DocumentInfo(
            title=self.batch.title,
            subject="Mentoring pairing agreement",
            header_right=self.batch.title,
            footer=self.batch.title,
        )

    def flowables(self, progress: Progress | None) -> list[Flowable]:
        story: list[Flowable] = []
        total = len(self.batch.agreements)
        for index, agreement in enumerate(self.batch.agreements):
            if index:
                story.append(PageBreak())
            footer = (
                f"Agreement · {agreement.first.name} & {agreement.second.name} · "
                f"Version {agreement.version}"
            )
            story.append(SectionStart(footer, index, total, progress))
            story.extend(self._agreement(agreement))
        return story

    def _agreement(self, data: AgreementData) -> list[Flowable]:
        dates = ""
        if data.programme_start or data.programme_end:
            dates = f" · {text(date_range(data.programme_start, data.programme_end))}"
        meta = (
            f"{text(data.kind_label)}{dates}<br/>"
            f"Version {text(data.version)} · {self.issued()} · Pair no. {data.pair_id}"
        )
        story = self.title_block(f"{data.kind_label} agreement", data.programme, meta)
        story.append(self._parties(data.first, data.second))
        story.append(Spacer(1, 2 * mm))
        for number, clause in enumerate(data.clauses, start=1):
            story.extend(self._clause(number, clause, data))
        return story

    def _parties(self, first: PartyInfo, second: PartyInfo) -> Table:
        st = self.styles
        half = self.frame_width / 2

        def card(party: PartyInfo) -> list[Flowable]:
            details = " · ".join(text(part) for part in (party.job_title, party.department) if part)
            name_style = fitted_style(
                st["party_name"], party.name, half - 2 * CARD_PADDING, lines=2, smallest=9
            )
            return [
                Paragraph(text(party.role_label.upper()), st["label"]),
                Paragraph(text(party.name), name_style),
                Paragraph(details or "&nbsp;", st["muted"]),
            ]

        return side_by_side_cards(
            (card(first), card(second)),
            (half - 2 * mm, half + 2 * mm),
            padding=CARD_PADDING,
            divider=2,
            top=6,
            bottom=4,
        )

    def _clause(self, number: int, clause: AgreementClause, data: AgreementData) -> list[Flowable]:
        st = self.styles
        body: list[Flowable] = [Paragraph(f"{number}. {text(clause.heading)}", st["h1"])]
        for block in clause.blocks:
            if block.kind == "bullets":
                body.extend(
                    Paragraph(text(item), st["bullet"], bulletText="•") for item in block.items
                )
            else:
                body.extend(piece for item in block.items for piece in paragraphs(item, st["body"]))
        if clause.key == "goals":
            body.extend(self._goals(data))
        elif clause.key == "meetings":
            body.append(
                facts_table(
                    [
                        ("Meeting", text(data.cadence.capitalize())),
                        ("Length", f"About {data.session_minutes} minutes"),
                        ("Format", text(data.meeting_format.capitalize())),
                        ("First meeting arranged by", text(data.first_meeting_by)),
                    ],
                    self.frame_width * 0.75,
                    st,
                )
            )
        elif clause.key == "duration":
            body.append(
                facts_table(
                    [
                        ("Start date", text(format_date(data.start_date, NOT_SET_FACT))),
                        ("Mid-point review", text(format_date(data.review_date, NOT_SET_FACT))),
                        ("End date", text(format_date(data.end_date, NOT_SET_FACT))),
                    ],
                    self.frame_width * 0.75,
                    st,
                )
            )
        elif clause.key == "signatures":
            return [CondPageBreak(95 * mm), *body, self._signatures(data)]
        if clause.key == "goals":
            return [KeepTogether(body[:3]), *body[3:]]
        if clause.key in ("meetings", "duration") and len(body) > 3:
            # Keep the heading with the first paragraph and the facts with the paragraph above.
            return [KeepTogether(body[:2]), *body[2:-2], KeepTogether(body[-2:])]
        return [KeepTogether(body)]

    def _goals(self, data: AgreementData) -> list[Flowable]:
        st = self.styles
        story: list[Flowable] = []
        if data.focus_areas:
            areas = ", ".join(text(area) for area in data.focus_areas)
            story.append(Paragraph(f"<b>Focus areas:</b> {areas}", st["body"]))
        width = self.frame_width
        header = [
            Paragraph("Goal", st["cell_head"]),
            Paragraph("Whose goal", st["cell_head"]),
            Paragraph("Starting point (1 = just starting, 5 = confident)", st["cell_head"]),
        ]
        widths = [width * 0.47, width * 0.2, width * 0.33]
        rows: list[list[object]] = [header]
        # The boxes to tick are the same on every line: plain table text, which ReportLab
        # draws without parsing or laying out a paragraph (500 goals, 500 paragraphs fewer).
        for goal in data.goals:
            rows.append(
                [
                    cell_text(goal.description, st["cell"], widths[0]),
                    cell_text(goal.owner_name, st["cell"], widths[1]),
                    SELF_ASSESSMENT,
                ]
            )
        blank_rows = 0 if data.goals else 3
        rows += [["", "", SELF_ASSESSMENT] for _ in range(blank_rows)]
        if blank_rows:
            story.append(
                Paragraph(
                    "No goals are recorded yet: the partners write them here at the first meeting.",
                    st["muted"],
                )
            )
        table = data_table(rows, widths, zebra=False)
        if blank_rows:
            for row in range(1, len(rows)):
                table._argH[row] = 9 * mm  # room to write by hand
        story.append(table)
        return story

    def _signatures(self, data: AgreementData) -> Flowable:
        """A line to sign and date for each partner and the coordinator.

        Rows are at least 20 mm high, room to sign by hand, and grow with a long name (set
        smaller, and cut past about four lines: the party cards above print it whole).
        """
        st = self.styles
        width = self.frame_width
        name_room = width * 0.38 - SIGNATURE_PADDING - 4
        people = [
            (data.first.role_label, data.first.name),
            (data.second.role_label, data.second.name),
            ("Programme coordinator", self.letterhead.coordinator_name),
        ]
        rows = []
        for role, name in people:
            rows.append(
                [
                    [
                        Paragraph(text(role.upper()), st["label"]),
                        self.fitted(name or "Name:", st["body"], name_room, smallest=7.5),
                    ],
                    "Signature",  # fixed words need no Paragraph: the table draws them
                    "Date",
                ]
            )
        table = Table(
            rows,
            colWidths=[width * 0.38, width * 0.4, width * 0.22],
            minRowHeights=[20 * mm] * len(rows),
        )
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
                    ("VALIGN", (1, 0), (-1, -1), "BOTTOM"),
                    ("LINEABOVE", (1, 0), (1, -1), 0, "white"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("LINEBELOW", (1, 0), (1, -1), 0.8, NAVY),
                    ("LINEBELOW", (2, 0), (2, -1), 0.8, NAVY),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), SIGNATURE_PADDING),
                    ("BOTTOMPADDING", (1, 0), (-1, -1), 1),
                    ("FONTSIZE", (1, 0), (-1, -1), st["cell_muted"].fontSize),
                    ("TEXTCOLOR", (1, 0), (-1, -1), st["cell_muted"].textColor),
                ]
            )
        )
        return table


def render_agreements(
    batch: AgreementBatch, target: Target, progress: Progress | None = None
) -> None:
    """Write the agreements of ``batch`` as one PDF to a path or a binary file object.

    ``progress(index, total)`` is called as each agreement is laid out; raising from it stops
    the document and writes nothing.
    """
    AgreementRenderer(batch).render(target, progress)
