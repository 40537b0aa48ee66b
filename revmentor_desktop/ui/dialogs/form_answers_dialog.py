"""One returned form's answers, read-only, with what signals trouble marked; the coordinator
marks the form handled once they have dealt with it (an undoable edit), and Today's warning goes.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.outcomes import concerns
from revmentor_desktop.domain.outcomes.concerns import AnswerLine, AnswerSheet
from revmentor_desktop.domain.vocabulary import agree, plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.feedback import ProblemLabel, show_refusal
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

CONCERN_MARK = "⚠"


def _about(sheet: AnswerSheet) -> str:
    form = sheet.form
    lines = [
        f"{form.person_name} — {form.role_label}, with {form.partner_name}",
        f"{form.questionnaire.title}, {form.cohort_name}",
    ]
    if sheet.returned_at is not None:
        how = f" ({sheet.channel})" if sheet.channel else ""
        lines.append(f"Answered on {format_date(sheet.returned_at.date())}{how}")
    else:
        lines.append("Not answered yet")
    return "\n".join(lines)


class FormAnswersDialog(RemembersSize, QDialog):
    def __init__(self, context: AppContext, form_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form_id = form_id
        self.sheet = concerns.answer_sheet(form_id)
        self.setWindowTitle(f"Answers — {self.sheet.form.person_name}")
        about = QLabel(_about(self.sheet))
        font = about.font()
        font.setBold(True)
        about.setFont(font)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self._answers())
        self.handled_label = QLabel()
        self.mark_button = QPushButton("&Mark as handled")
        self.mark_button.setToolTip("You have dealt with what these answers raise")
        self.mark_button.clicked.connect(self.mark_handled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.mark_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(area, 1)
        layout.addWidget(self.handled_label)
        layout.addWidget(buttons)
        self._show_handled()
        self.resize(self.fontMetrics().averageCharWidth() * 100, 520)

    def _answers(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        for row, line in enumerate(self.sheet.lines):
            wording = QLabel(line.wording)
            wording.setWordWrap(True)
            grid.addWidget(wording, row, 0)
            grid.addWidget(self._answer_label(line), row, 1)
        grid.setRowStretch(len(self.sheet.lines), 1)
        return page

    @staticmethod
    def _answer_label(line: AnswerLine) -> QLabel:
        if not line.concern:
            label = QLabel(line.answer)
        else:  # red, and said in words too: never colour alone
            label = ProblemLabel()
            label.set_problem(f"{line.answer}\n{CONCERN_MARK} {line.concern}")
        label.setWordWrap(True)
        label.setAccessibleName(line.wording)
        return label

    @property
    def concerns(self) -> list[str]:
        return [line.concern for line in self.sheet.lines if line.concern]

    def _show_handled(self) -> None:
        handled = self.sheet.handled_at
        if handled is not None:
            self.handled_label.setText(f"Marked as handled on {format_date(handled.date())}.")
        elif self.concerns:
            count = len(self.concerns)
            self.handled_label.setText(
                f"{CONCERN_MARK} {plural(count, 'answer')} here {agree('need you', count)}: "
                "Today lists this form until you mark it handled."
            )
        self.mark_button.setEnabled(handled is None and self.sheet.returned_at is not None)

    def mark_handled(self) -> None:
        try:
            edit = edits.mark_handled(self.form_id, self.context.clock)
        except DomainError as error:
            show_refusal(self, error)
            return
        self.context.edits.push(edit)
        self.accept()
