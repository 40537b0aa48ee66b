"""Privacy dialogs: export everything about a person (access request) and erase a person.

Entry points for the main window:
- ``PersonExportDialog(context, person_id, parent).exec()`` writes FILE.json and a readable
  FILE.csv.
- ``EraseDialog(context, data_file_path, person_id, parent).exec()`` erases after a clear
  warning, says how long older backups still hold the data, and can delete them.
  The erasure cannot be undone, and the undo history drops what came before it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import namesakes, people
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.services import privacy as privacy_files
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize, scrolling


class PersonExportDialog(RemembersSize, QDialog):
    """Write everything RevMentor holds about one person, for an access request."""

    def __init__(self, context: AppContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        name = people.get_person(person_id).draft.name
        label = namesakes.person_label(person_id)
        self.setWindowTitle(f"Export everything about {label}")
        intro = QLabel(
            f"Writes all data about {label} — details, consent, skills, cohorts, pairs, goals, "
            "sessions, questionnaire answers and coordinator notes — as a JSON file and a "
            "readable CSV file beside it."
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(str(Path.home() / f"{name} - personal data.json"))
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.written: tuple[Path, Path] | None = None

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export personal data", self.path_edit.text(), "JSON (*.json)"
        )
        if name:
            self.path_edit.setText(name)

    def accept(self) -> None:
        try:
            self.written = privacy_files.write_access_export(
                self.person_id, Path(self.path_edit.text().strip())
            )
        except (DomainError, OSError) as error:
            self.message.setText(f"Nothing was written: {error}")
            return
        super().accept()


class EraseDialog(RemembersSize, QDialog):
    """Erase a person's personal data for good, after saying exactly what that means."""

    erased = Signal(object)  # privacy_files.ErasureReport

    def __init__(
        self,
        context: AppContext,
        data_file_path: Path | None,
        person_id: int,
        parent: QWidget | None = None,
    ) -> None:
        """``data_file_path`` None: the programme is on a server, with no backup folder."""
        super().__init__(parent)
        self.context = context
        self.data_file_path = None if data_file_path is None else Path(data_file_path)
        self.person_id = person_id
        self.report: privacy_files.ErasureReport | None = None
        name = namesakes.person_label(person_id)
        self.setWindowTitle(f"Erase {name}")
        exposure = privacy_files.backups_holding_erased_data(
            self.data_file_path, person_id, datetime.now()
        )
        where = "server's database" if self.data_file_path is None else "data file"
        text = QLabel(
            f"Erasing removes {name}'s personal details, skills, goals, notes, session "
            f"takeaways and questionnaire answers from the {where} for good. Their pairs and "
            "sessions stay as anonymous counts for cohort statistics. This cannot be undone."
            "\n\n" + exposure.describe()
        )
        text.setWordWrap(True)
        self.understood = QCheckBox("I understand that this cannot be &undone")
        self.purge = QCheckBox("Also &delete the older backups that hold their data")
        self.purge.setEnabled(bool(exposure.backups))
        self.purge.setVisible(self.data_file_path is not None)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.erase_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.erase_button.setText("&Erase")
        self.erase_button.setEnabled(False)
        self.understood.toggled.connect(self.erase_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(text), 1)
        layout.addWidget(self.understood)
        layout.addWidget(self.purge)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if not self.understood.isChecked():
            return
        try:
            self.report = privacy_files.erase_with_backups(
                self.person_id, self.data_file_path, purge=self.purge.isChecked()
            )
        except (DomainError, DataFileError, OSError) as error:
            self.message.setText(f"Nothing was erased: {error}")
            return
        self.context.edits.push(self.report.irreversible_change)
        self.erased.emit(self.report)
        super().accept()

    def summary(self) -> str:
        """What to tell the coordinator afterwards (the window shows it in a message)."""
        if self.report is None:
            return ""
        text = f"Erased; their records now show “{self.report.result.placeholder}”."
        if warning := self.report.space_warning(self.data_file_path):
            text += f" {warning}"
        if self.report.purged:
            return f"{text} {self.report.describe_purge()}"
        return text + " " + self.report.exposure.describe()
