"""The choice offered when another coordinator saved a record while this one was editing it:
each field that differs, as it was loaded, as they saved it and as typed here, and whose to keep."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.conflicts import EditConflict, Side, field_label, value_text

_COLUMNS = ("Field", "When you opened it", "Saved by the other coordinator", "Yours")


class ConflictChooser(QDialog):
    """Keep mine, keep theirs, or pick per field; each field starts at the side that changed it."""

    def __init__(self, conflict: EditConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(f"This {conflict.noun} was changed meanwhile")
        intro = QLabel(
            f"Another coordinator saved this {conflict.noun} while you were editing it. "
            "Choose whose value to keep in each field that now differs; "
            "everything else keeps both of your changes."
        )
        intro.setWordWrap(True)
        self.groups: dict[str, QButtonGroup] = {}
        grid = QGridLayout()
        for column, title in enumerate(_COLUMNS):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for row, name in enumerate(conflict.differing_fields(), start=1):
            self._add_field_row(grid, row, name)
        self.buttons = QDialogButtonBox()
        self.keep_mine = self._button("Keep &mine", Side.MINE)
        self.keep_theirs = self._button("Keep &theirs", Side.THEIRS)
        self.save_chosen = self.buttons.addButton(
            "&Save the chosen values", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        for column in range(1, len(_COLUMNS)):
            grid.setColumnStretch(column, 1)

    def _add_field_row(self, grid: QGridLayout, row: int, name: str) -> None:
        label = field_label(name)
        grid.addWidget(QLabel(f"<b>{label}</b>"), row, 0)
        original = value_text(name, getattr(self.conflict.original, name))
        grid.addWidget(_value(self.conflict.original_text(name), original), row, 1)
        group = QButtonGroup(self)
        for column, side in ((2, Side.THEIRS), (3, Side.MINE)):
            # A button reads "&" as a shortcut mark: doubled, it shows as typed.
            text = self.conflict.side_text(name, side)
            button = QRadioButton(_shortened(text).replace("&", "&&"))
            button.setToolTip(text)
            button.setAccessibleName(f"{label}: keep {side.value}")
            button.setProperty("side", side.value)
            group.addButton(button)
            grid.addWidget(button, row, column)
            button.setChecked(side is self.conflict.suggested_side(name))
        self.groups[name] = group

    def _button(self, text: str, side: Side) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.clicked.connect(lambda: self.choose_all(side))
        return button

    def choose_all(self, side: Side) -> None:
        for group in self.groups.values():
            for button in group.buttons():
                button.setChecked(button.property("side") == side.value)

    def choose(self, name: str, side: Side) -> None:
        for button in self.groups[name].buttons():
            button.setChecked(button.property("side") == side.value)

    def choices(self) -> Mapping[str, Side]:
        return {
            name: Side(group.checkedButton().property("side"))
            for name, group in self.groups.items()
        }


# Longer values are cut to this many characters, in full in their tooltip: the three copies
# stay side by side on one line each.
_SHOWN_CHARACTERS = 60


def _shortened(text: str) -> str:
    one_line = " ".join(text.split())
    if len(one_line) <= _SHOWN_CHARACTERS:
        return one_line
    return one_line[: _SHOWN_CHARACTERS - 1].rstrip() + "…"


def _value(shown: str, whole: str) -> QLabel:
    """``shown`` cut to fit, with the ``whole`` value as its tooltip."""
    label = QLabel(_shortened(shown))
    label.setTextFormat(Qt.TextFormat.PlainText)  # the person's words, never markup
    label.setToolTip(whole)
    return label
