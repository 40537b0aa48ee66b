"""Role and capacity inputs for enrolling someone in a cohort."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from revmentor_desktop.domain.cohorts import role_label
from revmentor_desktop.domain.vocabulary import Role, plural


def _role_texts(mentor_label: str, mentee_label: str) -> list[str]:
    """The roles in the cohort's words, in the order of ``Role``."""
    if mentor_label == mentee_label:  # mutual: "Learning partner" for every role reads oddly
        return [
            f"{mentor_label} (mentors only)",
            f"{mentee_label} (is mentored only)",
            mentor_label,
        ]
    return [role_label(role.value, mentor_label, mentee_label) for role in Role]


def role_combo(mentor_label: str, mentee_label: str, parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    for role, text in zip(Role, _role_texts(mentor_label, mentee_label), strict=True):
        combo.addItem(text, role.value)
    if mentor_label == mentee_label:
        combo.setCurrentIndex(2)
    return combo


def relabel_roles(combo: QComboBox, mentor_label: str, mentee_label: str) -> None:
    """Rename the roles of a ``role_combo`` when the cohort's role labels change."""
    for index, text in enumerate(_role_texts(mentor_label, mentee_label)):
        combo.setItemText(index, text)


class CapacitySpin(QSpinBox):
    """How many people someone mentors at once, read as "up to 2 mentees"."""

    def textFromValue(self, value: int) -> str:
        return f"up to {plural(value, 'mentee')}"

    def valueFromText(self, text: str) -> int:
        digits = "".join(char for char in text if char.isdigit())
        return int(digits) if digits else 0

    def validate(self, text: str, position: int) -> object:
        return (QValidator.State.Acceptable, text, position)


def capacity_spin(parent: QWidget | None = None) -> QSpinBox:
    spin = CapacitySpin(parent)
    spin.setRange(0, 10)
    spin.setValue(1)
    spin.setToolTip("How many people this person mentors at the same time in this cohort.")
    return spin


def link_capacity(combo: QComboBox, spin: QSpinBox) -> None:
    """Capacity only matters for people who mentor."""

    def update() -> None:
        spin.setEnabled(Role(combo.currentData()).can_mentor)

    combo.currentIndexChanged.connect(lambda _index: update())
    update()
