"""File → Programme settings…: the organisation, its documents, the agreement's wording and the
matching weights, saved together as one undoable change.

The dialog edits a copy of ``programme_settings.load()`` and hands the changed copy to
``edits.change_settings``; the checks are the domain's, shown next to the field they concern.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from revmentor_desktop.domain import edits, programme_settings
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.programme_settings import ProgrammeSettings
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.programme_settings_tabs.agreement import AgreementTab
from revmentor_desktop.ui.dialogs.programme_settings_tabs.matching import MatchingTab
from revmentor_desktop.ui.dialogs.programme_settings_tabs.organisation import OrganisationTab
from revmentor_desktop.ui.widgets.form_dialog import FormDialog
from revmentor_desktop.ui.widgets.screen_fit import scrolling

TAB_NAMES = ("Organisation and documents", "Agreement wording", "Matching weights")
# Where each tab's problems are: the domain's keys start so ("" : keys without a dot).
TAB_PROBLEM_PREFIXES = ("", "agreement.", "matching.")


class ProgrammeSettingsDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "Programme settings", parent, existing=True)
        self.old = programme_settings.load()
        self.organisation = OrganisationTab(self.old, self)
        self.agreement = AgreementTab(self.old)
        self.matching = MatchingTab(self.old)
        self.tabs = QTabWidget(self)
        # Each tab scrolls, so the dialog fits a 1280×800 screen at 200 % scaling too.
        for tab, name in zip(
            (self.organisation, self.agreement, self.matching), TAB_NAMES, strict=True
        ):
            self.tabs.addTab(scrolling(tab), name)
            tab.changed.connect(self.revalidate)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.matching.show_weights()
        self.revalidate()
        self.size_comfortably(110, 40)

    def draft(self) -> ProgrammeSettings:
        draft = self.organisation.applied_to(self.old)
        return self.matching.applied_to(self.agreement.applied_to(draft))

    def problems(self) -> Mapping[str, str]:
        typed = {"organisation_name"} if self.organisation.organisation_name.isModified() else set()
        found = programme_settings.problems(self.old, self.draft(), typed)
        if unsaved := self.matching.weights.problem_text():  # an edit the draft does not hold yet
            found[self.matching.weights_key()] = unsaved
        return found

    def revalidate(self) -> bool:
        problems = dict(self.problems())
        fine = super().revalidate()
        self.agreement.show_problems(problems)
        self.matching.show_problems(problems)
        for index, (name, prefix) in enumerate(zip(TAB_NAMES, TAB_PROBLEM_PREFIXES, strict=True)):
            wrong = any(key.startswith(prefix) if prefix else "." not in key for key in problems)
            self.tabs.setTabText(index, f"{name} ⚠" if wrong else name)
        self.agreement.show_version(
            self.old.agreement_version,
            programme_settings.next_agreement_version(self.old, self.draft()),
        )
        return fine

    def save(self) -> Edit:
        return edits.change_settings(self.old, self.draft())


def show_programme_settings(context: AppContext, parent: QWidget) -> None:
    dialog = ProgrammeSettingsDialog(context, parent)
    dialog.exec()
    dialog.deleteLater()
