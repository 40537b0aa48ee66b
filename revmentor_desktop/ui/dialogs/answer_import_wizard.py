"""Importing answers from a form tool: choose the file → the cohort and questionnaire → what
each column holds → preview every row and every problem → import → what was recorded.

The file page is the people import's own; nothing is written until Import, and the import is
one edit on the undo history (``edits.import_answers``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from revmentor_desktop.domain import edits
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
from revmentor_desktop.ui.dialogs.import_pages import (
    ChooseFilePage,
    ColumnsPage,
    FileImportWizard,
    PreviewPage,
    ResultPage,
)
from revmentor_desktop.ui.undo import undo_key_text
from revmentor_desktop.ui.widgets.questionnaire_choices import fill_cohorts, questionnaire_combo

LEAVE_OUT = "(leave out)"


class CohortPage(QWizardPage):
    """Whose answers, to which questionnaire: the questions a column can hold follow."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Which cohort answered which questionnaire?")
        self.setSubTitle("Each row is matched by its e-mail address to a person of the cohort.")
        self.cohort = QComboBox()
        self.questionnaire = questionnaire_combo()
        form = QFormLayout(self)
        form.addRow("&Cohort:", self.cohort)
        form.addRow("&Questionnaire:", self.questionnaire)

    def initializePage(self) -> None:
        fill_cohorts(self.cohort, chosen=self.cohort.currentData())

    def isComplete(self) -> bool:
        return self.cohort.currentData() is not None

    def chosen(self) -> tuple[int, Questionnaire]:
        return int(self.cohort.currentData()), Questionnaire(self.questionnaire.currentData())


class QuestionColumnsPage(ColumnsPage):
    """Each column with an example value and the question it holds, suggested and editable."""

    def __init__(self, wizard: AnswerImportWizard) -> None:
        super().__init__(
            wizard,
            "Which question does each column answer?",
            "RevMentor matched the columns whose heading is a question's wording; the form "
            "tool's own columns (ID, start time, timestamp) are left out. Correct any it got "
            "wrong.",
            holds="Holds",
        )
        self._wizard = wizard
        _fixed_widths(self.columns, 250, 110)  # the questions to choose from get the rest
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns)

    def choice_for(self, table: Table) -> Callable[[int], QComboBox]:
        cohort_id, questionnaire = self._wizard.cohort_page.chosen()
        choices = answer_import.targets(cohort_id, questionnaire)
        suggested = answer_import.suggested_columns(table.headers, choices)
        return lambda row: _target_combo(choices, suggested.targets[row])

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


class AnswersPreviewPage(PreviewPage):
    def __init__(self, wizard: AnswerImportWizard) -> None:
        super().__init__(wizard, "&Skip the rows with problems and record the others")
        self._wizard = wizard
        _fixed_widths(self.problems, 50, 200)  # each problem wraps, whole, in the rest
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rows_label, self.rows = self.lay_out(["Line", "Person", "Records"], stretches=(2, 1))

    def show_plan(self) -> None:
        plan = self._wizard.plan
        assert plan is not None
        self.summary.setText("\n".join(plan.file_problems or plan.summary_lines()))
        self.show_problems(
            plan.problems,
            "Rows with problems (nothing is imported until they are corrected or skipped)",
        )
        self.show_outcome("What each row records", plan.rows, len(plan.rows), "rows", _row_cells)

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


class AnswerImportWizard(FileImportWizard):
    """Import the answers a form tool exported into the open data file."""

    imported = Signal(object)  # AnswerImportResult

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "Import answers from a form tool", parent)
        self.plan: AnswerImportPlan | None = None
        self.result: AnswerImportResult | None = None
        self.file_page = ChooseFilePage(
            self,
            subtitle="The responses Microsoft Forms or Google Forms exported, as CSV or Excel "
            "(.xlsx). In Microsoft Forms: Responses ▸ Open results in Excel; in Google Forms: "
            "Responses ▸ Download responses (.csv).",
            example="Check-in responses.csv",
            browse_title="Import answers",
        )
        self.cohort_page = CohortPage()
        self.columns_page = QuestionColumnsPage(self)
        self.preview_page = AnswersPreviewPage(self)
        self.result_page = ResultPage("Answers imported", lambda: _result_paragraphs(self.result))
        self.add_pages(
            self.file_page, self.cohort_page, self.columns_page, self.preview_page, self.result_page
        )

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
