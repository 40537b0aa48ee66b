"""Typing in answers from paper forms, person after person, without touching the mouse.

Choose the cohort and the questionnaire (or open the dialog on one form); the people due it are
listed, those already answered marked. Each item takes a digit (1–5, 0–10, y or n) or text;
Enter and Tab move to the next item, Ctrl+Enter saves and goes on to the next person. A problem
shows beside its item. Each save is one undoable edit (Ctrl+Z in the window takes it back).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError, ValidationError
from revmentor_desktop.domain.outcomes import entry, forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.undo import undo_key_text
from revmentor_desktop.ui.widgets.answer_fields import ItemRow, shown_value
from revmentor_desktop.ui.widgets.choices import select_data
from revmentor_desktop.ui.widgets.feedback import ProblemLabel, confirm, show_refusal
from revmentor_desktop.ui.widgets.questionnaire_choices import cohort_combo, questionnaire_combo
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

SAVE_KEYS = (QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"))
SKIP_KEY = QKeySequence("Ctrl+PgDown")
PREVIOUS_KEY = QKeySequence("Ctrl+PgUp")
ANSWERED_MARK = "✓"


class AnswerEntryDialog(RemembersSize, QDialog):
    def __init__(
        self,
        context: AppContext,
        cohort_id: int | None = None,
        questionnaire: Questionnaire | None = None,
        form_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Type in answers from paper")
        self._single_form = form_id
        self._entries: list[entry.EntryForm] = []
        self._rows: list[ItemRow] = []
        self._loaded: dict[str, str] = {}
        self._current = -1
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices(cohort_id, questionnaire))
        layout.addLayout(self._body(), 1)
        layout.addLayout(self._buttons())
        self._keys()
        self.resize(self.fontMetrics().averageCharWidth() * 130, 640)
        self._load_people()

    # Building

    def _choices(self, cohort_id: int | None, questionnaire: Questionnaire | None) -> QHBoxLayout:
        self.cohort = cohort_combo(cohort_id)
        self.questionnaire = questionnaire_combo(questionnaire or Questionnaire.CHECKIN)
        row = QHBoxLayout()
        for text, combo in (("&Cohort:", self.cohort), ("&Questionnaire:", self.questionnaire)):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setAccessibleName(text.replace("&", "").rstrip(":"))
            combo.currentIndexChanged.connect(self._choice_changed)
            row.addWidget(label)
            row.addWidget(combo, 1)
            label.setVisible(self._single_form is None)
            combo.setVisible(self._single_form is None)
        return row

    def _body(self) -> QHBoxLayout:
        self.people = QListWidget()
        self.people.setAccessibleName("People")
        self.people.setMaximumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.people.currentRowChanged.connect(self._person_chosen)
        people_label = QLabel("&People:")
        people_label.setBuddy(self.people)
        left = QVBoxLayout()
        left.addWidget(people_label)
        left.addWidget(self.people, 1)
        self.person_heading = QLabel()
        self.person_heading.setWordWrap(True)
        font = self.person_heading.font()
        font.setBold(True)
        self.person_heading.setFont(font)
        self.answered_notice = QLabel()
        self.answered_notice.setWordWrap(True)
        self.answered_notice.hide()
        self.items_area = QScrollArea()
        self.items_area.setWidgetResizable(True)
        self.banner = ProblemLabel()
        right = QVBoxLayout()
        right.addWidget(self.person_heading)
        right.addWidget(self.answered_notice)
        right.addWidget(self.items_area, 1)
        keys = QLabel(
            "Enter or Tab: next item · Ctrl+Enter: save and next person · "
            "Ctrl+Page Down / Page Up: next / previous person without saving"
        )
        keys.setWordWrap(True)
        right.addWidget(keys)
        right.addWidget(self.banner)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        return body

    def _buttons(self) -> QHBoxLayout:
        self.progress = QLabel()
        self.save_button = QPushButton("&Save and next person")
        self.save_button.setToolTip("Ctrl+Enter")
        self.skip_button = QPushButton("S&kip")
        self.skip_button.setToolTip("Ctrl+Page Down: the next person, saving nothing")
        self.close_button = QPushButton("Close")
        for button in (self.save_button, self.skip_button, self.close_button):
            button.setAutoDefault(False)  # Enter moves between items, never presses a button
        self.save_button.clicked.connect(self.save_and_next)
        self.skip_button.clicked.connect(lambda: self._go_to(self._current + 1))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.skip_button)
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)
        return row

    def _keys(self) -> None:
        for keys in SAVE_KEYS:
            QShortcut(keys, self, self.save_and_next)
        QShortcut(SKIP_KEY, self, lambda: self._go_to(self._current + 1))
        QShortcut(PREVIOUS_KEY, self, lambda: self._go_to(self._current - 1))

    # People

    def chosen_questionnaire(self) -> Questionnaire:
        return Questionnaire(self.questionnaire.currentData())

    def _choice_changed(self) -> None:
        if self._discard_typing():
            self._load_people()
            return
        for combo, shown in zip((self.cohort, self.questionnaire), self._shown_choice, strict=True):
            combo.blockSignals(True)
            select_data(combo, shown)
            combo.blockSignals(False)

    def _load_people(self) -> None:
        try:
            self._entries = self._read_entries()
        except DomainError as error:
            show_refusal(self, error)
            self._entries = []
        self._current = -1
        self._shown_choice = (self.cohort.currentData(), self.questionnaire.currentData())
        self.people.blockSignals(True)
        self.people.clear()
        for each in self._entries:
            self.people.addItem(QListWidgetItem(self._person_text(each)))
        self.people.blockSignals(False)
        first_waiting = next(
            (index for index, each in enumerate(self._entries) if not each.answered), 0
        )
        self._show_person(first_waiting if self._entries else -1)
        self._focus_first_item()

    def _read_entries(self) -> list[entry.EntryForm]:
        if self._single_form is not None:
            return [entry.entry_form(self._single_form)]
        cohort_id = self.cohort.currentData()
        if cohort_id is None:
            return []
        return entry.entry_forms(cohort_id, self.chosen_questionnaire(), self.context.clock)

    @staticmethod
    def _person_text(each: entry.EntryForm) -> str:
        if each.returned_at is None:
            return each.form.person_name
        return f"{ANSWERED_MARK} {each.form.person_name} — answered"

    def _person_chosen(self, index: int) -> None:
        if index == self._current:
            return
        if not self._discard_typing():
            self.people.blockSignals(True)
            self.people.setCurrentRow(self._current)
            self.people.blockSignals(False)
            return
        self._show_person(index)

    def _go_to(self, index: int) -> None:
        if 0 <= index < len(self._entries) and self._discard_typing():
            self._show_person(index)
            self._focus_first_item()

    def _show_person(self, index: int) -> None:
        self._current = index
        self.people.blockSignals(True)
        self.people.setCurrentRow(index)
        self.people.blockSignals(False)
        self.banner.set_problem("")
        self._update_progress()
        if index < 0:
            self.person_heading.setText("Nobody in this cohort is due this questionnaire.")
            self.answered_notice.hide()
            self._rows = []
            self.items_area.setWidget(QWidget())
            self.save_button.setEnabled(False)
            return
        self.save_button.setEnabled(True)
        shown = self._entries[index]
        form = shown.form
        due = f", due {format_date(form.due_date)}" if form.due_date else ""
        self.person_heading.setText(
            f"{form.person_name} — {form.role_label}, with {form.partner_name}{due}"
        )
        self._show_answered_notice(shown)
        self._show_items(shown)

    def _show_answered_notice(self, shown: entry.EntryForm) -> None:
        if shown.returned_at is None:
            self.answered_notice.hide()
            return
        how = f" ({shown.channel})" if shown.channel else ""
        self.answered_notice.setText(
            f"{ANSWERED_MARK} Answers already recorded on {format_date(shown.returned_at.date())}"
            f"{how}. They are shown below; saving replaces them, after asking."
        )
        self.answered_notice.show()

    def _show_items(self, shown: entry.EntryForm) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        recorded = forms.answers_of(shown.form.form_id) if shown.answered else {}
        self._rows = []
        for number, item in enumerate(shown.form.items, start=1):
            row = ItemRow(item, number, column)
            row.set_text(shown_value(item, recorded.get(item.key)))
            if isinstance(row.box, QLineEdit):
                row.box.editingFinished.connect(lambda row=row: self._check_one(row))
            self._rows.append(row)
        column.addStretch(1)
        self.items_area.setWidget(page)
        self._loaded = self.typed()

    def _focus_first_item(self) -> None:
        if self._rows:
            self._rows[0].box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_progress(self) -> None:
        answered = sum(1 for each in self._entries if each.answered)
        total = len(self._entries)
        self.progress.setText(f"{answered} of {plural(total, 'person', 'people')} answered")

    # Typing and saving

    def typed(self) -> dict[str, str]:
        return {row.item.key: row.text() for row in self._rows}

    def has_unsaved_typing(self) -> bool:
        return self._current >= 0 and self.typed() != self._loaded

    def _discard_typing(self) -> bool:
        if not self.has_unsaved_typing():
            return True
        name = self._entries[self._current].form.person_name
        return confirm(
            self, "Leave without saving?", f"The answers typed for {name} are not saved yet."
        )

    def _check_one(self, row: ItemRow) -> None:
        """Say at once when an answer cannot be stored, rather than at Save."""
        if self._current < 0:
            return
        form_id = self._entries[self._current].form.form_id
        try:
            forms.checked_answers(form_id, {row.item.key: row.text()})
        except ValidationError as error:
            row.show_problem(error.problems)
            return
        row.problem.set_problem("")

    def save_and_next(self) -> None:
        if self._current < 0:
            return
        shown = self._entries[self._current]
        values = {key: text or None for key, text in self.typed().items()}
        if not any(values.values()) and not shown.answered:
            self.banner.set_problem(
                f"Nothing is typed in for {shown.form.person_name}. Type their answers, or "
                "press Ctrl+Page Down to go to the next person without saving."
            )
            return
        replace = shown.answered and self._replace_asked(shown)
        if shown.answered and not replace:
            return
        if not self._record(shown, values, replace):
            return
        self._entries[self._current] = entry.entry_form(shown.form.form_id)
        self.people.item(self._current).setText(self._person_text(self._entries[self._current]))
        self._loaded = self.typed()
        self._next_after_save()

    def _replace_asked(self, shown: entry.EntryForm) -> bool:
        assert shown.returned_at is not None
        return confirm(
            self,
            "Replace the recorded answers?",
            f"{shown.form.person_name}'s answers were recorded on "
            f"{format_date(shown.returned_at.date())}. Replace them with the answers typed "
            f"here? {undo_key_text()} in the main window undoes it.",
        )

    def _record(self, shown: entry.EntryForm, values: dict[str, str | None], replace: bool) -> bool:
        for row in self._rows:
            row.problem.set_problem("")
        self.banner.set_problem("")
        try:
            edit = edits.record_answers(
                shown.form.form_id,
                values,
                forms.Channel.PAPER,
                self.context.clock,
                replace_answered=replace,
            )
        except ValidationError as error:
            self._show_problems(error.problems)
            return False
        except forms.AlreadyAnswered:
            # Recorded meanwhile by another channel: ask, as for any answered form.
            fresh = entry.entry_form(shown.form.form_id)
            return self._replace_asked(fresh) and self._record(shown, values, True)
        except DomainError as error:
            self.banner.set_problem(str(error))
            return False
        self.context.edits.push(edit)
        return True

    def _show_problems(self, problems: Mapping[str, str]) -> None:
        first_bad = None
        for row in self._rows:
            if row.item.key in problems:
                row.show_problem(problems)
                first_bad = first_bad or row
        placed = {row.item.key for row in self._rows}
        self.banner.set_problem(" ".join(v for k, v in problems.items() if k not in placed))
        if first_bad is not None:
            first_bad.box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _next_after_save(self) -> None:
        self._update_progress()
        if self._current + 1 < len(self._entries):
            self._show_person(self._current + 1)
            self._focus_first_item()
            return
        self.banner.set_problem("")
        self.progress.setText(f"{self.progress.text()} — that was the last person")

    def reject(self) -> None:
        if self._discard_typing():
            super().reject()
