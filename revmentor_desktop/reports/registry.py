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
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.plans.documents import PlanBooklet, pair_booklet
from revmentor_desktop.domain.progress import Progress
from revmentor_desktop.domain.report_data import (
    AgreementBatch,
    CertificateBatch,
    CohortReportData,
    PairSummaryData,
)
from revmentor_desktop.domain.vocabulary import plural

Data = TypeVar("Data")
Destination = Path | str | BinaryIO


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
    offers_private_notes: bool = False
    step: str = "Pair"  # what the renderer's progress counts, as in "Pair 3 of 20"

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
    )
)
PLAN_BOOKLET = _declare(
    DocumentKind[PlanBooklet](
        name="plan booklet",
        command="plan",
        target=Target.PAIR,
        gather=pair_booklet,
        renderer="plans:render_booklet",
        title=lambda booklet: booklet.title,
        contents=lambda booklet: (
            f"the plan booklet of pair {booklet.pair_id} ({plural(len(booklet.pages), 'meeting')})"
        ),
    )
)


def _certificates(
    name: str, target: Target, gather: Callable[..., CertificateBatch]
) -> DocumentKind[CertificateBatch]:
    """Certificates of participation, a page per person: of a pair's partners or a cohort's."""
    return _declare(
        DocumentKind[CertificateBatch](
            name=name,
            command="certificates",
            target=target,
            gather=gather,
            renderer="certificate:render_certificate",
            title=lambda batch: batch.title,
            contents=lambda batch: batch.contents,
            step="Certificate",
        )
    )


CERTIFICATES = _certificates("certificates", Target.PAIR, report_data.certificates_for_pair)
COHORT_CERTIFICATES = _certificates(
    "cohort certificates", Target.COHORT, report_data.certificates_for_cohort
)
