"""The cohort and questionnaire combos of the questionnaire dialogs (make forms, type in
answers, import answers, edit questionnaires): the same names, in the same order, everywhere."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.ui.widgets.choices import select_data


def fill_cohorts(combo: QComboBox, chosen: int | None = None) -> None:
    """The cohorts by name (item data: the id), ``chosen`` selected when it is one of them,
    else the first."""
    combo.clear()
    for cohort_id, name in cohorts.cohort_names():
        combo.addItem(name, cohort_id)
    select_data(combo, chosen)


def cohort_combo(chosen: int | None = None, parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    fill_cohorts(combo, chosen)
    return combo


def questionnaire_combo(
    chosen: Questionnaire | None = None, parent: QWidget | None = None
) -> QComboBox:
    """The questionnaires by title (item data: the value), ``chosen`` selected if given."""
    combo = QComboBox(parent)
    for questionnaire in Questionnaire:
        combo.addItem(questionnaire.title, questionnaire.value)
    if chosen is not None:
        select_data(combo, chosen.value)
    return combo
