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

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
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
from revmentor_desktop.services.data_sources import backup_before_import
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.import_pages import (
    ChooseFilePage,
    ColumnsPage,
    FileImportWizard,
    PreviewPage,
    ResultPage,
    wrapping_label,
)
from revmentor_desktop.ui.undo import undo_key_text


class MappingPage(ColumnsPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            "What does each column hold?",
            "RevMentor recognised the columns below. Correct any it got wrong; the choice is "
            "remembered for the next file with the same headings.",
            holds="Import as",
        )
        self.detected = QLabel()
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

    def choice_for(self, table: Table) -> Callable[[int], QComboBox]:
        self.detected.setText(importing.source_description(table))
        mapping = importing.initial_mapping(table.headers)
        return lambda row: _field_combo(mapping.fields[row])

    def mapping(self) -> ColumnMapping:
        return ColumnMapping(
            tuple(Field(c.currentData()) if c.currentData() else None for c in self.combos)
        )


def _field_combo(chosen: Field | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem("(do not import)", None)
    for field_ in Field:
        combo.addItem(field_.label, field_.value)
    combo.setCurrentIndex(combo.findData(chosen.value) if chosen else 0)
    return combo


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


class PeoplePreviewPage(PreviewPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, "&Skip the rows with problems and import the others")
        self._wizard = wizard
        self.file_problems = wrapping_label()
        self.blocked = wrapping_label()  # why Import waits, while it does
        self.skip_invalid.toggled.connect(self._explain_blocked)
        self.problem_layout.addWidget(self.blocked)
        self.changes_label, self.changes = self.lay_out(
            ["Line", "Person", "What happens", "Details"], notes=(self.file_problems,)
        )

    def show_plan(self) -> None:
        plan = self._wizard.plan
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
        self.show_problems(plan.problems, "Rows with problems (not imported until corrected)")
        self._explain_blocked()
        labels = import_summary.role_labels(plan.cohort_id, plan.options.cohort_kind)
        self.show_outcome(
            "Changes",
            plan.first_changes,
            plan.added + plan.updated,
            "changes",
            lambda record: self._change_row(record, labels),
        )

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
                plan,
                backup_before_import(wizard.data_file_path),
                skip_invalid=skip,
                clock=wizard.context.clock,
            )
        except (DomainError, OSError) as error:
            self.status.setText(f"Nothing was imported: {error}")
            return False
        wizard.after_import(recorded)
        return True


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
        limit = edits.imports.LARGEST_UNDOABLE_IMPORT
        return (
            f"This import changed more than {limit:,} people, too many "
            "to keep for undo, so it and the changes before it cannot be undone with "
            f"{UNDO.path}. To undo it, restore the backup ({RESTORE_BACKUP.path})."
        )
    return "Nothing in the data file needed changing."


class ImportWizard(FileImportWizard):
    """Import people from a CSV or XLSX file into the open data file."""

    imported = Signal(object)  # ImportResult

    def __init__(
        self, context: AppContext, data_file_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "Import people", parent)
        self.data_file_path = Path(data_file_path)
        self.plan: ImportPlan | None = None
        self.recorded: RecordedImport | None = None
        self.file_page = ChooseFilePage(self)
        self.mapping_page = MappingPage(self)
        self.cohort_page = CohortPage(self)
        self.preview_page = PeoplePreviewPage(self)
        self.result_page = ResultPage("Import finished", lambda: _result_paragraphs(self.recorded))
        self.add_pages(
            self.file_page, self.mapping_page, self.cohort_page, self.preview_page, self.result_page
        )

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
