"""File → Programme settings…: the organisation, its documents, the agreement's wording and the
matching weights, saved together as one undoable change.

The dialog edits a copy of ``programme_settings.load()`` and hands the changed copy to
``edits.change_settings``; the checks are the domain's, shown next to the field they concern.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import edits, paper, programme_settings, settings
from revmentor_desktop.domain.agreement_text import DEFAULT_CLAUSES, PLACEHOLDERS, Clause
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.logo import Logo, read_logo
from revmentor_desktop.domain.matching.rules import DEFAULT_WEIGHTS, Rule, RuleSettings
from revmentor_desktop.domain.programme_settings import ProgrammeSettings
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.choices import text_area
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.screen_fit import scrolling
from revmentor_desktop.ui.widgets.weights_editor import (
    AS_ITS_KIND,
    BUILT_IN,
    LevelBelow,
    WeightsEditor,
)

LOGO_PREVIEW = QSize(240, 60)
LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.svg);;All files (*)"
TAB_NAMES = ("Organisation and documents", "Agreement wording", "Matching weights")


def clause_title(key: str) -> str:
    """The clause as the list names it: its default heading, with the kind where several
    clauses share one ("Purpose — reverse mentoring")."""
    heading = DEFAULT_CLAUSES[key].heading
    shared = sum(1 for clause in DEFAULT_CLAUSES.values() if clause.heading == heading) > 1
    return f"{heading} — {key.rsplit('_', 1)[1]} mentoring" if shared else heading


class ProgrammeSettingsDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "Programme settings", parent, existing=True)
        self.old = programme_settings.load()
        self._problems: dict[str, str] = {}
        self.logo: Logo | None = self.old.logo
        self.page_size_chosen = self.old.page_size
        self.clauses: dict[str, Clause] = dict(self.old.clauses)
        self.kind_weights = {kind: dict(w) for kind, w in self.old.kind_weights.items()}
        self.cohort_own = {cohort.cohort_id: dict(cohort.own) for cohort in self.old.cohorts}
        self.tabs = QTabWidget(self)
        # Each tab scrolls, so the dialog fits a 1280×800 screen at 200 % scaling too.
        self.tabs.addTab(scrolling(self._organisation_tab()), TAB_NAMES[0])
        self.tabs.addTab(scrolling(self._agreement_tab()), TAB_NAMES[1])
        self.tabs.addTab(scrolling(self._matching_tab()), TAB_NAMES[2])
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.clause_list.setCurrentRow(0)
        self._show_weights()
        self.revalidate()
        self.size_comfortably(110, 40)

    # The organisation and its documents

    def _organisation_tab(self) -> QWidget:
        tab = QWidget()
        form = new_form()
        self.organisation_name = self._text_setting(
            form, "&Organisation:", "organisation_name", "Printed at the top of every document"
        )
        self.add_field(form, "&Logo:", self._logo_row())
        self.page_size = QComboBox()
        for size in settings.PAGE_SIZES:
            self.page_size.addItem(size, size)
        self.page_size.setCurrentIndex(self.page_size.findData(paper.page_size()))
        self.page_size.activated.connect(self._page_size_chosen)
        self.page_size_note = QLabel()
        self.page_size_note.setWordWrap(True)
        self.add_field(form, "&Paper:", self._stacked(self.page_size, self.page_size_note))
        self.coordinator_name = self._text_setting(
            form, "&Coordinator:", "coordinator_name", "Printed on agreements and reports"
        )
        self.coordinator_contact = self._text_setting(
            form, "Co&ntact line:", "coordinator_contact", "E-mail, phone or office, as one line"
        )
        self.sponsor_name = self._text_setting(
            form,
            "Sponsor's na&me:",
            "sponsor_name",
            "Signs certificates; empty: the coordinator signs",
        )
        self.sponsor_title = self._text_setting(
            form,
            "Sponsor's t&itle:",
            "sponsor_title",
            "Under the sponsor's name, e.g. Chief Executive",
        )
        self.anonymity_threshold = QSpinBox()
        self.anonymity_threshold.setRange(*settings.SMALLEST_GROUP_RANGE)
        self.anonymity_threshold.setSuffix(" people")
        self.anonymity_threshold.setValue(self.old.anonymity_threshold)
        threshold_note = QLabel(
            "Reports to management never show a department or a reason for ending early "
            "shared by fewer people than this, so no one can be identified."
        )
        threshold_note.setWordWrap(True)
        self.add_field(
            form,
            "&Smallest group:",
            self._stacked(self.anonymity_threshold, threshold_note),
            "anonymity_threshold",
        )
        self.watch("anonymity_threshold", self.anonymity_threshold.valueChanged)
        self._show_page_size_note()
        tab.setLayout(form)
        return tab

    def _text_setting(self, form: QFormLayout, label: str, key: str, placeholder: str) -> QLineEdit:
        """A one-line setting in ``form``, showing its saved value and checked as it is typed."""
        line = QLineEdit(getattr(self.old, key))
        line.setPlaceholderText(placeholder)
        self.add_field(form, label, line, key)
        self.watch(key, line.textEdited)
        return line

    def _stacked(self, field: QWidget, note: QLabel) -> QWidget:
        """A short field (a choice, a number) with a sentence under it saying what it does."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        field.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(note)
        box.setFocusProxy(field)
        return box

    def _logo_row(self) -> QWidget:
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(LOGO_PREVIEW)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.logo_preview.setAccessibleName("Logo preview")
        self.logo_description = QLabel()
        self.logo_description.setWordWrap(True)
        self.choose_logo_button = QPushButton("C&hoose…")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton("&Remove")
        self.remove_logo_button.clicked.connect(lambda: self.set_logo(None))
        self.logo_problem = ProblemLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_logo_button)
        buttons.addWidget(self.remove_logo_button)
        buttons.addStretch(1)
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.logo_preview)
        column.addWidget(self.logo_description)
        column.addLayout(buttons)
        column.addWidget(self.logo_problem)
        row.setFocusProxy(self.choose_logo_button)
        self._show_logo()
        return row

    def choose_logo(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, "Choose the logo", "", LOGO_FILTER)
        if name:
            self.load_logo_file(Path(name))

    def load_logo_file(self, path: Path) -> None:
        """Take the logo from ``path``, or say why it cannot be one (keeping the current logo)."""
        try:
            logo = read_logo(path)
        except ValidationError as refused:
            self.logo_problem.set_problem(refused.problems["logo"])
            return
        self.set_logo(logo)

    def set_logo(self, logo: Logo | None) -> None:
        self.logo = logo
        self.logo_problem.set_problem("")
        self._show_logo()
        self.revalidate()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo is not None:
            pixmap.loadFromData(QByteArray(self.logo.data))
        if pixmap.isNull():
            self.logo_preview.clear()
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    LOGO_PREVIEW,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.logo_description.setText(
            self.logo.describe() + ", scaled to fit the header of each page"
            if self.logo
            else "No logo: documents show the organisation's name alone."
        )
        self.remove_logo_button.setEnabled(self.logo is not None)
        self.logo_preview.setVisible(not pixmap.isNull())

    def _page_size_chosen(self) -> None:
        self.page_size_chosen = self.page_size.currentData()
        self._show_page_size_note()
        self.revalidate()

    def _show_page_size_note(self) -> None:
        if self.page_size_chosen:
            self.page_size_note.setText("Documents print on this paper on every computer.")
        else:
            self.page_size_note.setText(
                f"Not chosen yet: {paper.locale_page_size()}, this computer's usual paper. "
                "Choose one to keep it wherever the data file goes."
            )

    # The agreement's wording

    def _agreement_tab(self) -> QWidget:
        tab = QWidget()
        self.version_label = QLabel()
        self.clause_list = QListWidget()
        self.clause_list.setAccessibleName("Clauses")
        for key in DEFAULT_CLAUSES:
            item = QListWidgetItem(clause_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.clause_list.addItem(item)
        self.clause_list.setMaximumWidth(self.fontMetrics().averageCharWidth() * 38)
        self.clause_list.currentRowChanged.connect(self._show_clause)
        self.clause_heading = QLineEdit()
        self.clause_heading.setAccessibleName("Heading")
        self.clause_body = text_area(lines=12)
        self.clause_body.setAccessibleName("Wording")
        self.default_heading = QLabel()
        self.default_heading.setWordWrap(True)
        self.default_body = QPlainTextEdit()
        self.default_body.setReadOnly(True)
        self.default_body.setAccessibleName("Default wording")
        self.reset_clause_button = QPushButton("Reset to &default")
        self.reset_clause_button.clicked.connect(self.reset_clause)
        self.clause_problem = ProblemLabel()
        self.clause_heading.textEdited.connect(self._clause_edited)
        self.clause_body.textChanged.connect(self._clause_edited)
        yours = QGroupBox("Your wording")
        yours_form = new_form()
        yours_form.addRow("Heading:", self.clause_heading)
        yours_form.addRow("Wording:", self.clause_body)
        yours.setLayout(yours_form)
        default = QGroupBox("Default wording")
        default_column = QVBoxLayout(default)
        default_column.addWidget(self.default_heading)
        default_column.addWidget(self.default_body, 1)
        default_column.addWidget(self.reset_clause_button, 0, Qt.AlignmentFlag.AlignRight)
        texts = QHBoxLayout()
        texts.addWidget(yours, 1)
        texts.addWidget(default, 1)
        placeholders = QLabel(
            "A blank line starts a new paragraph, a line starting with “- ” a bullet point. "
            "Filled in for each pair: " + ", ".join(f"${name}" for name in PLACEHOLDERS) + "."
        )
        placeholders.setWordWrap(True)
        placeholders.setToolTip(
            "\n".join(f"${name}: {meaning}" for name, meaning in PLACEHOLDERS.items())
        )
        editor = QVBoxLayout()
        editor.addLayout(texts, 1)
        editor.addWidget(self.clause_problem)
        editor.addWidget(placeholders)
        row = QHBoxLayout()
        row.addWidget(self.clause_list)
        row.addLayout(editor, 1)
        column = QVBoxLayout(tab)
        column.addWidget(self.version_label)
        column.addLayout(row, 1)
        return tab

    def current_clause_key(self) -> str:
        item = self.clause_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def _show_clause(self) -> None:
        key = self.current_clause_key()
        if not key:
            return
        clause, default = self.clauses[key], DEFAULT_CLAUSES[key]
        self._loading = True
        self.clause_heading.setText(clause.heading)
        self.clause_body.setPlainText(clause.body)
        self._loading = False
        self.default_heading.setText(f"<b>{default.heading}</b>")
        self.default_body.setPlainText(default.body)
        self._show_clause_state()

    def _clause_edited(self) -> None:
        key = self.current_clause_key()
        if self._loading or not key:
            return
        self.clauses[key] = Clause(key, self.clause_heading.text(), self.clause_body.toPlainText())
        self._show_clause_state()
        self.revalidate()

    def reset_clause(self) -> None:
        key = self.current_clause_key()
        self.clauses[key] = DEFAULT_CLAUSES[key]
        self._show_clause()
        self.revalidate()

    def _show_clause_state(self) -> None:
        key = self.current_clause_key()
        self.reset_clause_button.setEnabled(self.clauses[key] != DEFAULT_CLAUSES[key])
        for row in range(self.clause_list.count()):
            item = self.clause_list.item(row)
            item_key = str(item.data(Qt.ItemDataRole.UserRole))
            changed = self.clauses[item_key] != DEFAULT_CLAUSES[item_key]
            item.setText(clause_title(item_key) + (" (your wording)" if changed else ""))

    # Matching weights

    def _matching_tab(self) -> QWidget:
        tab = QWidget()
        self.weights_for = QComboBox()
        self.weights_for.setAccessibleName("Weights for")
        for kind in CohortKind:
            self.weights_for.addItem(f"Every {kind.value} cohort", kind.value)
        for cohort in self.old.cohorts:
            self.weights_for.addItem(
                f"The cohort “{cohort.name}” ({cohort.kind.value})", cohort.cohort_id
            )
        self.weights_for.currentIndexChanged.connect(lambda _index: self._show_weights())
        self.weights = WeightsEditor(columns=2, seniority_details=False)
        self.weights.layout().setContentsMargins(0, 0, 0, 0)
        self.weights.settings_changed.connect(self._weights_edited)
        self.weights.problem_changed.connect(lambda _problem: self.revalidate())
        self.weights_note = QLabel()
        self.weights_note.setWordWrap(True)
        chooser = QHBoxLayout()
        label = QLabel("&Weights for:")
        label.setBuddy(self.weights_for)
        chooser.addWidget(label)
        chooser.addWidget(self.weights_for, 1)
        column = QVBoxLayout(tab)
        column.addLayout(chooser)
        column.addWidget(self.weights_note)
        column.addWidget(self.weights, 1)
        return tab

    def _selected(self) -> tuple[CohortKind, int | None]:
        """The kind whose weights are shown, and the cohort if one cohort's are."""
        data = self.weights_for.currentData()
        if isinstance(data, int):
            return self.old.cohort(data).kind, data
        return CohortKind(data), None

    def _shown_settings(self) -> tuple[RuleSettings, LevelBelow]:
        """The weights chosen so far for the kind or cohort shown, over the level below."""
        kind, cohort_id = self._selected()
        if cohort_id is None:
            changed = {
                rule: weight
                for rule, weight in self.kind_weights[kind].items()
                if weight is not DEFAULT_WEIGHTS[kind][rule]
            }
            return RuleSettings(kind, changed), BUILT_IN
        own = dict(self.cohort_own[cohort_id])
        return RuleSettings(kind, own, kind_weights=self.kind_weights[kind]), AS_ITS_KIND

    def _show_weights(self) -> None:
        kind, cohort_id = self._selected()
        self.weights.set_settings(*self._shown_settings())
        if cohort_id is None:
            self.weights_note.setText(
                f"Every {kind.value} cohort matches with these weights, unless the cohort sets "
                "a rule apart. “Default” is the weight RevMentor starts with."
            )
        else:
            self.weights_note.setText(
                f"This cohort matches as every {kind.value} cohort does, except where you "
                "choose otherwise here. Its seniority gap and job-title words are set in its "
                "matching assistant (Cohort → Match people…)."
            )
        self.revalidate()

    def _weights_edited(self, edited: RuleSettings) -> None:
        kind, cohort_id = self._selected()
        if cohort_id is None:
            self.kind_weights[kind] = {rule: edited.weight(rule) for rule in Rule}
        else:
            self.cohort_own[cohort_id] = dict(edited.weights)
        self.revalidate()

    def _weights_key(self) -> str:
        kind, cohort_id = self._selected()
        return f"matching.{kind.value}" if cohort_id is None else f"matching.cohort.{cohort_id}"

    def _show_weight_problem(self) -> None:
        self.weights.problem.set_problem(self._problems.get(self._weights_key(), ""))

    # Checking and saving

    def draft(self) -> ProgrammeSettings:
        return replace(
            self.old,
            organisation_name=self.organisation_name.text().strip(),
            page_size=self.page_size_chosen,
            coordinator_name=self.coordinator_name.text().strip(),
            coordinator_contact=self.coordinator_contact.text().strip(),
            sponsor_name=self.sponsor_name.text().strip(),
            sponsor_title=self.sponsor_title.text().strip(),
            anonymity_threshold=self.anonymity_threshold.value(),
            logo=self.logo,
            clauses=dict(self.clauses),
            kind_weights={kind: dict(weights) for kind, weights in self.kind_weights.items()},
            cohorts=tuple(
                replace(cohort, own=dict(self.cohort_own[cohort.cohort_id]))
                for cohort in self.old.cohorts
            ),
        )

    def problems(self) -> Mapping[str, str]:
        typed = {"organisation_name"} if self.organisation_name.isModified() else set()
        found = programme_settings.problems(self.old, self.draft(), typed)
        if unsaved := self.weights.problem_text():  # an edit the draft does not hold yet
            found[self._weights_key()] = unsaved
        return found

    def revalidate(self) -> bool:
        self._problems = dict(self.problems())
        fine = super().revalidate()
        key = self.current_clause_key()
        self.clause_problem.set_problem(self._problems.get(f"agreement.{key}", ""))
        self._show_weight_problem()
        prefixes = ("", "agreement.", "matching.")
        for index, (name, prefix) in enumerate(zip(TAB_NAMES, prefixes, strict=True)):
            wrong = any(
                key.startswith(prefix) if prefix else "." not in key for key in self._problems
            )
            self.tabs.setTabText(index, f"{name} ⚠" if wrong else name)
        self._show_version()
        return fine

    def _show_version(self) -> None:
        now = self.old.agreement_version
        then = programme_settings.next_agreement_version(self.old, self.draft())
        text = f"Agreement version {now}"
        if then != now:
            text += f": becomes version {then} when you save, as its wording has changed"
        self.version_label.setText(text + ".")

    def save(self) -> Edit:
        return edits.change_settings(self.old, self.draft())


def show_programme_settings(context: AppContext, parent: QWidget) -> None:
    dialog = ProgrammeSettingsDialog(context, parent)
    dialog.exec()
    dialog.deleteLater()
