"""The session plan library: edit, add, duplicate, retire and bring back plans, and print any
one as a handout. Each change is one undoable edit; pairs that have a plan keep it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.plans import catalogue
from revmentor_desktop.domain.plans.agenda import WRITTEN_FOR, AgendaItem
from revmentor_desktop.domain.plans.session_plan import SessionPlan, Stage
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.plans_model import TITLE_COLUMN, PlansModel
from revmentor_desktop.ui.widgets.choices import choice_combo, select_data, text_area
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize, scrolling
from revmentor_desktop.ui.widgets.tag_editor import TagEditor, topic_suggestions

MINUTES_COLUMN, STEP_COLUMN, DETAIL_COLUMN = range(3)
# A new plan starts with the shape most meetings have, for the coordinator to rewrite.
FIRST_STEPS = (
    AgendaItem("Catching up", 10, "How things went since the last meeting."),
    AgendaItem("The topic", 40, ""),
    AgendaItem("Next steps", 10, "A small task until next time; the next date."),
)


class PlansLibrary(RemembersSize, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.child_dialog: QDialog | None = None
        self.setWindowTitle("Session plans")
        self.model = PlansModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Session plans")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            TITLE_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.table.doubleClicked.connect(lambda _index: self.edit_plan())
        self.problem = ProblemLabel(self)
        self.buttons = {
            "edit": QPushButton("&Edit…"),
            "add": QPushButton("&Add…"),
            "duplicate": QPushButton("D&uplicate"),
            "retire": QPushButton("&Retire"),
            "reset": QPushButton("Re&set to built-in"),
            "print": QPushButton("&Print handout…"),
        }
        self._lay_out()
        self.model.refresh()
        self.table.resizeColumnsToContents()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.context.edits.data_changed.connect(self._reload)
        self.select(0)
        self.resize(self.fontMetrics().averageCharWidth() * 130, self.sizeHint().height() + 200)

    def _lay_out(self) -> None:
        intro = QLabel(
            "Plans for one meeting each. Pairs are suggested plans from their focus areas; a "
            "retired plan stays with the pairs that have it."
        )
        intro.setWordWrap(True)
        actions: dict[str, Callable[[], None]] = {
            "edit": self.edit_plan,
            "add": self.add_plan,
            "duplicate": self.duplicate,
            "retire": self.toggle_retired,
            "reset": self.reset,
            "print": self.print_handout,
        }
        row = QHBoxLayout()
        for name, button in self.buttons.items():
            button.clicked.connect(actions[name])
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(close)

    def current_plan(self) -> SessionPlan | None:
        return self.model.entry_at(self.table.currentIndex().row())

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
        self._enable()

    def _reload(self) -> None:
        plan = self.current_plan()
        self.model.refresh()
        self.select(self.model.row_of(plan.key) if plan else 0)

    def _enable(self) -> None:
        plan = self.current_plan()
        for name in ("edit", "duplicate", "retire", "print"):
            self.buttons[name].setEnabled(plan is not None)
        self.buttons["reset"].setEnabled(plan is not None and plan.builtin and plan.changed)
        self.buttons["retire"].setText("B&ring back" if plan and plan.retired else "&Retire")

    def _run(self, make_edit: Callable[[], Edit], select_key: str | None = None) -> None:
        try:
            edit = make_edit()
        except DomainError as error:
            self.problem.set_problem(str(error))
            return
        self.problem.set_problem("")
        self.context.edits.push(edit)
        if select_key:
            self.select(self.model.row_of(select_key))

    def edit_plan(self) -> None:
        if (plan := self.current_plan()) is not None:
            self._open(PlanEditor(self.context, plan, self))

    def add_plan(self) -> None:
        self._open(PlanEditor(self.context, None, self))

    def _open(self, dialog: PlanEditor) -> None:
        self.child_dialog = dialog
        dialog.open()

    def duplicate(self) -> None:
        if (plan := self.current_plan()) is not None:
            before = {each.key for each in catalogue.all_plans(True)}
            self._run(lambda: edits.duplicate_plan(plan.key, self.context.clock))
            added = {each.key for each in catalogue.all_plans(True)} - before
            self.select(self.model.row_of(added.pop()) if added else 0)

    def toggle_retired(self) -> None:
        if (plan := self.current_plan()) is not None:
            retire = not plan.retired
            self._run(lambda: edits.set_plan_retired(plan.key, retire, self.context.clock))

    def reset(self) -> None:
        if (plan := self.current_plan()) is not None:
            self._run(lambda: edits.reset_plan(plan.key))

    def print_handout(self) -> None:
        """Write the plan as a one-page handout PDF, timed for 60-minute sessions."""
        from revmentor_desktop.domain.plans.documents import handout
        from revmentor_desktop.reports.plans import render_handout

        if (plan := self.current_plan()) is None:
            return
        suggested = "-".join(plan.title.replace(":", "").split()) + ".pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the handout", str(Path.home() / suggested), "PDF (*.pdf)"
        )
        if not chosen:
            return
        try:
            render_handout(handout(plan.key, WRITTEN_FOR, self.context.clock), chosen)
        except (DomainError, OSError) as error:
            self.problem.set_problem(f"The handout could not be written to {chosen}: {error}")
            return
        self.problem.set_problem("")
        self.context.edits.message.emit(f"Handout saved to {chosen}")


class PlanEditor(FormDialog):
    """A plan's words and agenda; minutes are for a 60-minute session and scale to others."""

    def __init__(
        self, context: AppContext, plan: SessionPlan | None, parent: QWidget | None = None
    ) -> None:
        title = "New session plan" if plan is None else f"Edit plan – {plan.title}"
        super().__init__(context, title, parent, existing=plan is not None)
        self.key = plan.key if plan is not None else None
        self._build()
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self.page), 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self._load(
            catalogue.draft_of(plan) if plan else catalogue.PlanDraft("", agenda=FIRST_STEPS)
        )
        self._watch()
        self.revalidate()
        self.size_comfortably(110, 44)

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.stage = choice_combo(stage.value for stage in Stage)
        for index, stage in enumerate(Stage):
            self.stage.setItemText(index, stage.label)
        self.aim = text_area("What the meeting is for, in a sentence or two", lines=2)
        self.mentor_prepares = text_area("What the mentor brings", lines=2)
        self.mentee_prepares = text_area("What the mentee brings", lines=2)
        self.agenda = QTableWidget(0, 3)
        self.agenda.setHorizontalHeaderLabels(["Minutes (of 60)", "Step", "What to do"])
        self.agenda.horizontalHeader().setSectionResizeMode(
            DETAIL_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.add_step = QPushButton("Add a step")
        self.remove_step = QPushButton("Remove the step")
        self.add_step.clicked.connect(lambda: self._add_step(AgendaItem("", 10)))
        self.remove_step.clicked.connect(self._remove_step)
        self.questions = text_area("One question a line", lines=4)
        self.keep_safe = text_area("The risks and how the partners avoid them", lines=3)
        self.task = text_area("A small thing to try before the next meeting", lines=2)
        self.focus = TagEditor(topic_suggestions())
        self.kinds = {kind: QCheckBox(kind.value.capitalize()) for kind in CohortKind}
        self.page = QWidget()
        form = new_form()
        add = self.add_field
        add(form, "&Title:", self.title_edit, "title")
        add(form, "&Where it goes:", self.stage, "stage")
        add(form, "&Aim:", self.aim, "aim")
        add(form, "&Mentor prepares:", self.mentor_prepares, "mentor_prepares")
        add(form, "M&entee prepares:", self.mentee_prepares, "mentee_prepares")
        add(form, "A&genda:", self._agenda_box(), "agenda")
        add(form, "&Questions to ask:", self.questions)
        add(form, "&Keep it safe:", self.keep_safe, "keep_safe")
        add(form, "&Until next time:", self.task, "task")
        add(form, "Suggested for &focus areas:", self.focus)
        add(form, "For cohorts:", self._kinds_box())
        self.page.setLayout(form)

    def _agenda_box(self) -> QWidget:
        box = QWidget()
        box.setAccessibleName("Agenda")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.agenda)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_step)
        buttons.addWidget(self.remove_step)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _kinds_box(self) -> QWidget:
        box = QWidget()
        box.setAccessibleName("For cohorts")
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for check in self.kinds.values():
            layout.addWidget(check)
        layout.addWidget(QLabel("(none ticked: every kind)"))
        layout.addStretch(1)
        return box

    def _add_step(self, item: AgendaItem) -> None:
        row = self.agenda.rowCount()
        self.agenda.insertRow(row)
        minutes = QSpinBox()
        minutes.setRange(1, 600)
        minutes.setValue(item.share)
        minutes.setAccessibleName(f"Minutes of step {row + 1}")
        minutes.valueChanged.connect(lambda _value: self.field_changed("agenda"))
        self.agenda.setCellWidget(row, MINUTES_COLUMN, minutes)
        self.agenda.setItem(row, STEP_COLUMN, QTableWidgetItem(item.title))
        self.agenda.setItem(row, DETAIL_COLUMN, QTableWidgetItem(item.detail))

    def _remove_step(self) -> None:
        row = self.agenda.currentRow()
        if row >= 0:
            self.agenda.removeRow(row)
            self.field_changed("agenda")

    def _load(self, draft: catalogue.PlanDraft) -> None:
        self._loading = True
        self.title_edit.setText(draft.title)
        select_data(self.stage, draft.stage)
        self.aim.setPlainText(draft.aim)
        self.mentor_prepares.setPlainText(draft.mentor_prepares)
        self.mentee_prepares.setPlainText(draft.mentee_prepares)
        for item in draft.agenda:
            self._add_step(item)
        self.questions.setPlainText("\n".join(draft.questions))
        self.keep_safe.setPlainText(draft.keep_safe)
        self.task.setPlainText(draft.task)
        self.focus.set_tags(list(draft.focus_areas))
        for kind, check in self.kinds.items():
            check.setChecked(kind.value in draft.cohort_kinds)
        self._loading = False

    def _watch(self) -> None:
        self.watch("title", self.title_edit.textChanged)
        self.watch("stage", self.stage.currentIndexChanged)
        self.watch("agenda", self.agenda.itemChanged)
        for name in ("aim", "mentor_prepares", "mentee_prepares", "keep_safe", "task"):
            self.watch(name, getattr(self, name).textChanged)

    def _steps(self) -> tuple[AgendaItem, ...]:
        steps = []
        for row in range(self.agenda.rowCount()):
            minutes = self.agenda.cellWidget(row, MINUTES_COLUMN)
            title = self.agenda.item(row, STEP_COLUMN)
            detail = self.agenda.item(row, DETAIL_COLUMN)
            steps.append(
                AgendaItem(
                    title.text() if title else "",
                    minutes.value() if isinstance(minutes, QSpinBox) else 0,
                    detail.text() if detail else "",
                )
            )
        return tuple(steps)

    def draft(self) -> catalogue.PlanDraft:
        return catalogue.PlanDraft(
            title=self.title_edit.text(),
            stage=self.stage.currentData(),
            aim=self.aim.toPlainText(),
            mentor_prepares=self.mentor_prepares.toPlainText(),
            mentee_prepares=self.mentee_prepares.toPlainText(),
            agenda=self._steps(),
            questions=tuple(self.questions.toPlainText().splitlines()),
            keep_safe=self.keep_safe.toPlainText(),
            task=self.task.toPlainText(),
            focus_areas=tuple(self.focus.tags()),
            cohort_kinds=tuple(k.value for k, check in self.kinds.items() if check.isChecked()),
        )

    def problems(self) -> Mapping[str, str]:
        return catalogue.validate_plan(self.draft(), self.key)

    def save(self) -> Edit:
        if self.key is None:
            return edits.add_plan(self.draft(), self.context.clock)
        return edits.save_plan(self.key, self.draft(), self.context.clock)
