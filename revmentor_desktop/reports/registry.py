"""Every kind of document, declared once: its data, its renderer, its title and file name.

The command line and the window both look a kind up here, the way pretix looks up its invoice
renderers by name, so a new kind of document is one ``_declare`` below. A renderer is named
rather than imported: ReportLab loads only when a document is drawn, which keeps start-up fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from html import escape
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.health import HealthLevel
from revmentor_desktop.domain.report_data import AgreementBatch, CohortReportData, PairSummaryData
from revmentor_desktop.domain.vocabulary import PairStatus, plural

Data = TypeVar("Data")
Destination = Path | str | BinaryIO
Progress = Callable[[int, int], None]
PREVIEW_NAMES = 12  # pairs named in an agreement batch's preview before "… and N more"


class Target(StrEnum):
    """What a document is about, picked in the window's list or by ``--pair``/``--cohort``."""

    PAIR = "pair"
    COHORT = "cohort"


@dataclass(frozen=True)
class Request:
    """What the person asked for besides the pair or cohort."""

    include_private_notes: bool = False
    clock: Clock = system_clock
    locale_name: str | None = None


@dataclass(frozen=True)
class DocumentKind(Generic[Data]):
    name: str
    command: str  # the ``revmentor`` sub-command that prints it
    target: Target
    gather: Callable[..., Data]  # report_data's function: (id, clock=, locale_name=, …)
    renderer: str  # "module:function" in this package, called as function(data, file, progress)
    title: Callable[[Data], str]  # the window's title; the suggested file name follows from it
    contents: Callable[[Data], str]  # what was written, as in "Wrote 5 agreements to FILE"
    preview: Callable[[Data], str]  # HTML describing the document before it is opened
    offers_private_notes: bool = False

    def gather_document(self, target_id: int, request: Request | None = None) -> Document[Data]:
        """Read the document's data; the data file must be open (for reading is enough)."""
        request = request or Request()
        notes = {"include_private_notes": request.include_private_notes}
        options = notes if self.offers_private_notes else {}
        data = self.gather(
            target_id, clock=request.clock, locale_name=request.locale_name, **options
        )
        return Document(self, data)


@dataclass(frozen=True)
class Document(Generic[Data]):
    """The gathered data of one document, ready to draw in any thread."""

    kind: DocumentKind[Data]
    data: Data

    @property
    def title(self) -> str:
        return self.kind.title(self.data)

    @property
    def file_name(self) -> str:
        kept = "".join(char if char.isalnum() or char in " -_" else " " for char in self.title)
        return ("-".join(kept.split()) or "document") + ".pdf"

    @property
    def contents(self) -> str:
        return self.kind.contents(self.data)

    @property
    def preview(self) -> str:
        return self.kind.preview(self.data)

    def render(self, destination: Destination, progress: Progress | None = None) -> None:
        """Write the PDF to a path (atomically) or a binary file; ``progress`` may stop it."""
        if progress is not None:
            progress(0, 1)  # a first chance to stop before the slow part
        module, function = self.kind.renderer.split(":")
        draw = getattr(importlib.import_module(f"{__package__}.{module}"), function)
        draw(self.data, destination, progress)


KINDS: dict[str, DocumentKind[Any]] = {}


def _declare(kind: DocumentKind[Data]) -> DocumentKind[Data]:
    KINDS[kind.name] = kind
    return kind


def find(command: str, target: Target) -> DocumentKind[Any]:
    """The kind a sub-command prints for a pair or a cohort."""
    return next(k for k in KINDS.values() if (k.command, k.target) == (command, target))


def _agreement_count(batch: AgreementBatch) -> str:
    count = len(batch.agreements)
    return plural(count, "agreement")


def _agreements_preview(batch: AgreementBatch) -> str:
    shown = batch.agreements[:PREVIEW_NAMES]
    names = "".join(f"<li>{escape(a.first.name)} &amp; {escape(a.second.name)}</li>" for a in shown)
    if (more := len(batch.agreements) - len(shown)) > 0:
        names += f"<li>… and {more} more</li>"
    count = len(batch.agreements)
    return (
        f"<p><b>{plural(count, 'pairing agreement')}</b>, each starting on a "
        f"new page with its own page numbers, on {batch.letterhead.page_size} paper.</p>"
        f"<ul>{names}</ul>"
        "<p>Each has the parties, goals with a starting self-assessment, how the pair meets, "
        "duration and review date, confidentiality, ground rules, privacy, ending without "
        "fault, what the coordinator records, and signature blocks.</p>"
    )


def _summary_preview(summary: PairSummaryData) -> str:
    notes = (
        "<p><b>Includes coordinator-only notes</b>: not for the partners.</p>"
        if summary.include_private_notes
        else "<p>Coordinator-only notes are left out.</p>"
    )
    return (
        f"<p><b>Progress summary</b> of {escape(summary.first.name)} &amp; "
        f"{escape(summary.second.name)} ({escape(summary.programme)}).</p>"
        f"<p>Status: {escape(_status_and_health(summary))}<br>"
        f"Sessions held: {summary.sessions_held} of {summary.sessions_due} planned so far; "
        f"{summary.total_minutes / 60:.1f} hours; {plural(len(summary.goals), 'goal')}.</p>{notes}"
    )


def _status_and_health(summary: PairSummaryData) -> str:
    """ "Active, on track – Last session 5 days ago."; a pair not running has only its status."""
    status = PairStatus(summary.status).label
    if summary.health_level != HealthLevel.NONE:
        status += f", {summary.health_word.lower()}"
    return f"{status} – {summary.health_reason}"


def _cohort_preview(report: CohortReportData) -> str:
    figures = report.figures
    return (
        f"<p><b>Cohort report</b> for {escape(report.name)}.</p>"
        f"<p>{plural(figures.pairs_total, 'pair')}; "
        f"{plural(figures.people_unpaired, 'person')} without a pair; "
        f"{plural(figures.sessions_held, 'session')} held "
        f"of {figures.sessions_due} planned so far; "
        f"{plural(len(report.attention), 'item')} needing attention.</p>"
        f"<p>Groups smaller than {report.min_group_size} people are not broken down.</p>"
    )


AGREEMENT = _declare(
    DocumentKind[AgreementBatch](
        name="agreement",
        command="agreements",
        target=Target.PAIR,
        gather=report_data.agreement_for_pair,
        renderer="agreement:render_agreements",
        title=lambda batch: (
            f"Agreement – {batch.agreements[0].first.name} & {batch.agreements[0].second.name}"
        ),
        contents=_agreement_count,
        preview=_agreements_preview,
    )
)
AGREEMENTS = _declare(
    DocumentKind[AgreementBatch](
        name="agreements",
        command="agreements",
        target=Target.COHORT,
        gather=report_data.agreements_for_cohort,
        renderer="agreement:render_agreements",
        title=lambda batch: f"Agreements – {batch.agreements[0].programme}",
        contents=_agreement_count,
        preview=_agreements_preview,
    )
)
PAIR_SUMMARY = _declare(
    DocumentKind[PairSummaryData](
        name="pair summary",
        command="summary",
        target=Target.PAIR,
        gather=report_data.pair_summary,
        renderer="progress:render_progress_summary",
        title=lambda summary: f"Progress summary – {summary.first.name} & {summary.second.name}",
        contents=lambda summary: f"the progress summary of pair {summary.pair_id}",
        preview=_summary_preview,
        offers_private_notes=True,
    )
)
COHORT_REPORT = _declare(
    DocumentKind[CohortReportData](
        name="cohort report",
        command="summary",
        target=Target.COHORT,
        gather=report_data.cohort_report,
        renderer="cohort_report:render_cohort_report",
        title=lambda report: f"Cohort report – {report.name}",
        contents=lambda report: f"the cohort report for {report.name}",
        preview=_cohort_preview,
    )
)
