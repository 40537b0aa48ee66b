"""Prepare e-mails: a message template filled in for the partners of a pair or of a cohort's
pairs, shown before anything is written, then written as drafts (.eml) to a folder that opens.

RevMentor sends nothing: the coordinator checks and sends the drafts from their own mail
program. One message can open straight in it instead (a mailto: link when nothing is attached,
else its draft file).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.messages import planning, templates
from revmentor_desktop.domain.messages.history import record_prepared
from revmentor_desktop.domain.messages.planning import MessagePlan
from revmentor_desktop.domain.messages.templates import Attachment
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.feedback import show_refusal
from revmentor_desktop.ui.widgets.folder_field import FolderField
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize
from revmentor_desktop.ui.workers import DialogJob

PREVIEW_LINES = 14


class PrepareMessagesDialog(RemembersSize, QDialog):
    """For ``pair_ids`` (chosen by hand) or for the pairs of ``cohort_id`` the template is for.
    ``prepared`` fires with the files written (none for a mailto: link)."""

    prepared = Signal(list)

    def __init__(
        self,
        context: AppContext,
        pair_ids: list[int] | None = None,
        cohort_id: int | None = None,
        template: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.chosen_pairs = list(pair_ids or [])
        self.cohort_id = cohort_id
        self.plan: MessagePlan | None = None
        self._job = DialogJob(self)
        self.setWindowTitle("Prepare e-mails")
        if template is None and len(self.chosen_pairs) == 1:
            template = planning.suggested_template(self.chosen_pairs[0], context.clock)
        self.template = QComboBox(self)
        for known in templates.all_templates():
            self.template.addItem(known.title, known.name)
        self.template.setCurrentIndex(max(self.template.findData(template or ""), 0))
        self.purpose = self._wrapping_label()
        self.who = self._wrapping_label()
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The first message as it will be written")
        line = self.preview.fontMetrics().lineSpacing()
        self.preview.setMinimumHeight(line * 4)  # a small screen still shows the dialog whole
        self.missing = self._wrapping_label()
        self.folder = FolderField(
            "The folder to write the drafts to", "Folder for the drafts", self
        )
        self.status = self._wrapping_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.prepare_button = self.buttons.addButton(
            "&Prepare e-mails", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button = self.buttons.addButton(
            "&Open in mail program", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setToolTip("Open the one message in your mail program to send it")
        self.open_button.clicked.connect(self.open_in_mail_program)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Message:", self.template)
        form.addRow("", self.purpose)
        form.addRow("For:", self.who)
        form.addRow("&Folder:", self.folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.missing)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.template.currentIndexChanged.connect(lambda _index: self.refresh())
        self.refresh()
        extra = line * (PREVIEW_LINES - 4)  # opens with room for the whole message
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.sizeHint().height() + extra)

    def _wrapping_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        return label

    def template_name(self) -> str:
        return str(self.template.currentData())

    def _pair_ids(self) -> list[int]:
        if self.cohort_id is None:
            return self.chosen_pairs
        return planning.cohort_pairs(self.template_name(), self.cohort_id, self.context.clock)

    def refresh(self) -> None:
        """Fill the template in again and show the first message, or why there is none."""
        template = templates.find_template(self.template_name())
        self.purpose.setText(template.purpose)
        self.plan = None
        try:
            pair_ids = self._pair_ids()
            plan = planning.plan_messages(template.name, pair_ids) if pair_ids else None
        except DomainError as refusal:
            self._show_nothing(str(refusal))
            return
        if plan is None:
            cohort = cohorts.get_cohort_model(self.cohort_id).name if self.cohort_id else ""
            self._show_nothing(f"No pair in {cohort or 'the cohort'} is due this message now.")
            return
        self.plan = plan
        self.who.setText(self._who(pair_ids, plan))
        self.missing.setText("\n".join(plan.missing_email_lines()))
        self.missing.setVisible(bool(plan.without_email))
        if plan.messages:
            first = plan.messages[0]
            self.preview.setPlainText(
                f"To: {first.recipient.name} <{first.recipient.email}>\n"
                f"Subject: {first.subject}\n\n{first.body}"
            )
        else:
            self.preview.setPlainText("")
        self.status.setText("")
        self.prepare_button.setEnabled(bool(plan.messages))
        self.open_button.setEnabled(len(plan.messages) == 1)

    def _who(self, pair_ids: list[int], plan: MessagePlan) -> str:
        people = len(plan.messages) + len(plan.without_email)
        names = ", ".join(message.recipient.name for message in plan.messages[:3])
        more = len(plan.messages) - 3
        shown = f"{names} and {more} more" if more > 0 else names
        drafts = plural(len(plan.messages), "draft")
        return f"{plural(people, 'person')} in {plural(len(pair_ids), 'pair')}: " + (
            f"{drafts}, for {shown}" if plan.messages else "nobody has an e-mail address"
        )

    def _show_nothing(self, reason: str) -> None:
        self.who.setText("")
        self.preview.setPlainText("")
        self.missing.hide()
        self.status.setText(reason)
        self.prepare_button.setEnabled(False)
        self.open_button.setEnabled(False)

    def accept(self) -> None:
        self._prepare(single=False)

    def open_in_mail_program(self) -> None:
        """The one message in the mail program: a mailto: link carries no attachment, so a
        message with one is written as a draft first and that file opens."""
        plan = self.plan
        if plan is None or len(plan.messages) != 1:
            return
        if plan.template.attachment is Attachment.NONE:
            from revmentor_desktop.reports.message_drafts import mailto_url

            QDesktopServices.openUrl(QUrl(mailto_url(plan.messages[0])))
            record_prepared(plan.messages, self.context.clock)
            self._done([])
            return
        self._prepare(single=True)

    def _prepare(self, *, single: bool) -> None:
        """Gather the attachments here (they read the data file), draw and write in a thread."""
        from revmentor_desktop.reports.message_drafts import gather_drafts, write_drafts

        folder = self.folder.existing_folder()
        if folder is None:
            self.status.setText("Choose a folder that exists for the drafts.")
            self.folder.setFocus()
            return
        self.refresh()  # the data may have changed since the dialog opened
        plan = self.plan
        if plan is None or not plan.messages:
            return
        try:
            drafts = gather_drafts(plan, self.context.clock)
        except DomainError as refusal:
            show_refusal(self, refusal)
            return
        clock = self.context.clock
        self.prepare_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.status.setText(f"Writing {plural(len(drafts), 'draft')}…")
        self._job.start(
            lambda progress: write_drafts(drafts, folder, clock, progress),
            progressed=lambda done, total: self.status.setText(
                f"Writing draft {done + 1} of {total}…"
            ),
            succeeded=lambda written: self._written(plan, written, single=single),
            failed=self._failed,
        )

    def _written(self, plan: MessagePlan, written: list[Path], *, single: bool) -> None:
        record_prepared(plan.messages, self.context.clock)
        opened = written[0] if single else written[0].parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(opened)))
        self._done(written)

    def _done(self, written: list[Path]) -> None:
        plan = self.plan
        count = len(plan.messages) if plan else 0
        where = f" in {written[0].parent}" if written else ""
        self.context.edits.message.emit(
            f"Prepared {plural(count, 'e-mail draft')}{where}; RevMentor sends nothing itself"
        )
        self.context.edits.data_changed.emit()
        self.prepared.emit(written)
        super().accept()

    def _failed(self, message: str) -> None:
        self.refresh()
        self.status.setText(f"The drafts could not all be written: {message}")


def prepare_messages(
    context: AppContext,
    parent: QWidget | None,
    *,
    pair_ids: list[int] | None = None,
    cohort_id: int | None = None,
    template: str | None = None,
) -> bool:
    """Open the dialog; True when drafts were prepared."""
    from revmentor_desktop.ui.views.record_dialogs import run_dialog

    return run_dialog(PrepareMessagesDialog(context, pair_ids, cohort_id, template, parent))
