"""The answer boxes of one form item for typing in paper answers, and what each accepts.

Kept apart from the answer-entry dialog so the dialog is left to choosing people, moving between
them and saving; here is how an item is shown, what its box takes and how a stored answer is typed.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.questions import AnswerKind, FormItem
from revmentor_desktop.ui.widgets.feedback import ProblemLabel

PRIVATE_HINT = "Only the coordinator reads this"


def scale_hint(item: FormItem) -> str:
    """What the coordinator may type for the item, as the printed form offers it."""
    if item.answer_kind is AnswerKind.YES_NO:
        return "y = yes, n = no"
    if item.answer_kind is AnswerKind.RECOMMEND:
        return "0 (not at all likely) to 10 (extremely likely)"
    if item.scale:
        return "   ".join(f"{point} {label}" for point, label in enumerate(item.scale, start=1))
    if item.answer_kind is AnswerKind.PRIVATE_TEXT and PRIVATE_HINT.casefold() not in (
        item.wording.casefold()  # the built-in questions say it already
    ):
        return PRIVATE_HINT
    return ""


def shown_value(item: FormItem, value: forms.AnswerValue) -> str:
    """A stored answer as it is typed: a digit, y or n, or the text."""
    if value is None:
        return ""
    if item.answer_kind is AnswerKind.YES_NO:
        return "y" if value == 1 else "n"
    return str(value)


class NumberAnswer(QLineEdit):
    """A short answer box; Enter moves on to the next item, as Tab does."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)


def text_answer() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab goes to the next item; Enter starts a new line
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 12)
    box.setFixedWidth(box.fontMetrics().averageCharWidth() * 40)
    return box


class ItemRow:
    """One item of the form on screen: its wording, the answer box, the hint and a problem."""

    def __init__(self, item: FormItem, number: int, column: QVBoxLayout) -> None:
        self.item = item
        wording = QLabel(f"{number}. {item.wording}")
        wording.setWordWrap(True)
        self.box: QLineEdit | QPlainTextEdit
        if item.answer_kind.is_number:
            self.box = NumberAnswer()
            self.box.setMaxLength(20)
            self.box.setFixedWidth(self.box.fontMetrics().averageCharWidth() * 8)
        else:
            self.box = text_answer()
        self.box.setAccessibleName(item.wording)
        wording.setBuddy(self.box)
        hint = QLabel(scale_hint(item))
        hint.setWordWrap(True)
        self.problem = ProblemLabel()
        self.problem.setAccessibleName(f"Problem with “{item.wording}”")
        beside = QVBoxLayout()
        beside.setSpacing(2)
        beside.addWidget(hint)
        beside.addWidget(self.problem)
        beside.addStretch(1)
        # The wording above its box, the scale and any problem beside the box.
        answer = QHBoxLayout()
        answer.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        answer.addLayout(beside, 1)
        column.addWidget(wording)
        column.addLayout(answer)
        column.addSpacing(6)

    def text(self) -> str:
        if isinstance(self.box, QLineEdit):
            return self.box.text().strip()
        return self.box.toPlainText().strip()

    def show_problem(self, problems: Mapping[str, str]) -> None:
        """Show this item's problem, if any, from the domain's problems keyed by item."""
        text = problems.get(self.item.key, "")
        # The domain names the question; beside it the wording would only repeat.
        prefix = f"“{self.item.wording}”: "
        self.problem.set_problem(
            text.removeprefix(prefix).capitalize() if text.startswith(prefix) else text
        )

    def set_text(self, text: str) -> None:
        if isinstance(self.box, QLineEdit):
            self.box.setText(text)
        else:
            self.box.setPlainText(text)
