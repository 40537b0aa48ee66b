"""Make questionnaire forms: pick a cohort, a questionnaire and a folder; the fillable PDFs of
everyone due it are written there (drawn off the GUI thread), one file per person."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.outcomes.forms import FormToFill, issue_forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.progress import Progress
from revmentor_desktop.domain.report_data import Letterhead
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.feedback import show_refusal
from revmentor_desktop.ui.widgets.folder_field import FolderField
from revmentor_desktop.ui.widgets.questionnaire_choices import cohort_combo, questionnaire_combo
from revmentor_desktop.ui.workers import DialogJob

PRINT_COPY_NAME = "{title} – all forms to print.pdf"


def _write(
    issued: list[FormToFill],
    letterhead: Letterhead,
    folder: Path,
    print_copy: bool,
    progress: Progress,
) -> list[Path]:
    """The job: every form's file, then the copy to print (pure drawing, no database)."""
    from revmentor_desktop.reports import outcome_form

    written = outcome_form.write_forms(issued, letterhead, folder, progress)
    if print_copy:
        title = issued[0].questionnaire.title
        printed = folder / PRINT_COPY_NAME.format(title=title)
        outcome_form.render_forms_for_printing(issued, letterhead, printed)
        written.append(printed)
    return written


class MakeFormsDialog(QDialog):
    """``written`` fires with the files once they are all on disk."""

    written = Signal(list)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, cohort_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Make questionnaire forms")
        self._job = DialogJob(self)
        self.cohort = cohort_combo(cohort_id, self)
        self.questionnaire = questionnaire_combo(parent=self)
        self.folder = FolderField("The folder to write the forms to", "Folder for the forms", self)
        self.print_copy = QCheckBox("Also one PDF of every form, to &print", self)
        self.status = QLabel(
            "One fillable PDF per person due the questionnaire. People fill it in any PDF "
            "reader and send it back, or print it and tick the boxes.",
            self,
        )
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.make_button = self.buttons.addButton(
            "&Make forms", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Cohort:", self.cohort)
        form.addRow("&Questionnaire:", self.questionnaire)
        form.addRow("&Folder:", self.folder)
        form.addRow("", self.print_copy)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())

    def accept(self) -> None:
        """Issue the forms (in the data file) and draw them in a worker thread."""
        folder = self.folder.existing_folder()
        if folder is None:
            self.status.setText("Choose a folder that exists for the forms.")
            self.folder.setFocus()
            return
        questionnaire = Questionnaire(self.questionnaire.currentData())
        try:
            issued = issue_forms(self.cohort.currentData(), questionnaire, clock=self.context.clock)
        except DomainError as refusal:
            show_refusal(self, refusal)
            return
        if not issued:
            self.status.setText(
                f"Nobody in {self.cohort.currentText()} is due "
                f"{questionnaire.in_a_sentence}: it goes to the partners of the cohort's open "
                "pairs."
            )
            return
        letterhead = report_data.letterhead(self.context.clock)
        print_copy = self.print_copy.isChecked()
        self.make_button.setEnabled(False)
        self.status.setText(f"Writing {plural(len(issued), 'form')}…")
        self._job.start(
            lambda progress: _write(issued, letterhead, folder, print_copy, progress),
            progressed=lambda done, total: self.status.setText(
                f"Writing form {done + 1} of {total}…"
            ),
            succeeded=self._finished,
            failed=self._failed,
        )

    def _finished(self, written: list[Path]) -> None:
        self.written.emit(written)
        super().accept()

    def _failed(self, message: str) -> None:
        self.make_button.setEnabled(True)
        self.status.setText(f"The forms could not all be written: {message}")


def make_questionnaire_forms(context: AppContext, parent: QWidget | None = None) -> None:
    dialog = MakeFormsDialog(context, parent)
    dialog.written.connect(
        lambda written: context.edits.message.emit(
            f"Wrote {plural(len(written), 'file')} to {written[0].parent}"
        )
    )
    dialog.exec()
