"""The wizard pages both imports share (people from a staff list, answers from a form tool):
choosing the file, the table of columns with an example value and a choice of what each holds,
the preview of problems and outcome before anything is written, and the closing words.

Each wizard (a ``FileImportWizard``) adds its own pages around these; the pages here only need
the wizard to keep the table its file page read and, for the preview, the plan built from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from revmentor_desktop.domain import importing
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.importing import ProblemLog, Table
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

MAX_PREVIEW_ROWS = 2000  # enough to review; the counts always cover the whole file
Outcome = TypeVar("Outcome")
EXAMPLE_LENGTH = 60  # characters of a column's example value shown beside its heading


def read_only_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def first_of(shown: int, total: int, what: str) -> str:
    """ ", the first 2,000 of 464,000 problems" when a list shows only the first ones."""
    return f", the first {shown:,} of {total:,} {what}" if shown < total else ""


def fill_table(table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
    table.setRowCount(len(rows))
    for row_number, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row_number, column, QTableWidgetItem(str(value)))


def wrapping_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


class HoldsTable(Protocol):
    """A wizard that keeps the table its file page read."""

    table: Table | None


class ChooseFilePage(QWizardPage):
    """Reads the chosen file into ``wizard.table`` (any wizard with that attribute)."""

    def __init__(
        self,
        wizard: HoldsTable,
        subtitle: str = (
            "A staff list from HR or the answers to the enrolment form, as CSV or Excel (.xlsx)."
        ),
        example: str = "staff list.csv",
        browse_title: str = "Import people",
    ) -> None:
        super().__init__()
        self._wizard = wizard
        self._browse_title = browse_title
        self.setTitle("Choose the file to import")
        self.setSubTitle(subtitle)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(example)
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.error = wrapping_label()
        self.error.setStyleSheet("color: palette(highlight);")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self._browse_title, "", "Spreadsheets (*.csv *.txt *.tsv *.xlsx);;All files (*)"
        )
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        try:
            self._wizard.table = importing.read_table_file(Path(self.path_edit.text().strip()))
        except DomainError as error:
            self.error.setText(str(error))
            return False
        self.error.clear()
        return True


class ColumnsPage(QWizardPage):
    """The file's columns, one a row: its heading, the value it holds in the sample row, and a
    combo for what it holds, which ``choice_for`` gives and the later pages read."""

    def __init__(self, wizard: HoldsTable, title: str, subtitle: str, holds: str) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.columns = read_only_table(["Column in the file", "Example", holds])
        self.combos: list[QComboBox] = []

    def choice_for(self, table: Table) -> Callable[[int], QComboBox]:
        """The combo for the column at an index, with the suggestion for it chosen."""
        raise NotImplementedError

    def initializePage(self) -> None:
        table = self._wizard.table
        assert table is not None
        choice_for = self.choice_for(table)
        example = importing.sample_row(table)
        example_title = f"Example (line {example.line})" if example else "Example"
        self.columns.setHorizontalHeaderItem(1, QTableWidgetItem(example_title))
        self.columns.setRowCount(len(table.headers))
        self.combos = []
        for row, header in enumerate(table.headers):
            value = (example.cell(row) if example else "").replace("\n", " ")
            heading = QTableWidgetItem(header or "(no heading)")
            heading.setToolTip(header)  # a long heading is cut short in its cell
            self.columns.setItem(row, 0, heading)
            self.columns.setItem(row, 1, QTableWidgetItem(value[:EXAMPLE_LENGTH]))
            self.combos.append(choice_for(row))
            self.columns.setCellWidget(row, 2, self.combos[-1])


class Plan(Protocol):
    """What the preview needs of either import's plan."""

    file_problems: list[str]
    problems: ProblemLog

    def can_apply(self, skip_invalid: bool = False) -> bool: ...


class PlansImport(Protocol):
    """A wizard that builds its plan from its earlier pages when the preview opens."""

    @property
    def plan(self) -> Plan | None: ...

    def rebuild_plan(self) -> None: ...


class PreviewPage(QWizardPage):
    """The commit page: a summary, the rows with problems and a box to skip them (hidden,
    taking no space, when no row has a problem), then what the import would do. Nothing is
    written until Import; ``status`` says why it was not."""

    def __init__(self, wizard: PlansImport, skip_text: str) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Preview: nothing has been written yet")
        self.summary = wrapping_label()
        self.problems_label = QLabel()
        self.problems = read_only_table(["Line", "Column", "Problem"])
        self.skip_invalid = QCheckBox(skip_text)
        self.skip_invalid.toggled.connect(self.completeChanged)
        self.problem_box = QWidget()
        self.problem_layout = QVBoxLayout(self.problem_box)
        self.problem_layout.setContentsMargins(0, 0, 0, 0)
        self.problem_layout.addWidget(self.problems_label)
        self.problem_layout.addWidget(self.problems, 1)
        self.problem_layout.addWidget(self.skip_invalid)
        self.status = wrapping_label()
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")

    def lay_out(
        self,
        outcome_headers: list[str],
        notes: tuple[QWidget, ...] = (),
        stretches: tuple[int, int] = (1, 2),
    ) -> tuple[QLabel, QTableWidget]:
        """From the top: the summary and any ``notes``, the problems, the table of what the
        import would do (with ``outcome_headers``, under its label), and the status;
        ``stretches`` share the height between the problems and that table, returned with
        its label."""
        self._outcome_label = QLabel()
        self._outcome = read_only_table(outcome_headers)
        layout = QVBoxLayout(self)
        for widget in (self.summary, *notes):
            layout.addWidget(widget)
        layout.addWidget(self.problem_box, stretches[0])
        layout.addWidget(self._outcome_label)
        layout.addWidget(self._outcome, stretches[1])
        layout.addWidget(self.status)
        return self._outcome_label, self._outcome

    def initializePage(self) -> None:
        self._wizard.rebuild_plan()
        self.status.clear()
        self.show_plan()
        self.completeChanged.emit()

    def show_plan(self) -> None:
        """Fill the page from the wizard's plan; each wizard words its own summary and
        outcome, and calls ``show_problems``."""
        raise NotImplementedError

    def show_problems(self, problems: ProblemLog, heading: str) -> None:
        """The first row problems under ``heading``; the box is unticked for each new plan."""
        shown = problems.first[:MAX_PREVIEW_ROWS]
        self.problem_box.setVisible(bool(problems))
        more = first_of(len(shown), problems.total, "problems")
        self.problems_label.setText(f"{heading}{more}:")
        fill_table(self.problems, [(p.line, p.column, p.reason) for p in shown])
        self.skip_invalid.setChecked(False)

    def show_outcome(
        self,
        heading: str,
        records: Sequence[Outcome],
        total: int,
        what: str,
        cells: Callable[[Outcome], tuple[object, ...]],
    ) -> None:
        """The first ``records`` of what the import would do, a row of ``cells`` each, under
        ``heading`` (which says how many of ``total`` ``what`` are shown)."""
        shown = records[:MAX_PREVIEW_ROWS]
        self._outcome_label.setText(f"{heading}{first_of(len(shown), total, what)}:")
        fill_table(self._outcome, [cells(record) for record in shown])

    def isComplete(self) -> bool:
        plan = self._wizard.plan
        return plan is not None and plan.can_apply(self.skip_invalid.isChecked())


class ResultPage(QWizardPage):
    """The last page: what the import did, in the paragraphs ``describe`` gives."""

    def __init__(self, title: str, describe: Callable[[], list[str]]) -> None:
        super().__init__()
        self._describe = describe
        self.setTitle(title)
        self.text = wrapping_label()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.text.setText("\n\n".join(self._describe()))


class FileImportWizard(RemembersSize, QWizard):
    """What both import wizards are: a file read into ``table``, then their own pages, and no
    Back on the last page (the import is done by then; Undo takes it back)."""

    def __init__(self, context: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.table: Table | None = None
        self.setWindowTitle(title)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    def add_pages(self, *pages: QWizardPage) -> None:
        for page in pages:
            self.addPage(page)
        self.resize(900, 640)
