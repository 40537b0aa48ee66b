"""The document registry: every kind gathers, draws a real PDF and names its file."""

from __future__ import annotations

import io

import pytest

from revmentor_desktop.domain import pairs
from revmentor_desktop.reports import registry
from revmentor_desktop.storage.database import DataFile
from tests.fresh_imports import imports_library
from tests.reports.helpers import page_count, pdf_text
from tests.reports.programme import NOTE, Programme, build_programme, clock

EXPECTED = {
    # kind: (pair or cohort, file name the window proposes, text the PDF holds)
    "agreement": ("pair", "Agreement-Agnès-Dubois-Jörg-Müller.pdf", "Signatures"),
    "agreements": ("cohort", "Agreements-Reverse-mentoring-2026.pdf", "Signatures"),
    "pair summary": ("pair", "Progress-summary-Agnès-Dubois-Jörg-Müller.pdf", "Goals"),
    "cohort report": ("cohort", "Cohort-report-Reverse-mentoring-2026.pdf", "Headline figures"),
    "plan booklet": ("pair", "Our-mentoring-plan-Agnès-Dubois-Jörg-Müller.pdf", "KEEP IT SAFE"),
    "certificates": ("pair", "Certificates-Agnès-Dubois-Jörg-Müller.pdf", "CERTIFICATE OF"),
    "cohort certificates": ("cohort", "Certificates-Reverse-mentoring-2026.pdf", "Reverse mentor"),
}


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    built = build_programme()
    pairs.change_status(built.pair_id, "complete", clock=clock)  # it has certificates
    return built


def _target_id(kind: registry.DocumentKind[object], programme: Programme) -> int:
    return programme.pair_id if kind.target == registry.Target.PAIR else programme.cohort_id


def test_every_kind_is_declared_once_for_its_command_and_target() -> None:
    assert set(registry.KINDS) == set(EXPECTED)
    for name, kind in registry.KINDS.items():
        assert kind.target == EXPECTED[name][0]
        assert registry.find(kind.command, kind.target) is kind


@pytest.mark.parametrize("name", EXPECTED)
def test_every_kind_renders_a_pdf_under_the_name_the_window_proposes(
    programme: Programme, name: str
) -> None:
    kind = registry.KINDS[name]
    document = kind.gather_document(_target_id(kind, programme), registry.Request(clock=clock))
    buffer = io.BytesIO()
    steps: list[tuple[int, int]] = []

    document.render(buffer, lambda done, total: steps.append((done, total)))

    pdf = buffer.getvalue()
    assert page_count(pdf) >= 1
    assert EXPECTED[name][2] in pdf_text(pdf)
    assert document.file_name == EXPECTED[name][1]
    assert steps, "drawing reports progress, so the window can stop it"


def test_private_notes_only_where_offered_and_asked_for(programme: Programme) -> None:
    assert [k.name for k in registry.KINDS.values() if k.offers_private_notes] == ["pair summary"]
    asked = registry.Request(include_private_notes=True, clock=clock)
    document = registry.PAIR_SUMMARY.gather_document(programme.pair_id, asked)
    buffer = io.BytesIO()
    document.render(buffer)
    assert NOTE in pdf_text(buffer.getvalue())


def test_the_registry_loads_without_reportlab() -> None:
    assert not imports_library("revmentor_desktop.reports.registry", "reportlab")
