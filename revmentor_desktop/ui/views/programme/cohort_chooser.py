"""Choosing one cohort, several or all, from a button's menu of ticks."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStyle, QToolButton, QWidget

from revmentor_desktop.domain.vocabulary import plural

ALL_COHORTS = "All cohorts"


class CohortChooser(QToolButton):
    """``chosen()`` is None for every cohort, else the ticked cohorts' ids."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName("Cohorts")
        self.setToolTip("The cohorts the charts count: all, one or several")
        self.setMenu(QMenu(self))
        self.menu().setToolTipsVisible(True)
        self.cohort_actions: list[QAction] = []
        self._names: dict[int, str] = {}
        self.all_action = self._action(ALL_COHORTS, None)
        self._set_all(True)
        self._update_text()

    def sizeHint(self) -> QSize:
        """Room for the menu's arrow beside the text: the style draws it over the text's end
        otherwise ("All cohort⌄")."""
        hint = super().sizeHint()
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, self)
        return QSize(hint.width() + arrow, hint.height())

    def _action(self, text: str, cohort_id: int | None) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setData(cohort_id)
        action.toggled.connect(lambda checked, action=action: self._on_toggled(action, checked))
        self.menu().addAction(action)
        return action

    def set_cohorts(self, cohorts: list[tuple[int, str]]) -> None:
        """Offer these cohorts (id, name), keeping the ticks of those still there."""
        kept = set(self.chosen() or ())
        for action in self.cohort_actions:
            self.menu().removeAction(action)
            action.deleteLater()
        self.menu().clear()
        self.menu().addAction(self.all_action)
        self.menu().addSeparator()
        self._names = dict(cohorts)
        self.cohort_actions = []
        for cohort_id, name in cohorts:
            action = self._action(name, cohort_id)
            action.blockSignals(True)
            action.setChecked(cohort_id in kept)
            action.blockSignals(False)
            self.cohort_actions.append(action)
        if not any(action.isChecked() for action in self.cohort_actions):
            self._set_all(True)
        self._update_text()

    def choose(self, cohort_ids: list[int] | None) -> None:
        """Tick exactly these cohorts (None or empty: all), then say it changed once."""
        wanted = set(cohort_ids or ())
        for action in self.cohort_actions:
            action.blockSignals(True)
            action.setChecked(action.data() in wanted)
            action.blockSignals(False)
        self._set_all(not wanted)
        self._update_text()
        self.changed.emit()

    def chosen(self) -> list[int] | None:
        if self.all_action.isChecked():
            return None
        return [action.data() for action in self.cohort_actions if action.isChecked()] or None

    def _set_all(self, checked: bool) -> None:
        self.all_action.blockSignals(True)
        self.all_action.setChecked(checked)
        self.all_action.blockSignals(False)

    def _on_toggled(self, action: QAction, checked: bool) -> None:
        if action is self.all_action:
            for cohort_action in self.cohort_actions:
                cohort_action.blockSignals(True)
                cohort_action.setChecked(False)
                cohort_action.blockSignals(False)
            self._set_all(True)  # unticking "All cohorts" alone leaves it ticked
        else:
            ticked = any(cohort_action.isChecked() for cohort_action in self.cohort_actions)
            self._set_all(not ticked)
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            text = ALL_COHORTS
        elif len(chosen) == 1:
            text = self._names.get(chosen[0], "1 cohort")
        else:
            text = plural(len(chosen), "cohort")
        self.setText(text)
