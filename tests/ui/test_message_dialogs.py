"""Prepare e-mails and Message templates in the window, driven with qtbot."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain.messages import templates
from revmentor_desktop.domain.messages.history import history_of
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.message_templates_dialog import MessageTemplatesDialog
from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
from revmentor_desktop.ui.dialogs.prepare_messages_dialog import PrepareMessagesDialog
from tests.domain.messages.helpers import NO_ADDRESS, address_of, programme_with_addresses
from tests.reports.programme import Programme


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    return programme_with_addresses()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What the dialogs ask the desktop to open (a folder, a file, a mailto: link)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def test_prepare_for_a_pair_suggests_its_message_writes_drafts_and_opens_the_folder(
    qtbot: QtBot, context: AppContext, programme: Programme, tmp_path: Path, opened: list[QUrl]
) -> None:
    dialog = PrepareMessagesDialog(context, [programme.quiet_pair_id])
    qtbot.addWidget(dialog)
    assert dialog.template_name() == "first-session"  # the pair has not met yet
    assert "Subject: Your first meeting with Mehmet" in dialog.preview.toPlainText()
    assert f"{NO_ADDRESS} (Mentee, pair {programme.quiet_pair_id}) has no e-mail" in (
        dialog.missing.text()
    )
    dialog.folder.set_folder(str(tmp_path))
    with qtbot.waitSignal(dialog.prepared, timeout=60_000) as prepared:
        qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    [path] = prepared.args[0]
    draft = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert draft["To"].addresses[0].addr_spec == address_of("Siobhán Ó Súilleabháin")
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert [line.template for line in history_of(programme.quiet_pair_id)] == ["first-session"]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_one_message_without_attachments_opens_as_a_mailto_link(
    qtbot: QtBot, context: AppContext, programme: Programme, opened: list[QUrl]
) -> None:
    dialog = PrepareMessagesDialog(context, [programme.quiet_pair_id], template="stalled")
    qtbot.addWidget(dialog)
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    [url] = opened
    assert url.scheme() == "mailto" and address_of("Siobhán Ó Súilleabháin") in url.toString()
    assert [line.template for line in history_of(programme.quiet_pair_id)] == ["stalled"]


def test_prepare_for_a_cohort_says_when_no_pair_is_due(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    dialog = PrepareMessagesDialog(context, cohort_id=programme.cohort_id, template="thanks")
    qtbot.addWidget(dialog)
    assert dialog.status.text() == f"No pair in {programme.cohort_name} is due this message now."
    assert not dialog.prepare_button.isEnabled()
    dialog.template.setCurrentIndex(dialog.template.findData("introduction"))
    assert dialog.prepare_button.isEnabled() and "pairs:" in dialog.who.text()


def test_the_pair_dialog_lists_what_was_prepared(
    qtbot: QtBot, context: AppContext, programme: Programme, tmp_path: Path, opened: list[QUrl]
) -> None:
    dialog = PairDialog(context, pair_id=programme.pair_id)
    qtbot.addWidget(dialog)
    model = dialog.messages.model
    assert model.rowCount() == 0 and not dialog.messages.empty.isHidden()
    prepare = PrepareMessagesDialog(context, [programme.pair_id], template="stalled")
    qtbot.addWidget(prepare)
    prepare.folder.set_folder(str(tmp_path))
    with qtbot.waitSignal(prepare.prepared, timeout=60_000):
        qtbot.mouseClick(prepare.prepare_button, Qt.MouseButton.LeftButton)
    dialog.messages.refresh(programme.pair_id)
    ModelTester(None).check(model)
    cells = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert cells[1] == [
        "Mon 15 Jun 2026, 10:00",
        "A nudge for a pair that stopped meeting",
        "Agnès Dubois (Reverse mentor)",
    ]


def test_the_template_editor_refuses_an_unknown_placeholder_and_resets(
    qtbot: QtBot, context: AppContext, data_file: DataFile
) -> None:
    dialog = MessageTemplatesDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.current_name() == "introduction"
    assert dialog.default_body.toPlainText() == templates.BUILT_IN["introduction"].body
    dialog.subject.setText("Welcome, {first_nam}")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "{first_nam} is not a placeholder" in dialog.problem.text()
    assert templates.is_default("introduction")
    dialog.subject.setText("Welcome, {first_name}")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert templates.find_template("introduction").subject == "Welcome, {first_name}"
    assert dialog.reset_button.isEnabled()
    context.edits.undo_stack.undo()
    assert templates.is_default("introduction")
    context.edits.undo_stack.redo()
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert templates.is_default("introduction") and not dialog.reset_button.isEnabled()


def test_moving_to_another_template_keeps_what_was_typed(
    qtbot: QtBot, context: AppContext, data_file: DataFile
) -> None:
    dialog = MessageTemplatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.subject.setText("Say hello to {partner_name}")
    dialog.names.setCurrentRow(1)
    assert templates.find_template("introduction").subject == "Say hello to {partner_name}"
    assert dialog.current_name() == "first-session"
    dialog.subject.setText("Oops {nope}")
    dialog.names.setCurrentRow(2)
    assert dialog.current_name() == "first-session" and "{nope}" in dialog.problem.text()


def test_today_offers_the_nudge_that_fits_each_pair_item(
    qtbot: QtBot,
    context: AppContext,
    programme: Programme,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from revmentor_desktop.domain.attention import AttentionKind
    from revmentor_desktop.ui.views import today_view

    view = today_view.TodayView(context)
    qtbot.addWidget(view)
    view.refresh()
    [item] = [
        item
        for item in view.model.items
        if item.target_kind == "pair" and item.target_id == programme.quiet_pair_id
    ]
    assert item.kind is AttentionKind.NO_FIRST_SESSION
    shown: list[str] = []
    monkeypatch.setattr(
        PrepareMessagesDialog, "exec", lambda dialog: shown.append(dialog.template_name()) or 0
    )
    view.prepare_nudge(item.target_id, today_view.NUDGES[item.kind])
    assert shown == ["first-session"]
