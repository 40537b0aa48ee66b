"""The questionnaires' questions: reword (with the built-in wording beside, and Reset to
default), add, move up and down, retire and bring back. Each change is one undoable edit; forms
already issued, and the answers given on them, keep the wording they were asked in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.errors import DomainError, ValidationError
from revmentor_desktop.domain.outcomes import questionnaires
from revmentor_desktop.domain.outcomes.questions import (
    MENTEE,
    MENTOR,
    AnswerKind,
    Question,
    Questionnaire,
)
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.questions_model import (
    KIND_WORDS,
    WORDING_COLUMN,
    QuestionsModel,
)
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.questionnaire_choices import questionnaire_combo
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize, scrolling

HISTORY_NOTE = (
    "Changes apply to forms made from now on. Forms already sent, and the answers given on "
    "them, keep the wording they were asked in."
)
ASKED_OF_CHOICES = (("Everyone", ()), ("Mentors", (MENTOR,)), ("Mentees", (MENTEE,)))


class QuestionnaireEditor(RemembersSize, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Questionnaires")
        self.questionnaire = questionnaire_combo()
        self.questionnaire.setAccessibleName("Questionnaire")
        self.model = QuestionsModel(Questionnaire.STARTING, self)
        self.table = self._table()
        self.problem = ProblemLabel(self)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        chooser = QLabel("&Questionnaire:")
        chooser.setBuddy(self.questionnaire)
        top.addWidget(chooser)
        top.addWidget(self.questionnaire, 1)
        layout.addLayout(top)
        note = QLabel(HISTORY_NOTE)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._order_buttons())
        editing = QVBoxLayout()  # scrolls on a small screen, the list keeps its room
        editing.addWidget(self._wording_box())
        editing.addWidget(self._add_box())
        layout.addWidget(scrolling(editing), 1)
        layout.addWidget(self.problem)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.questionnaire.currentIndexChanged.connect(lambda _index: self.refresh())
        context.edits.data_changed.connect(self.refresh)  # Undo and Redo too
        self.refresh()
        self.resize(self.fontMetrics().averageCharWidth() * 120, 700)

    # Building

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName("Questions")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(WORDING_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        return table

    def _order_buttons(self) -> QHBoxLayout:
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move do&wn")
        self.retire_button = QPushButton("&Retire")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.retire_button.clicked.connect(self._toggle_retired)
        row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.retire_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _wording_box(self) -> QGroupBox:
        box = QGroupBox("Wording of the selected question")
        self.wording = QPlainTextEdit()
        self.wording.setTabChangesFocus(True)
        self.wording.setAccessibleName("Wording")
        self.wording.setFixedHeight(self.wording.fontMetrics().lineSpacing() * 3 + 12)
        self.builtin_label = QLabel()
        self.builtin_label.setWordWrap(True)
        self.reword_button = QPushButton("&Save wording")
        self.reset_button = QPushButton("Reset to &default")
        self.reword_button.clicked.connect(self._reword)
        self.reset_button.clicked.connect(self._reset)
        buttons = QHBoxLayout()
        for button in (self.reword_button, self.reset_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.wording)
        layout.addWidget(self.builtin_label)
        layout.addLayout(buttons)
        return box

    def _add_box(self) -> QGroupBox:
        box = QGroupBox("Add a question at the end")
        self.new_wording = QLineEdit()
        self.new_wording.setAccessibleName("New question")
        self.new_wording.setPlaceholderText("For example “Which tool surprised you most?”")
        self.new_kind = QComboBox()
        self.new_kind.setAccessibleName("Answer")
        for kind, words in KIND_WORDS.items():
            self.new_kind.addItem(words, kind.value)
        self.new_asked_of = QComboBox()
        self.new_asked_of.setAccessibleName("Asked of")
        for words, roles in ASKED_OF_CHOICES:
            self.new_asked_of.addItem(words, list(roles))
        self.add_button = QPushButton("&Add")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add)
        self.new_wording.returnPressed.connect(self._add)
        layout = QHBoxLayout(box)
        label = QLabel("&New question:")
        label.setBuddy(self.new_wording)
        layout.addWidget(label)
        layout.addWidget(self.new_wording, 1)
        layout.addWidget(self.new_kind)
        layout.addWidget(self.new_asked_of)
        layout.addWidget(self.add_button)
        return box

    # Showing

    def chosen(self) -> Questionnaire:
        return Questionnaire(self.questionnaire.currentData())

    def current_question(self) -> Question | None:
        return self.model.entry_at(self.table.currentIndex().row())

    def refresh(self, select_key: str | None = None) -> None:
        current = self.current_question()
        self.model.refresh(self.chosen())
        key = select_key or (current.key if current else None)
        row = self.model.row_of(key) if key else -1
        self.table.selectRow(max(row, 0))
        self.table.resizeRowsToContents()
        self._show_current()

    def _show_current(self) -> None:
        question = self.current_question()
        row = self.table.currentIndex().row()
        has = question is not None
        for widget in (self.wording, self.reword_button, self.retire_button):
            widget.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.model.rowCount() - 1)
        if question is None:
            self.wording.setPlainText("")
            self.builtin_label.setText("")
            self.reset_button.setEnabled(False)
            return
        self.wording.setPlainText(question.wording)
        self.retire_button.setText("Bring &back" if question.retired else "&Retire")
        if question.builtin:
            self.builtin_label.setText(f"Built-in wording: “{question.builtin_wording}”")
        else:
            self.builtin_label.setText("Added by you: there is no built-in wording.")
        self.reset_button.setEnabled(
            question.builtin and question.wording != question.builtin_wording
        )

    # Changing

    def _change(self, description: str, change: Callable[[], object], key: str) -> None:
        """Make the change as one undoable edit; say why when it is refused."""
        self.problem.set_problem("")
        try:
            edit = edits.change_questionnaire(self.chosen(), description, change)
        except ValidationError as error:
            self.problem.set_problem(" ".join(error.problems.values()))
            return
        except DomainError as error:
            self.problem.set_problem(str(error))
            return
        self.context.edits.push(edit)  # data_changed refreshes the list
        self.refresh(select_key=key)

    def _reword(self) -> None:
        if (question := self.current_question()) is not None:
            text = self.wording.toPlainText()
            clock = self.context.clock
            self._change(
                "Reword question",
                lambda: questionnaires.reword(question.key, text, clock),
                question.key,
            )

    def _reset(self) -> None:
        if (question := self.current_question()) is not None:
            clock = self.context.clock
            self._change(
                "Reset question to its default wording",
                lambda: questionnaires.reset_wording(question.key, clock),
                question.key,
            )

    def _move(self, step: int) -> None:
        question = self.current_question()
        if question is None:
            return
        target = self.table.currentIndex().row() + step
        clock = self.context.clock
        self._change(
            "Move question", lambda: questionnaires.move(question.key, target, clock), question.key
        )

    def _toggle_retired(self) -> None:
        question = self.current_question()
        if question is None:
            return
        retire = not question.retired
        clock = self.context.clock
        self._change(
            "Retire question" if retire else "Bring back question",
            lambda: questionnaires.set_retired(question.key, retire, clock),
            question.key,
        )

    def _add(self) -> None:
        wording = self.new_wording.text()
        kind = AnswerKind(self.new_kind.currentData())
        roles = list(self.new_asked_of.currentData())
        questionnaire, clock = self.chosen(), self.context.clock
        added: list[str] = []

        def add() -> None:
            added.append(
                questionnaires.add_question(questionnaire, wording, kind, roles, (), clock)
            )

        self._change("Add question", add, "")
        if added:
            self.new_wording.clear()
            self.refresh(select_key=added[0])
