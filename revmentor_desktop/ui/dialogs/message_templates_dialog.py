"""Message templates: the coordinator rewords the e-mails RevMentor prepares, with the default
wording beside theirs and the placeholders they may use. Each save is one undoable edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.errors import DomainError, ValidationError
from revmentor_desktop.domain.messages import templates
from revmentor_desktop.domain.messages.placeholders import PLACEHOLDERS
from revmentor_desktop.domain.messages.templates import Attachment
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

ATTACHES = {
    Attachment.NONE: "Attaches nothing.",
    Attachment.AGREEMENT: "Attaches the pair's agreement (PDF).",
    Attachment.CHECK_IN_FORM: "Attaches the person's own fillable check-in form (PDF).",
    Attachment.CERTIFICATE: "Attaches the person's certificate of participation (PDF).",
}


def _placeholder_help() -> str:
    lines = "".join(
        f"<li><b>{{{name}}}</b>: {meaning}</li>" for name, meaning in PLACEHOLDERS.items()
    )
    return f"Placeholders, filled in for each person:<ul>{lines}</ul>"


class MessageTemplatesDialog(RemembersSize, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Message templates")
        self.names = QListWidget(self)
        self.names.setAccessibleName("Message templates")
        for template in templates.all_templates():
            item = QListWidgetItem(template.title, self.names)
            item.setData(Qt.ItemDataRole.UserRole, template.name)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.subject = QLineEdit(self)
        self.subject.setAccessibleName("Subject")
        self.body = QPlainTextEdit(self)
        self.body.setAccessibleName("Wording")
        self.default_subject = QLineEdit(self)
        self.default_subject.setReadOnly(True)
        self.default_body = QPlainTextEdit(self)
        self.default_body.setReadOnly(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._page(self.subject, self.body), "&Your wording")
        self.tabs.addTab(self._page(self.default_subject, self.default_body), "&Default wording")
        help_text = QLabel(_placeholder_help(), self)
        help_text.setWordWrap(True)
        help_text.setTextFormat(Qt.TextFormat.RichText)
        help_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.problem = ProblemLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.addButton("&Save", QDialogButtonBox.ButtonRole.ApplyRole)
        self.reset_button = self.buttons.addButton(
            "&Reset to default", QDialogButtonBox.ButtonRole.ResetRole
        )
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.buttons.rejected.connect(self.reject)
        editor = QVBoxLayout()
        editor.addWidget(self.about)
        editor.addWidget(self.tabs, 1)
        editor.addWidget(self.problem)
        columns = QHBoxLayout()
        columns.addWidget(self.names, 1)
        columns.addLayout(editor, 3)
        columns.addWidget(help_text, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self._shown = ""  # the template whose wording the editor holds
        self.names.currentRowChanged.connect(self._switch)
        self.names.setCurrentRow(0)
        width = self.fontMetrics().averageCharWidth() * 170
        self.resize(width, self.fontMetrics().lineSpacing() * 34)

    def _page(self, subject: QLineEdit, body: QPlainTextEdit) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Subject:", page))
        layout.addWidget(subject)
        layout.addWidget(QLabel("Message:", page))
        layout.addWidget(body, 1)
        return page

    def current_name(self) -> str:
        item = self.names.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _switch(self, _row: int) -> None:
        """Keep the wording typed for the template left (or stay on it if it is refused)."""
        if self._shown and self._shown != self.current_name() and not self.save():
            self.names.blockSignals(True)
            self.names.setCurrentRow(templates.template_names().index(self._shown))
            self.names.blockSignals(False)
            return
        self._show_current()

    def _show_current(self) -> None:
        name = self._shown = self.current_name()
        template, default = templates.find_template(name), templates.default_template(name)
        self.about.setText(f"{template.purpose} {ATTACHES[template.attachment]}")
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        self.default_subject.setText(default.subject)
        self.default_body.setPlainText(default.body)
        self.problem.set_problem("")
        self.reset_button.setEnabled(not templates.is_default(name))
        self.tabs.setCurrentIndex(0)

    def save(self) -> bool:
        """Store the wording shown (one undoable edit); a refusal says what to change."""
        name = self._shown
        current = templates.find_template(name)
        subject, body = self.subject.text(), self.body.toPlainText()
        if (subject.strip(), body.strip()) == (current.subject, current.body):
            return True
        try:
            edit = edits.change_message_template(name, subject, body)
        except ValidationError as refusal:
            self.problem.set_problem(" ".join(refusal.problems.values()))
            return False
        except DomainError as refusal:
            self.problem.set_problem(str(refusal))
            return False
        self.context.edits.push(edit)
        if name == self.current_name():
            self._show_current()
        return True

    def reject(self) -> None:
        """Close, keeping what was typed; a wording that is refused keeps the dialog open."""
        if self.save():
            super().reject()

    def reset(self) -> None:
        self.context.edits.push(edits.reset_message_template(self.current_name()))
        self._show_current()
