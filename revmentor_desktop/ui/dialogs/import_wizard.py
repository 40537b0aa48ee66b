"""The import wizard: choose a file → check what each column holds → choose a cohort and a role
→ preview every problem, change and enrolment → import → what was created.

Entry point for the main window: ``ImportWizard(context, data_file_path, parent).exec()``; the
``imported`` signal carries the ``ImportResult``. The cohort and role come before the preview,
so the preview shows the enrolments too, and nothing is written until Import. The import is
one edit on the undo history (``edits.import_people``): one Ctrl+Z takes it all back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

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

from revmentor_desktop.domain import cohorts, edits, importing
from revmentor_desktop.domain.edits import Edit, RecordedImport
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.importing import (
    ChangeKind,
    ColumnMapping,
    DateOrder,
    Field,
    ImportOptions,
    ImportPlan,
    ImportResult,
    Record,
    Table,
)
from revmentor_desktop.domain.importing import summary as import_summary
from revmentor_desktop.domain.irreversible import IrreversibleChange
from revmentor_desktop.domain.vocabulary import CohortKind, Role
from revmentor_desktop.menu_paths import RESTORE_BACKUP, UNDO
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.undo import undo_key_text
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

MAX_PREVIEW_ROWS = 2000  # enough to review; the counts always cover the whole file


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
        self.columns = read_only_table(["Column in the file", "Example", "Import as"])
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
        self.detected.setText(importing.source_description(table))
        mapping = importing.initial_mapping(table.headers)
        example = importing.sample_row(table)
        example_title = f"Example (line {example.line})" if example else "Example"
        self.columns.setHorizontalHeaderItem(1, QTableWidgetItem(example_title))
        self.columns.setRowCount(len(table.headers))
        self.combos = []
        for row, header in enumerate(table.headers):
            value = example.cell(row) if example else ""
            self.columns.setItem(row, 0, QTableWidgetItem(header or "(no heading)"))
            self.columns.setItem(row, 1, QTableWidgetItem(value.replace("\n", " ")[:60]))
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


class CohortPage(QWizardPage):
    """Whom to enrol where, chosen before the preview so the preview shows the enrolments."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Enrol them in a cohort?")
        self.setSubTitle(
            "Optional. The next page shows who would be enrolled, and in which role, before "
            "anything is written."
        )
        self.cohort = QComboBox()
        self.cohort.setEditable(True)
        self.cohort.lineEdit().setPlaceholderText("(do not enrol in a cohort)")
        self.kind = QComboBox()
        for kind in CohortKind:
            self.kind.addItem(f"{kind.value.capitalize()} mentoring", kind.value)
        self.default_role = QComboBox()
        self.explanation = wrapping_label()
        form = QFormLayout()
        form.addRow("Enrol in &cohort:", self.cohort)
        form.addRow("&Kind of a new cohort:", self.kind)
        self.role_label = QLabel("&Rows without a role:")
        self.role_label.setBuddy(self.default_role)
        form.addRow(self.role_label, self.default_role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self._existing: dict[str, cohorts.CohortRow] = {}
        self.cohort.currentTextChanged.connect(self._follow_cohort)
        self.kind.currentIndexChanged.connect(self._follow_cohort)

    def initializePage(self) -> None:
        rows = cohorts.list_cohorts(include_archived=False)
        self._existing = {row.name.casefold(): row for row in rows}
        typed = self.cohort.currentText()
        self.cohort.blockSignals(True)
        self.cohort.clear()
        self.cohort.addItem("")
        for row in rows:
            self.cohort.addItem(row.name)
        self.cohort.setEditText(typed)
        self.cohort.blockSignals(False)
        has_roles = self._wizard.mapping_page.mapping().has(Field.ROLE)
        self.role_label.setText("&Rows without a role:" if has_roles else "&Enrol everyone as:")
        self._follow_cohort()

    def _follow_cohort(self) -> None:
        """The kind applies to a new cohort only; the roles take the cohort's own words."""
        name = self.cohort.currentText().strip()
        existing = self._existing.get(name.casefold())
        self.kind.setEnabled(bool(name) and existing is None)
        self.default_role.setEnabled(bool(name))
        if existing is not None:
            labels = (existing.mentor_label, existing.mentee_label)
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(self.kind.findData(existing.kind))
            self.kind.blockSignals(False)
            self.explanation.setText(
                f"“{existing.name}” exists ({existing.kind} mentoring); "
                "people already in it keep their place unless the file gives another role."
            )
        else:
            labels = CohortKind(self.kind.currentData()).default_role_labels
            self.explanation.setText(
                f"“{name}” is new: the import creates it." if name else "Nobody is enrolled."
            )
        chosen = self.default_role.currentData()
        self.default_role.clear()
        self.default_role.addItem("Do not enrol them", None)
        for role in Role:
            self.default_role.addItem(cohorts.role_label(role.value, *labels), role.value)
        self.default_role.setCurrentIndex(max(0, self.default_role.findData(chosen)))

    def options(self) -> dict[str, object]:
        return {
            "cohort_name": self.cohort.currentText().strip(),
            "cohort_kind": self.kind.currentData(),
            "default_role": self.default_role.currentData(),
        }


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Preview: nothing has been written yet")
        self.summary = wrapping_label()
        self.file_problems = wrapping_label()
        self.problems = read_only_table(["Line", "Column", "Problem"])
        self.skip_invalid = QCheckBox("&Skip the rows with problems and import the others")
        self.skip_invalid.toggled.connect(self.completeChanged)
        self.blocked = wrapping_label()  # why Import waits, while it does
        self.skip_invalid.toggled.connect(self._explain_blocked)
        self.problem_box = QWidget()  # hidden, taking no space, when no row has a problem
        problem_layout = QVBoxLayout(self.problem_box)
        problem_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel()
        problem_layout.addWidget(self.problems_label)
        problem_layout.addWidget(self.problems, 1)
        problem_layout.addWidget(self.skip_invalid)
        problem_layout.addWidget(self.blocked)
        self.changes = read_only_table(["Line", "Person", "What happens", "Details"])
        self.status = wrapping_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.file_problems)
        layout.addWidget(self.problem_box, 1)
        self.changes_label = QLabel()
        layout.addWidget(self.changes_label)
        layout.addWidget(self.changes, 2)
        layout.addWidget(self.status)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")

    def initializePage(self) -> None:
        self._wizard.rebuild_plan()
        self.status.clear()
        self.show_plan(self._wizard.plan)

    def show_plan(self, plan: ImportPlan | None) -> None:
        if plan is None:
            return
        lines = [import_summary.planned_people(plan)]
        if enrolments := import_summary.planned_enrolments(plan):
            lines.append(enrolments)
        lines.extend(plan.notes)
        lines.extend(f"Dates in “{h}”: {order}." for h, order in plan.date_orders.items())
        self.summary.setText("\n".join(lines))
        self.file_problems.setText("\n".join(plan.file_problems))
        self.file_problems.setVisible(bool(plan.file_problems))
        self.problem_box.setVisible(bool(plan.problems))
        problems = plan.problems.first[:MAX_PREVIEW_ROWS]
        fill_table(self.problems, [(p.line, p.column, p.reason) for p in problems])
        self.problems_label.setText(
            "Rows with problems (not imported until corrected)"
            + first_of(len(problems), plan.problems.total, "problems")
            + ":"
        )
        self.skip_invalid.setChecked(False)
        self._explain_blocked()
        labels = import_summary.role_labels(plan.cohort_id, plan.options.cohort_kind)
        shown = plan.first_changes[:MAX_PREVIEW_ROWS]
        self.changes_label.setText(
            "Changes" + first_of(len(shown), plan.added + plan.updated, "changes") + ":"
        )
        fill_table(self.changes, [self._change_row(record, labels) for record in shown])
        self.completeChanged.emit()

    def _explain_blocked(self) -> None:
        waiting = not self.skip_invalid.isChecked()
        self.blocked.setText(
            "Import waits until the file is corrected (choose it again after saving it) or "
            "until you tick the box above."
            if waiting
            else ""
        )
        self.blocked.setVisible(waiting)

    @staticmethod
    def _change_row(record: Record, labels: tuple[str, str]) -> tuple[object, ...]:
        if record.kind == ChangeKind.ADD:
            enrolment = ""
            if record.role and record.enrolment_changed:
                enrolment = f"Enrol as {import_summary.role_words(record.role, labels)}"
            return (record.line, f"{record.name} <{record.email}>", "Add", enrolment)
        details = "; ".join(f"{c.field}: “{c.old}” → “{c.new}”" for c in record.changes)
        return (record.line, record.name, "Update", details)

    def isComplete(self) -> bool:
        plan = self._wizard.plan
        return plan is not None and plan.can_apply(self.skip_invalid.isChecked())

    def validatePage(self) -> bool:
        wizard = self._wizard
        plan = wizard.plan
        assert plan is not None
        skip = self.skip_invalid.isChecked()
        if not plan.can_apply(skip):
            problems = plan.file_problems or [str(p) for p in plan.problems.first[:5]]
            hint = f"\nTick “{self.skip_invalid.text().replace('&', '')}” to import the others."
            self.status.setText(
                "Nothing was imported:\n"
                + "\n".join(problems)
                + (hint if plan.problems and not plan.file_problems else "")
            )
            return False
        try:
            recorded = edits.import_people(
                plan, wizard.data_file_path, skip_invalid=skip, clock=wizard.context.clock
            )
        except (DomainError, OSError) as error:
            self.status.setText(f"Nothing was imported: {error}")
            return False
        wizard.after_import(recorded)
        return True


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


def _result_paragraphs(recorded: RecordedImport | None) -> list[str]:
    if recorded is None:
        return []
    result = recorded.result
    paragraphs = ["\n".join(import_summary.result_lines(result)), _undo_words(recorded)]
    if result.backup_path is not None:
        paragraphs.append(f"A backup was taken just before: {result.backup_path}.")
    return paragraphs


def _undo_words(recorded: RecordedImport) -> str:
    """How this import is undone, in the words of the menus."""
    if isinstance(recorded.change, Edit):
        return f"To take the whole import back, choose {UNDO.path} ({undo_key_text()}) once."
    if isinstance(recorded.change, IrreversibleChange):
        return (
            f"This import changed more than {edits.LARGEST_UNDOABLE_IMPORT:,} people, too many "
            "to keep for undo, so it and the changes before it cannot be undone with "
            f"{UNDO.path}. To undo it, restore the backup ({RESTORE_BACKUP.path})."
        )
    return "Nothing in the data file needed changing."


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
        self.recorded: RecordedImport | None = None
        self.setWindowTitle("Import people")
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = ChooseFilePage(self)
        self.mapping_page = MappingPage(self)
        self.cohort_page = CohortPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage("Import finished", lambda: _result_paragraphs(self.recorded))
        for page in (
            self.file_page,
            self.mapping_page,
            self.cohort_page,
            self.preview_page,
            self.result_page,
        ):
            self.addPage(page)
        self.resize(900, 640)

    @property
    def result(self) -> ImportResult | None:
        return self.recorded.result if self.recorded is not None else None

    def set_file(self, path: Path) -> None:
        """Start with ``path`` chosen (drag and drop, recent files, tests)."""
        self.file_page.path_edit.setText(str(path))

    def rebuild_plan(self) -> None:
        if self.table is None:
            return
        self.plan = importing.build_plan(
            self.table,
            self.mapping_page.mapping(),
            ImportOptions(
                date_order=self.mapping_page.date_order.currentData(),
                **self.cohort_page.options(),
            ),
        )

    def after_import(self, recorded: RecordedImport) -> None:
        self.recorded = recorded
        if recorded.change is not None:
            self.context.edits.push(recorded.change)
        self.imported.emit(recorded.result)
