"""The shared shape of every editing dialog: validate as the user types, save through an Edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from revmentor_desktop.domain.conflicts import EditConflict, Loaded
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.errors import DomainError, ValidationError
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.conflict_chooser import ConflictChooser
from revmentor_desktop.ui.widgets.feedback import FieldFeedback, ProblemLabel
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize


def new_form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return form


class FormDialog(RemembersSize, QDialog):
    """Subclasses provide ``problems()`` (from the domain's validate_*) and ``save()``.

    Long content goes in ``scrolling(...)`` so the dialog fits a small screen.
    """

    def __init__(
        self, context: AppContext, title: str, parent: QWidget | None = None, *, existing: bool
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.feedback = FieldFeedback()
        if existing:
            self.feedback.touch_all()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button.setDefault(True)
        self.banner = ProblemLabel(self)
        self.banner.setAccessibleName("Problem saving")
        self._loading = False

    def size_comfortably(self, columns: int = 72, lines: int = 0) -> None:
        """Ask to open wide enough for labels and typical values, measured in the user's font;
        the screen may allow less (``RemembersSize``), and the content then scrolls."""
        metrics = self.fontMetrics()
        hint = self.sizeHint()
        height = max(hint.height(), metrics.lineSpacing() * lines)
        self.resize(max(hint.width(), metrics.averageCharWidth() * columns), height)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    # Building the form

    def add_field(
        self, form: QFormLayout, text: str, widget: QWidget, key: str | None = None
    ) -> QLabel:
        """Add a labelled row; ``key`` is the domain's field name for problems of this field."""
        label = QLabel(text)
        label.setBuddy(widget)
        if not widget.accessibleName():
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        form.addRow(label, self.feedback.attach(key, widget) if key else widget)
        return label

    def watch(self, key: str, *signals: SignalInstance) -> None:
        """Revalidate when any of ``signals`` fires, and mark ``key`` as touched."""
        for signal in signals:
            signal.connect(lambda *_args, key=key: self.field_changed(key))

    def field_changed(self, key: str) -> None:
        if self._loading:
            return
        self.feedback.touch(key)
        self.revalidate()

    # Validation and saving

    def problems(self) -> Mapping[str, str]:
        raise NotImplementedError

    def save(self) -> Edit | None:
        """Make the change and return its edit; None when the dialog only collects a choice."""
        raise NotImplementedError

    def revalidate(self) -> bool:
        problems = self.problems()
        self.feedback.show(problems)
        self.save_button.setEnabled(not problems)
        self.save_button.setToolTip("\n".join(problems.values()))
        return not problems

    def rebase(self, loaded: Loaded[Any], draft: Any) -> None:
        """Show ``draft`` and save against ``loaded`` from now on (dialogs that edit a stored
        record: their save passes the copy they loaded, so a stale one is refused)."""
        raise NotImplementedError

    def _resolve(self, conflict: EditConflict) -> bool:
        """Another coordinator saved first: let the person choose field by field, then save
        the chosen values against the copy the other coordinator left."""
        chooser = ConflictChooser(conflict, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            self.banner.set_problem(str(conflict))
            return False
        self.rebase(conflict.rebased, conflict.merged(chooser.choices()))
        return self.save_now()

    def accept(self) -> None:
        if self.save_now():
            super().accept()

    def save_now(self) -> bool:
        """Save without closing; on a problem, show it and return False."""
        self.banner.set_problem("")
        if not self.revalidate():
            return False
        try:
            edit = self.save()
        except EditConflict as conflict:
            return self._resolve(conflict)
        except ValidationError as error:
            self.feedback.touch_all()
            self.feedback.show(error.problems)
            self.banner.set_problem(" ".join(self.feedback.unplaced(error.problems)))
            return False
        except DomainError as error:
            self.banner.set_problem(str(error))
            return False
        if edit is not None:
            self.context.edits.push(edit)
        return True
