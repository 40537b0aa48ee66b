"""Coordinator-only notes, boxed and labelled so they are never mistaken for shareable text."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

PRIVATE_TITLE = "Coordinator only (private)"
PRIVATE_HINT = "Only you see these notes. Keep them out of anything you share with participants."


class PrivateNotes(QGroupBox):
    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(PRIVATE_TITLE, parent)
        hint = QLabel(PRIVATE_HINT)
        hint.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(f"Coordinator-only notes about {subject}")
        self.edit.setAccessibleDescription(PRIVATE_HINT)
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText("Private notes")
        hint.setBuddy(self.edit)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.edit)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)
