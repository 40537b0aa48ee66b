"""Tags as removable chips and a line edit with suggestions; Enter or comma adds a tag."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QCompleter, QFrame, QLineEdit, QToolButton, QWidget

from revmentor_desktop.domain.text import clean_tags, fold
from revmentor_desktop.ui.widgets.flow_layout import FlowLayout

CHIP_STYLE = """
QToolButton {
    border: 1px solid palette(mid);
    border-radius: 9px;
    padding: 1px 8px;
    background: palette(alternate-base);
    color: palette(text);
}
QToolButton:hover, QToolButton:focus { border-color: palette(highlight); }
"""


def topic_suggestions() -> list[str]:
    """The built-in topic library, or nothing if it is not available."""
    try:
        from revmentor_desktop.domain import topics
    except ImportError:
        return []
    return list(getattr(topics, "ALL_TOPICS", ()))


class _TagInput(QLineEdit):
    def __init__(self, editor: TagEditor) -> None:
        super().__init__(editor)
        self._editor = editor
        self.setFrame(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(self.text().strip())
        if enter or event.text() == ",":
            self._editor.commit_input()  # an empty Enter still reaches the dialog's Save
            event.accept()
        elif key == Qt.Key.Key_Backspace and not self.text() and self._editor.tags():
            self._editor.remove_tag(len(self._editor.tags()) - 1)
            event.accept()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._editor.commit_input()
        super().focusOutEvent(event)


class TagEditor(QFrame):
    """Short labels such as topics or skills. ``tags()`` includes text typed but not yet added."""

    tags_changed = Signal()

    def __init__(
        self,
        suggestions: Sequence[str] = (),
        placeholder: str = "Type, then Enter or comma",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self._tags: list[str] = []
        self._chips: list[QToolButton] = []
        self._flow = FlowLayout(self)
        self._flow.setContentsMargins(4, 3, 4, 3)
        self.input = _TagInput(self)
        self.input.setPlaceholderText(placeholder)
        margin = self.input.fontMetrics().averageCharWidth() * 4
        self.input.setMinimumWidth(self.input.fontMetrics().horizontalAdvance(placeholder) + margin)
        self._flow.addWidget(self.input)
        self._model = QStringListModel(list(suggestions), self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(lambda _text: QTimer.singleShot(0, self.commit_input))
        self.input.setCompleter(completer)
        self.input.textEdited.connect(self._split_pasted)
        self.setFocusProxy(self.input)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.input.setAccessibleName(f"{name}: add a tag")

    def setAccessibleDescription(self, description: str) -> None:
        super().setAccessibleDescription(description)
        self.input.setAccessibleDescription(description)

    def tags(self) -> list[str]:
        return clean_tags([*self._tags, self.input.text()])

    def set_tags(self, tags: Sequence[str]) -> None:
        for chip in self._chips:
            chip.deleteLater()
        self._chips.clear()
        self._tags = []
        self.input.clear()
        for tag in clean_tags(list(tags)):
            self._append(tag)
        self.tags_changed.emit()

    def add_tag(self, text: str) -> bool:
        tag = " ".join(text.split())
        if not tag or fold(tag) in {fold(existing) for existing in self._tags}:
            return False
        self._append(tag)
        self.tags_changed.emit()
        return True

    def remove_tag(self, index: int) -> None:
        del self._tags[index]
        self._chips.pop(index).deleteLater()
        self.input.setFocus()
        self.tags_changed.emit()

    def commit_input(self) -> None:
        text = self.input.text()
        if text.strip():
            self.input.clear()
            self.add_tag(text)

    def _append(self, tag: str) -> None:
        chip = QToolButton(self)
        chip.setText(f"{tag}  ✕")
        chip.setStyleSheet(CHIP_STYLE)
        chip.setAccessibleName(f"Remove {tag}")
        chip.setToolTip(f"Remove “{tag}”")
        chip.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        chip.clicked.connect(lambda _checked=False, chip=chip: self._remove_chip(chip))
        self._flow.insert_widget(len(self._chips), chip)
        chip.show()
        self._tags.append(tag)
        self._chips.append(chip)

    def _remove_chip(self, chip: QToolButton) -> None:
        self.remove_tag(self._chips.index(chip))

    def _split_pasted(self, text: str) -> None:
        if "," not in text:
            return
        *complete, rest = text.split(",")
        for part in complete:
            self.add_tag(part)
        self.input.setText(rest.lstrip())
