"""The document dialog: made in the background, then saved; notes only when ticked."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from revmentor_desktop.reports import registry
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs import document_dialog
from revmentor_desktop.ui.dialogs.document_dialog import DocumentDialog, page_count
from revmentor_desktop.ui.undo import EditStack
from tests.reports.helpers import pdf_text
from tests.reports.programme import NOTE, build_programme, clock

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def context(data_file: DataFile) -> AppContext:
    return AppContext(EditStack(), clock)


def _made(qtbot: QtBot, dialog: DocumentDialog) -> bytes:
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=20_000)
    assert dialog.pdf is not None
    return dialog.pdf


def test_agreements_for_a_cohort_are_made_with_progress(qtbot: QtBot, context: AppContext) -> None:
    programme = build_programme()
    dialog = DocumentDialog(context, registry.AGREEMENTS, programme.cohort_id)
    qtbot.addWidget(dialog)
    seen: list[tuple[int, int]] = []
    dialog.generate()
    assert dialog._thread is not None
    dialog._thread.progressed.connect(lambda done, total: seen.append((done, total)))
    pdf = _made(qtbot, dialog)
    assert page_count(pdf) >= 10
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert "5 pairing agreements" in dialog.preview.toPlainText()
    assert "pages" in dialog.status.text()


def test_save_as_writes_the_pdf(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme = build_programme()
    dialog = DocumentDialog(context, registry.COHORT_REPORT, programme.cohort_id)
    qtbot.addWidget(dialog)
    dialog.generate()
    pdf = _made(qtbot, dialog)
    target = tmp_path / "cohort"
    proposed: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        proposed.append(Path(suggested).name)
        return str(target), ""

    monkeypatch.setattr(document_dialog.QFileDialog, "getSaveFileName", choose)
    saved = dialog.save_as()
    assert proposed == ["Cohort-report-Reverse-mentoring-2026.pdf"]
    assert saved == tmp_path / "cohort.pdf"
    assert saved.read_bytes() == pdf
    assert "Headline figures" in pdf_text(pdf)


def test_private_notes_only_when_ticked(qtbot: QtBot, context: AppContext) -> None:
    programme = build_programme()
    dialog = DocumentDialog(context, registry.PAIR_SUMMARY, programme.pair_id)
    qtbot.addWidget(dialog)
    assert not dialog.private_notes.isHidden()
    dialog.generate()
    assert NOTE not in pdf_text(_made(qtbot, dialog))
    dialog.private_notes.setChecked(True)  # makes the document again
    assert NOTE in pdf_text(_made(qtbot, dialog))
    assert "Includes coordinator-only notes" in dialog.preview.toPlainText()


def test_an_unknown_pair_is_said_plainly(qtbot: QtBot, context: AppContext) -> None:
    dialog = DocumentDialog(context, registry.AGREEMENT, 404)
    qtbot.addWidget(dialog)
    dialog.generate()
    assert "There is no pair with number 404." in dialog.status.text()
    assert not dialog.save_button.isEnabled()


def test_show_document_opens_the_dialog_titled_for_the_pair(
    qtbot: QtBot, context: AppContext
) -> None:
    programme = build_programme()
    dialog = document_dialog.show_document(context, registry.AGREEMENT, programme.pair_id)
    qtbot.addWidget(dialog)
    _made(qtbot, dialog)
    assert dialog.windowTitle() == "Agreement – Agnès Dubois & Jörg Müller"
    assert dialog.private_notes.isHidden()
    dialog.close()
