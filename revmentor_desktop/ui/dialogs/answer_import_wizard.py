"""Importing answers from a form tool: choose the file → the cohort and questionnaire → what
each column holds → preview every row and every problem → import → what was recorded.

The file page is the people import's own; nothing is written until Import, and the import is
one edit on the undo history (``edits.import_answers``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from revmentor_desktop.domain import cohorts, edits, importing
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.importing import Table
from revmentor_desktop.domain.outcomes import answer_import
from revmentor_desktop.domain.outcomes.answer_import import (
    AnswerColumns,
    AnswerImportPlan,
    AnswerImportResult,
    Target,
)
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.menu_paths import UNDO
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.import_wizard import (
    MAX_PREVIEW_ROWS,
    ChooseFilePage,
    ResultPage,
    fill_table,
    first_of,
    read_only_table,
    wrapping_label,
)
from revmentor_desktop.ui.undo import undo_key_text
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

LEAVE_OUT = "(leave out)"


class CohortPage(QWizardPage):
    """Whose answers, to which questionnaire: the questions a column can hold follow."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Which cohort answered which questionnaire?")
        self.setSubTitle("Each row is matched by its e-mail address to a person of the cohort.")
        self.cohort = QComboBox()
        self.questionnaire = QComboBox()
        for questionnaire in Questionnaire:
            self.questionnaire.addItem(questionnaire.title, questionnaire.value)
        form = QFormLayout(self)
        form.addRow("&Cohort:", self.cohort)
        form.addRow("&Questionnaire:", self.questionnaire)

    def initializePage(self) -> None:
        chosen = self.cohort.currentData()
        self.cohort.clear()
        for cohort_id, name in cohorts.cohort_names():
            self.cohort.addItem(name, cohort_id)
        self.cohort.setCurrentIndex(max(0, self.cohort.findData(chosen)))

    def isComplete(self) -> bool:
        return self.cohort.currentData() is not None

    def chosen(self) -> tuple[int, Questionnaire]:
        return int(self.cohort.currentData()), Questionnaire(self.questionnaire.currentData())


class ColumnsPage(QWizardPage):
    """Each column with an example value and the question it holds, suggested and editable."""

    def __init__(self, wizard: AnswerImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Which question does each column answer?")
        self.setSubTitle(
            "RevMentor matched the columns whose heading is a question's wording; the form "
            "tool's own columns (ID, start time, timestamp) are left out. Correct any it got "
            "wrong."
        )
        self.columns = read_only_table(["Column in the file", "Example", "Holds"])
        _fixed_widths(self.columns, 250, 110)  # the questions to choose from get the rest
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        table = self._wizard.table
        assert table is not None
        cohort_id, questionnaire = self._wizard.cohort_page.chosen()
        choices = answer_import.targets(cohort_id, questionnaire)
        suggested = answer_import.suggested_columns(table.headers, choices)
        example = importing.sample_row(table)
        self.columns.setRowCount(len(table.headers))
        self.combos = []
        for row, header in enumerate(table.headers):
            value = example.cell(row) if example else ""
            heading = QTableWidgetItem(header or "(no heading)")
            heading.setToolTip(header)  # a long question is cut short in its cell
            self.columns.setItem(row, 0, heading)
            self.columns.setItem(row, 1, QTableWidgetItem(value.replace("\n", " ")[:60]))
            self.combos.append(_target_combo(choices, suggested.targets[row]))
            self.columns.setCellWidget(row, 2, self.combos[-1])

    def columns_chosen(self) -> AnswerColumns:
        return AnswerColumns(tuple(combo.currentData() for combo in self.combos))


def _fixed_widths(table: QTableWidget, *widths: int) -> None:
    """The first columns of ``table`` at ``widths`` (a long heading would push the last
    column, the one that matters, out of sight); the last column takes what is left."""
    header = table.horizontalHeader()
    for column, width in enumerate(widths):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    header.setSectionResizeMode(len(widths), QHeaderView.ResizeMode.Stretch)


def _target_combo(choices: list[Target], chosen: str | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem(LEAVE_OUT, None)
    for target in choices:
        combo.addItem(target.label, target.key)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
    combo.setToolTip(combo.currentText())
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo


class PreviewPage(QWizardPage):
    def __init__(self, wizard: AnswerImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Preview: nothing has been written yet")
        self.summary = wrapping_label()
        self.problems_label = QLabel()
        self.problems = read_only_table(["Line", "Column", "Problem"])
        _fixed_widths(self.problems, 50, 200)  # each problem wraps, whole, in the rest
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.skip_invalid = QCheckBox("&Skip the rows with problems and record the others")
        self.skip_invalid.toggled.connect(self.completeChanged)
        self.problem_box = QWidget()  # hidden, taking no space, when no row has a problem
        box = QVBoxLayout(self.problem_box)
        box.setContentsMargins(0, 0, 0, 0)
        for widget in (self.problems_label, self.problems, self.skip_invalid):
            box.addWidget(widget)
        self.rows_label = QLabel()
        self.rows = read_only_table(["Line", "Person", "Records"])
        self.status = wrapping_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_box, 2)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.status)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")

    def initializePage(self) -> None:
        self._wizard.rebuild_plan()
        self.status.clear()
        plan = self._wizard.plan
        assert plan is not None
        self.summary.setText("\n".join(plan.file_problems or plan.summary_lines()))
        problems = plan.problems.first[:MAX_PREVIEW_ROWS]
        self.problem_box.setVisible(bool(problems))
        self.problems_label.setText(
            "Rows with problems (nothing is imported until they are corrected or skipped)"
            + first_of(len(problems), plan.problems.total, "problems")
            + ":"
        )
        fill_table(self.problems, [(p.line, p.column, p.reason) for p in problems])
        self.skip_invalid.setChecked(False)
        shown = plan.rows[:MAX_PREVIEW_ROWS]
        self.rows_label.setText(
            "What each row records" + first_of(len(shown), len(plan.rows), "rows") + ":"
        )
        fill_table(self.rows, [_row_cells(row) for row in shown])
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self._wizard.plan
        return plan is not None and plan.can_apply(self.skip_invalid.isChecked())

    def validatePage(self) -> bool:
        wizard = self._wizard
        assert wizard.plan is not None
        try:
            result, edit = edits.import_answers(
                wizard.plan, skip_invalid=self.skip_invalid.isChecked(), clock=wizard.context.clock
            )
        except (DomainError, OSError) as error:
            self.status.setText(str(error))
            return False
        wizard.after_import(result, edit)
        return True


def _row_cells(row: answer_import.AnswerRow) -> tuple[object, ...]:
    person = f"{row.person_name} <{row.email}>"
    return (row.line, person, row.outline().removeprefix(person + ": "))


def _result_paragraphs(result: AnswerImportResult | None) -> list[str]:
    if result is None:
        return []
    undo = f"To take the whole import back, choose {UNDO.path} ({undo_key_text()}) once."
    return ["\n".join(result.lines()), undo]


class AnswerImportWizard(RemembersSize, QWizard):
    """Import the answers a form tool exported into the open data file."""

    imported = Signal(object)  # AnswerImportResult

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table: Table | None = None
        self.plan: AnswerImportPlan | None = None
        self.result: AnswerImportResult | None = None
        self.setWindowTitle("Import answers from a form tool")
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = ChooseFilePage(
            self,
            subtitle="The responses Microsoft Forms or Google Forms exported, as CSV or Excel "
            "(.xlsx). In Microsoft Forms: Responses ▸ Open results in Excel; in Google Forms: "
            "Responses ▸ Download responses (.csv).",
            example="Check-in responses.csv",
            browse_title="Import answers",
        )
        self.cohort_page = CohortPage()
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage("Answers imported", lambda: _result_paragraphs(self.result))
        for page in (
            self.file_page,
            self.cohort_page,
            self.columns_page,
            self.preview_page,
            self.result_page,
        ):
            self.addPage(page)
        self.resize(900, 640)

    def set_file(self, path: str) -> None:
        """Start with ``path`` chosen (tests, and a file dropped on the window)."""
        self.file_page.path_edit.setText(path)

    def rebuild_plan(self) -> None:
        assert self.table is not None
        cohort_id, questionnaire = self.cohort_page.chosen()
        columns = self.columns_page.columns_chosen()
        self.plan = answer_import.build_answer_plan(self.table, cohort_id, questionnaire, columns)

    def after_import(self, result: AnswerImportResult, edit: edits.Edit) -> None:
        self.result = result
        self.context.edits.push(edit)
        self.imported.emit(result)
