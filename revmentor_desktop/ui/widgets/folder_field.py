"""A folder to write files into, typed or picked with Browse…: the row the dialogs that write a
batch of files (questionnaire forms, e-mail drafts) ask for their destination with."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class FolderField(QWidget):
    """A line for the folder and a Browse… button; focus and a form label's mnemonic go to the
    line. ``browse_title`` names the folder picker's window ("Folder for the forms")."""

    def __init__(self, placeholder: str, browse_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browse_title = browse_title
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(placeholder)
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(browse)
        self.setFocusProxy(self.line)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.browse_title, self.line.text())
        if chosen:
            self.set_folder(chosen)

    def set_folder(self, folder: Path | str) -> None:
        self.line.setText(str(folder))

    def existing_folder(self) -> Path | None:
        """The folder typed or picked, when it exists; None when it is blank or missing."""
        text = self.line.text().strip()
        folder = Path(text).expanduser() if text else None
        return folder if folder is not None and folder.is_dir() else None
