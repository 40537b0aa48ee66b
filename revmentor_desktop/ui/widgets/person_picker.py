"""A combo box of people that can be searched by typing any part of a name."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


class PersonPicker(QComboBox):
    """Choose one person; ``person_id()`` is None when nobody (or no known name) is chosen."""

    person_changed = Signal()

    def __init__(self, none_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._none_label = none_label
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        if none_label:
            self.lineEdit().setPlaceholderText(none_label)
        self.currentTextChanged.connect(lambda _text: self.person_changed.emit())

    def set_people(self, people: Sequence[tuple[int, str]]) -> None:
        """``people`` as (id, label) pairs; the current choice is kept when still listed."""
        chosen = self.person_id()
        self.blockSignals(True)
        self.clear()
        if self._none_label:
            self.addItem(self._none_label, None)
        for person_id, label in people:
            self.addItem(label, person_id)
        self.blockSignals(False)
        self.set_person_id(chosen)

    def person_id(self) -> int | None:
        index = self._matching_index()
        return None if index < 0 else self.itemData(index)

    def set_person_id(self, person_id: int | None) -> None:
        index = self.findData(person_id) if person_id is not None else -1
        if index < 0 and self._none_label:
            index = 0
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def has_unknown_text(self) -> bool:
        """True when the typed text names nobody in the list."""
        text = self.currentText().strip()
        return bool(text) and self._matching_index() < 0

    def _matching_index(self) -> int:
        text = self.currentText().strip()
        if not text:
            return 0 if self._none_label else -1
        return self.findText(text, Qt.MatchFlag.MatchFixedString)
