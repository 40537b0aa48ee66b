"""The import wizard: choose a file → check what each column holds → preview every problem and
change → options (cohort, skip invalid rows) → import.

Entry point for the main window: ``ImportWizard(context, data_file_path, parent).exec()``; the
``imported`` signal carries the ``ImportResult``. An import is undone by restoring the backup
taken just before it, so the import hands the undo history its irreversible mark (which drops
the edits before it), and the wizard says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
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

from revmentor_desktop.domain import cohorts, importing
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.importing import (
    ChangeKind,
    ColumnMapping,
    DateOrder,
    Field,
    ImportOptions,
    ImportPlan,
    ImportResult,
    Table,
)
from revmentor_desktop.domain.vocabulary import CohortKind, Role, agree, plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

MAX_PREVIEW_ROWS = 2000  # enough to review; the counts always cover the whole file


def _read_only_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def _rows_with_problems(count: int) -> str:
    return f"{plural(count, 'row')} {agree('have problems', count)}."


def _fill(table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
    table.setRowCount(len(rows))
    for row_number, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row_number, column, QTableWidgetItem(str(value)))


class ChooseFilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Choose the file to import")
        self.setSubTitle(
            "A staff list from HR or the answers to the enrolment form, as CSV or Excel (.xlsx)."
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("staff list.csv")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.error = QLabel()
        self.error.setWordWrap(True)
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
            self, "Import people", "", "Spreadsheets (*.csv *.txt *.tsv *.xlsx);;All files (*)"
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


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("What does each column hold?")
        self.setSubTitle(
            "RevMentor recognised the columns below. Correct any it got wrong; the choice is "
            "remembered for the next file with the same headings."
        )
        self.detected = QLabel()
        self.columns = _read_only_table(["Column in the file", "First value", "Import as"])
        self.date_order = QComboBox()
        self.date_order.addItem("Decide from the dates (ask when unclear)", None)
        self.date_order.addItem("Day first (31/12/2024)", DateOrder.DMY)
        self.date_order.addItem("Month first (12/31/2024)", DateOrder.MDY)
        form = QFormLayout()
        form.addRow("Detected:", self.detected)
        form.addRow("&Dates like 03/04/2024:", self.date_order)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.columns, 1)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        table = self._wizard.table
        assert table is not None
        self.detected.setText(table.detected)
        mapping = importing.initial_mapping(table.headers)
        self.columns.setRowCount(len(table.headers))
        self.combos = []
        for row, header in enumerate(table.headers):
            first = next((r.cell(row) for r in table.rows if r.cell(row)), "")
            self.columns.setItem(row, 0, QTableWidgetItem(header or "(no heading)"))
            self.columns.setItem(row, 1, QTableWidgetItem(first.replace("\n", " ")[:60]))
            combo = QComboBox()
            combo.addItem("(do not import)", None)
            for field_ in Field:
                combo.addItem(field_.label, field_.value)
            chosen = mapping.fields[row]
            combo.setCurrentIndex(combo.findData(chosen.value) if chosen else 0)
            self.columns.setCellWidget(row, 2, combo)
            self.combos.append(combo)

    def mapping(self) -> ColumnMapping:
        return ColumnMapping(
            tuple(Field(c.currentData()) if c.currentData() else None for c in self.combos)
        )


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Preview: nothing has been written yet")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.file_problems = QLabel()
        self.file_problems.setWordWrap(True)
        self.problems = _read_only_table(["Line", "Column", "Problem"])
        self.changes = _read_only_table(["Line", "Person", "What happens", "Details"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.file_problems)
        layout.addWidget(QLabel("Rows with problems (not imported until corrected):"))
        layout.addWidget(self.problems, 1)
        layout.addWidget(QLabel("Changes:"))
        layout.addWidget(self.changes, 2)

    def initializePage(self) -> None:
        self._wizard.rebuild_plan()
        self.show_plan(self._wizard.plan)

    def show_plan(self, plan: ImportPlan | None) -> None:
        if plan is None:
            return
        lines = [f"{plan.summary()}."]
        lines.extend(plan.notes)
        lines.extend(f"Dates in “{h}”: {order}." for h, order in plan.date_orders.items())
        self.summary.setText("\n".join(lines))
        self.file_problems.setText("\n".join(plan.file_problems))
        self.file_problems.setVisible(bool(plan.file_problems))
        _fill(
            self.problems,
            [(p.line, p.column, p.reason) for p in plan.problems[:MAX_PREVIEW_ROWS]],
        )
        shown = [r for r in plan.records if r.kind != ChangeKind.UNCHANGED][:MAX_PREVIEW_ROWS]
        rows: list[tuple[object, ...]] = []
        for record in shown:
            if record.kind == ChangeKind.ADD:
                rows.append((record.line, f"{record.name} <{record.email}>", "Add", ""))
            else:
                details = "; ".join(f"{c.field}: “{c.old}” → “{c.new}”" for c in record.changes)
                rows.append((record.line, record.name, "Update", details))
        _fill(self.changes, rows)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self._wizard.plan
        return plan is not None and not plan.file_problems


class OptionsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Options")
        self.setSubTitle(
            "A backup of the data file is taken first; the import is then written all at once."
        )
        self.cohort = QComboBox()
        self.cohort.setEditable(True)
        self.cohort.lineEdit().setPlaceholderText("(do not enrol in a cohort)")
        self.kind = QComboBox()
        for kind in CohortKind:
            self.kind.addItem(f"{kind.value.capitalize()} mentoring", kind.value)
        self.default_role = QComboBox()
        self.default_role.addItem("Do not enrol them", None)
        for role in Role:
            self.default_role.addItem(role.value.capitalize(), role.value)
        self.skip_invalid = QCheckBox("&Skip the rows with problems and import the others")
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Enrol in &cohort:", self.cohort)
        form.addRow("&Kind of a new cohort:", self.kind)
        form.addRow("&Rows without a role:", self.default_role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")

    def initializePage(self) -> None:
        self.cohort.clear()
        self.cohort.addItem("")
        for row in cohorts.list_cohorts(include_archived=False):
            self.cohort.addItem(row.name)
        plan = self._wizard.plan
        has_problems = plan is not None and bool(plan.problems)
        self.skip_invalid.setEnabled(has_problems)
        self.status.setText(
            _rows_with_problems(len(plan.invalid_lines)) if plan and has_problems else ""
        )

    def options(self) -> dict[str, object]:
        return {
            "cohort_name": self.cohort.currentText().strip(),
            "cohort_kind": self.kind.currentData(),
            "default_role": self.default_role.currentData(),
        }

    def validatePage(self) -> bool:
        wizard = self._wizard
        wizard.rebuild_plan()
        plan = wizard.plan
        assert plan is not None
        skip = self.skip_invalid.isChecked()
        if not plan.can_apply(skip):
            problems = plan.file_problems or [str(p) for p in plan.problems[:5]]
            self.status.setText(
                "Nothing was imported:\n"
                + "\n".join(problems)
                + (
                    "\nTick “Skip the rows with problems” to import the others."
                    if plan.problems and not plan.file_problems
                    else ""
                )
            )
            return False
        try:
            result = importing.apply_plan(plan, wizard.data_file_path, skip_invalid=skip)
        except (DomainError, OSError) as error:
            self.status.setText(f"Nothing was imported: {error}")
            return False
        wizard.after_import(result)
        return True


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Import finished")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self._wizard.result
        if result is None:
            return
        lines = [f"Imported: {result.summary()}."]
        if result.backup_path is not None:
            lines.append(
                f"A backup was taken just before: {result.backup_path}.\n"
                "To undo this import, restore that backup (File ▸ Restore a backup). "
                "The undo history was cleared."
            )
        self.text.setText("\n\n".join(lines))


class ImportWizard(RemembersSize, QWizard):
    """Import people from a CSV or XLSX file into the open data file."""

    imported = Signal(object)  # ImportResult

    def __init__(
        self, context: AppContext, data_file_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.data_file_path = Path(data_file_path)
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.setWindowTitle("Import people")
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = ChooseFilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.options_page = OptionsPage(self)
        self.result_page = ResultPage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.preview_page,
            self.options_page,
            self.result_page,
        ):
            self.addPage(page)
        self.resize(900, 640)

    def set_file(self, path: Path) -> None:
        """Start with ``path`` chosen (drag and drop, recent files, tests)."""
        self.file_page.path_edit.setText(str(path))

    def rebuild_plan(self) -> None:
        if self.table is None:
            return
        options = self.options_page.options() if self.currentPage() is self.options_page else {}
        self.plan = importing.build_plan(
            self.table,
            self.mapping_page.mapping(),
            ImportOptions(date_order=self.mapping_page.date_order.currentData(), **options),
        )

    def after_import(self, result: ImportResult) -> None:
        self.result = result
        self.context.edits.push(result.irreversible_change)
        self.imported.emit(result)
