"""The Agreement wording tab: the wording chosen for each clause of the agreement, beside its
default."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.agreement_text import DEFAULT_CLAUSES, PLACEHOLDERS, Clause
from revmentor_desktop.domain.programme_settings import ProgrammeSettings
from revmentor_desktop.ui.widgets.choices import text_area
from revmentor_desktop.ui.widgets.feedback import ProblemLabel


def clause_title(key: str) -> str:
    """The clause as the list names it: its default heading, with the kind where several
    clauses share one ("Purpose — reverse mentoring")."""
    heading = DEFAULT_CLAUSES[key].heading
    shared = sum(1 for clause in DEFAULT_CLAUSES.values() if clause.heading == heading) > 1
    return f"{heading} — {key.rsplit('_', 1)[1]} mentoring" if shared else heading


class AgreementTab(QWidget):
    """The agreement's clauses: the wording chosen for each beside its default."""

    changed = Signal()

    def __init__(self, old: ProgrammeSettings) -> None:
        super().__init__()
        self.clauses: dict[str, Clause] = dict(old.clauses)
        self._loading = False
        self.version_label = QLabel()
        self.clause_list = QListWidget()
        self.clause_list.setAccessibleName("Clauses")
        for key in DEFAULT_CLAUSES:
            item = QListWidgetItem(clause_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.clause_list.addItem(item)
        self.clause_list.setMaximumWidth(self.fontMetrics().averageCharWidth() * 34)
        self.clause_list.currentRowChanged.connect(self._show_clause)
        row = QHBoxLayout()
        row.addWidget(self.clause_list)
        row.addLayout(self._editor(), 1)
        column = QVBoxLayout(self)
        column.addWidget(self.version_label)
        column.addLayout(row, 1)
        self.clause_list.setCurrentRow(0)

    def _editor(self) -> QVBoxLayout:
        self.clause_heading = QLineEdit()
        self.clause_heading.setAccessibleName("Heading")
        self.clause_body = text_area(lines=12)
        self.clause_body.setAccessibleName("Wording")
        self.default_heading = QLabel()
        self.default_heading.setWordWrap(True)
        self.default_body = QPlainTextEdit()
        self.default_body.setReadOnly(True)
        self.default_body.setAccessibleName("Default wording")
        self.reset_clause_button = QPushButton("Reset to &default")
        self.reset_clause_button.clicked.connect(self.reset_clause)
        self.clause_problem = ProblemLabel()
        self.clause_heading.textEdited.connect(self._clause_edited)
        self.clause_body.textChanged.connect(self._clause_edited)
        yours = QGroupBox("Your wording")
        yours_column = QVBoxLayout(yours)  # labels above the boxes: the text keeps the width
        for text, field in (("&Heading:", self.clause_heading), ("&Wording:", self.clause_body)):
            label = QLabel(text)
            label.setBuddy(field)
            yours_column.addWidget(label)
            yours_column.addWidget(field, 1 if field is self.clause_body else 0)
        default = QGroupBox("Default wording")
        default_column = QVBoxLayout(default)
        default_column.addWidget(self.default_heading)
        default_column.addWidget(self.default_body, 1)
        default_column.addWidget(self.reset_clause_button, 0, Qt.AlignmentFlag.AlignRight)
        texts = QHBoxLayout()
        texts.addWidget(yours, 1)
        texts.addWidget(default, 1)
        placeholders = QLabel(
            "A blank line starts a new paragraph, a line starting with “- ” a bullet point. "
            "Filled in for each pair: " + ", ".join(f"${name}" for name in PLACEHOLDERS) + "."
        )
        placeholders.setWordWrap(True)
        placeholders.setToolTip(
            "\n".join(f"${name}: {meaning}" for name, meaning in PLACEHOLDERS.items())
        )
        editor = QVBoxLayout()
        editor.addLayout(texts, 1)
        editor.addWidget(self.clause_problem)
        editor.addWidget(placeholders)
        return editor

    def applied_to(self, draft: ProgrammeSettings) -> ProgrammeSettings:
        return replace(draft, clauses=dict(self.clauses))

    def show_problems(self, problems: Mapping[str, str]) -> None:
        self.clause_problem.set_problem(problems.get(f"agreement.{self.current_clause_key()}", ""))

    def show_version(self, now: str, then: str) -> None:
        """The agreement's version, and the one saving would give it."""
        text = f"Agreement version {now}"
        if then != now:
            text += f": becomes version {then} when you save, as its wording has changed"
        self.version_label.setText(text + ".")

    def current_clause_key(self) -> str:
        item = self.clause_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def _show_clause(self) -> None:
        key = self.current_clause_key()
        if not key:
            return
        clause, default = self.clauses[key], DEFAULT_CLAUSES[key]
        self._loading = True
        self.clause_heading.setText(clause.heading)
        self.clause_body.setPlainText(clause.body)
        self._loading = False
        self.default_heading.setText(f"<b>{default.heading}</b>")
        self.default_body.setPlainText(default.body)
        self._show_clause_state()

    def _clause_edited(self) -> None:
        key = self.current_clause_key()
        if self._loading or not key:
            return
        self.clauses[key] = Clause(key, self.clause_heading.text(), self.clause_body.toPlainText())
        self._show_clause_state()
        self.changed.emit()

    def reset_clause(self) -> None:
        key = self.current_clause_key()
        self.clauses[key] = DEFAULT_CLAUSES[key]
        self._show_clause()
        self.changed.emit()

    def _show_clause_state(self) -> None:
        key = self.current_clause_key()
        self.reset_clause_button.setEnabled(self.clauses[key] != DEFAULT_CLAUSES[key])
        for row in range(self.clause_list.count()):
            item = self.clause_list.item(row)
            item_key = str(item.data(Qt.ItemDataRole.UserRole))
            changed = self.clauses[item_key] != DEFAULT_CLAUSES[item_key]
            item.setText(clause_title(item_key) + (" (your wording)" if changed else ""))
