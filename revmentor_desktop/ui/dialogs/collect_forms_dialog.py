"""Collect returned forms: pick the returned PDFs (files or a folder), see what each records
or why it is refused, choose the answers to keep where a form was answered twice, then
record them all as one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.outcomes import collect
from revmentor_desktop.domain.outcomes.collect import CollectionPlan, ReturnedFile
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.collection_model import WHAT, CollectionModel
from revmentor_desktop.ui.widgets.feedback import show_refusal
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

KEEP_RECORDED = "recorded"


class CollectFormsDialog(RemembersSize, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.paths: list[Path] = []
        self.setWindowTitle("Collect returned forms")
        self.model = CollectionModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.add_files = QPushButton("Add &files…", self)
        self.add_folder = QPushButton("Add a f&older…", self)
        self.add_files.clicked.connect(self._choose_files)
        self.add_folder.clicked.connect(self._choose_folder)
        self.type_in = QPushButton("&Type in by hand…", self)
        self.type_in.setToolTip(
            "A printed or flattened form has no fields left to read: type its answers in"
        )
        self.type_in.setEnabled(False)
        self.type_in.clicked.connect(self._type_in_selected)
        self.table.selectionModel().currentRowChanged.connect(self._update_type_in)
        self.summary = QLabel("Add the returned PDF forms, or the folder that holds them.", self)
        self.summary.setWordWrap(True)
        self.choices = QFormLayout()
        self.choice_boxes: dict[int, QComboBox] = {}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.record_button = self.buttons.addButton(
            "&Record", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.resize(self.fontMetrics().averageCharWidth() * 120, 420)

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.add_files)
        adding.addWidget(self.add_folder)
        adding.addStretch(1)
        adding.addWidget(self.type_in)
        layout = QVBoxLayout(self)
        layout.addLayout(adding)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.choices)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # Choosing files

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "Returned forms", "", "PDF forms (*.pdf);;All files (*)"
        )
        self.add_paths([Path(name) for name in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder of returned forms")
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        """Read the files again with ``paths`` added and show the new plan."""
        if not paths and not self.paths:
            return
        self.paths.extend(paths)
        try:
            plan = collect.plan_collection(self.paths)
        except DomainError as refusal:
            show_refusal(self, refusal)
            return
        self._show_plan(plan)

    # The plan

    def _show_plan(self, plan: CollectionPlan) -> None:
        self.model.set_plan(plan)
        self.table.resizeRowsToContents()
        self._show_choices(plan)
        self._update_summary()

    def _show_choices(self, plan: CollectionPlan) -> None:
        while self.choices.rowCount():
            self.choices.removeRow(0)
        self.choice_boxes.clear()
        for form_id, files in plan.answered_twice().items():
            box = QComboBox(self)
            box.addItem("Choose the answers to keep…", None)
            if recorded := next((f.recorded_on for f in files if f.recorded_on), None):
                box.addItem(
                    f"Keep the answers recorded on {format_date(recorded.date())}", KEEP_RECORDED
                )
            for file in files:
                box.addItem(f"Keep {file.path.name} ({file.answered} answers)", str(file.path))
            box.currentIndexChanged.connect(
                lambda _index, form_id=form_id, box=box: self._choose(form_id, box)
            )
            box.setAccessibleName(f"Answers to keep for {self._form_name(files[0])}")
            self.choices.addRow(f"{self._form_name(files[0])}, answered twice:", box)
            self.choice_boxes[form_id] = box

    @staticmethod
    def _form_name(file: ReturnedFile) -> str:
        title = file.questionnaire.title if file.questionnaire else "form"
        return f"{file.person_name} ({title})"

    def _choose(self, form_id: int, box: QComboBox) -> None:
        chosen = box.currentData()
        plan = self.model.plan
        if chosen is None:
            kept = {key: value for key, value in plan.kept.items() if key != form_id}
            plan = CollectionPlan(plan.files, kept)
        else:
            plan = plan.choose(form_id, None if chosen == KEEP_RECORDED else Path(chosen))
        self.model.set_plan(plan)
        self.table.resizeRowsToContents()
        self._update_summary()

    # Forms that can only be typed in

    def _selected_file(self) -> ReturnedFile | None:
        row = self.table.currentIndex().row()
        files = self.model.plan.files
        return files[row] if 0 <= row < len(files) else None

    def _update_type_in(self) -> None:
        selected = self._selected_file()
        self.type_in.setEnabled(selected is not None and selected.hand_entry)

    def _type_in_selected(self) -> None:
        """Open typed entry on the form the file was (or, its identifiers lost, on the
        questionnaire chooser), then read the files again: the form now shows as answered."""
        from revmentor_desktop.ui.dialogs.answer_entry_dialog import AnswerEntryDialog

        selected = self._selected_file()
        if selected is None or not selected.hand_entry:
            return
        AnswerEntryDialog(self.context, form_id=selected.form_id, parent=self).exec()
        self.add_paths([])

    def _update_summary(self) -> None:
        plan = self.model.plan
        recording = len(plan.to_record())
        refused = len(plan.refused)
        undecided = len(plan.undecided())
        parts = [f"{plural(recording, 'form')} to record"]
        if refused:
            parts.append(f"{plural(refused, 'file')} refused and left out (see why above)")
        if undecided:
            parts.append(f"choose the answers to keep for {plural(undecided, 'form')}")
        self.summary.setText("; ".join(parts) + ".")
        self.record_button.setEnabled(recording > 0 and not undecided)
        self.record_button.setText(
            f"&Record {plural(recording, 'form')}" if recording else "&Record"
        )

    def accept(self) -> None:
        try:
            edit = edits.collect_forms(self.model.plan, self.context.clock, leave_out_refused=True)
        except DomainError as refusal:
            show_refusal(self, refusal)
            return
        self.context.edits.push(edit)
        super().accept()


def collect_returned_forms(context: AppContext, parent: QWidget | None = None) -> None:
    CollectFormsDialog(context, parent).exec()
