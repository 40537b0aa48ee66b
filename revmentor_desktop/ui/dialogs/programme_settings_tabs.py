"""The three tabs of the programme settings dialog, each building its page and holding the
choices made on it: the organisation and its documents, the agreement's wording, the matching
weights.

Each tab takes the settings as loaded, says ``changed`` when a choice changes and gives its
choices back with ``applied_to``; the dialog checks the whole draft and saves it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
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
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import paper, settings
from revmentor_desktop.domain.agreement_text import DEFAULT_CLAUSES, PLACEHOLDERS, Clause
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.logo import Logo, read_logo
from revmentor_desktop.domain.matching.rules import DEFAULT_WEIGHTS, Rule, RuleSettings
from revmentor_desktop.domain.programme_settings import ProgrammeSettings
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.ui.widgets.choices import text_area
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.weights_editor import (
    AS_ITS_KIND,
    BUILT_IN,
    LevelBelow,
    WeightsEditor,
)

LOGO_PREVIEW = QSize(240, 60)
LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.svg);;All files (*)"


def clause_title(key: str) -> str:
    """The clause as the list names it: its default heading, with the kind where several
    clauses share one ("Purpose — reverse mentoring")."""
    heading = DEFAULT_CLAUSES[key].heading
    shared = sum(1 for clause in DEFAULT_CLAUSES.values() if clause.heading == heading) > 1
    return f"{heading} — {key.rsplit('_', 1)[1]} mentoring" if shared else heading


def stacked(field: QWidget, note: QLabel) -> QWidget:
    """A short field (a choice, a number) with a sentence under it saying what it does."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    field.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    column.addWidget(note)
    box.setFocusProxy(field)
    return box


class OrganisationTab(QWidget):
    """The organisation's name, logo and paper, who signs, and the smallest group reported.

    Its fields are the dialog's (``add_field``/``watch``), so their problems show beside them.
    """

    changed = Signal()

    def __init__(self, old: ProgrammeSettings, dialog: FormDialog) -> None:
        super().__init__()
        self.old = old
        self.logo: Logo | None = old.logo
        self.page_size_chosen = old.page_size
        form = new_form()
        self.organisation_name = self._text_setting(
            dialog,
            form,
            "&Organisation:",
            "organisation_name",
            "Printed at the top of every document",
        )
        dialog.add_field(form, "&Logo:", self._logo_row())
        self.page_size = QComboBox()
        for size in settings.PAGE_SIZES:
            self.page_size.addItem(size, size)
        self.page_size.setCurrentIndex(self.page_size.findData(paper.page_size()))
        self.page_size.activated.connect(self._page_size_chosen)
        self.page_size_note = QLabel()
        self.page_size_note.setWordWrap(True)
        dialog.add_field(form, "&Paper:", stacked(self.page_size, self.page_size_note))
        self.coordinator_name = self._text_setting(
            dialog, form, "&Coordinator:", "coordinator_name", "Printed on agreements and reports"
        )
        self.coordinator_contact = self._text_setting(
            dialog,
            form,
            "Co&ntact line:",
            "coordinator_contact",
            "E-mail, phone or office, as one line",
        )
        self.sponsor_name = self._text_setting(
            dialog,
            form,
            "Sponsor's na&me:",
            "sponsor_name",
            "Signs certificates; empty: the coordinator signs",
        )
        self.sponsor_title = self._text_setting(
            dialog,
            form,
            "Sponsor's t&itle:",
            "sponsor_title",
            "Under the sponsor's name, e.g. Chief Executive",
        )
        self.anonymity_threshold = QSpinBox()
        self.anonymity_threshold.setRange(*settings.SMALLEST_GROUP_RANGE)
        self.anonymity_threshold.setSuffix(" people")
        self.anonymity_threshold.setValue(old.anonymity_threshold)
        threshold_note = QLabel(
            "Reports to management never show a department or a reason for ending early "
            "shared by fewer people than this, so no one can be identified."
        )
        threshold_note.setWordWrap(True)
        dialog.add_field(
            form,
            "&Smallest group:",
            stacked(self.anonymity_threshold, threshold_note),
            "anonymity_threshold",
        )
        dialog.watch("anonymity_threshold", self.anonymity_threshold.valueChanged)
        self._show_page_size_note()
        self.setLayout(form)

    def _text_setting(
        self, dialog: FormDialog, form: QFormLayout, label: str, key: str, placeholder: str
    ) -> QLineEdit:
        """A one-line setting in ``form``, showing its saved value and checked as it is typed."""
        line = QLineEdit(getattr(self.old, key))
        line.setPlaceholderText(placeholder)
        dialog.add_field(form, label, line, key)
        dialog.watch(key, line.textEdited)
        return line

    def applied_to(self, draft: ProgrammeSettings) -> ProgrammeSettings:
        return replace(
            draft,
            organisation_name=self.organisation_name.text().strip(),
            page_size=self.page_size_chosen,
            coordinator_name=self.coordinator_name.text().strip(),
            coordinator_contact=self.coordinator_contact.text().strip(),
            sponsor_name=self.sponsor_name.text().strip(),
            sponsor_title=self.sponsor_title.text().strip(),
            anonymity_threshold=self.anonymity_threshold.value(),
            logo=self.logo,
        )

    # The logo

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
        self.changed.emit()

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

    # The paper

    def _page_size_chosen(self) -> None:
        self.page_size_chosen = self.page_size.currentData()
        self._show_page_size_note()
        self.changed.emit()

    def _show_page_size_note(self) -> None:
        if self.page_size_chosen:
            self.page_size_note.setText("Documents print on this paper on every computer.")
        else:
            self.page_size_note.setText(
                f"Not chosen yet: {paper.locale_page_size()}, this computer's usual paper. "
                "Choose one to keep it wherever the data file goes."
            )


class AgreementTab(QWidget):
    """The agreement's clauses: the wording chosen for each beside its default."""

    changed = Signal()

    def __init__(self, old: ProgrammeSettings) -> None:
        super().__init__()
        self.clauses: dict[str, Clause] = dict(old.clauses)
        self._loading = False
        self.version_label = QLabel()
        self.clause_list = QListWidget()
        self.clause_list.setAccessibleName("Clauses")
        for key in DEFAULT_CLAUSES:
            item = QListWidgetItem(clause_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.clause_list.addItem(item)
        self.clause_list.setMaximumWidth(self.fontMetrics().averageCharWidth() * 34)
        self.clause_list.currentRowChanged.connect(self._show_clause)
        row = QHBoxLayout()
        row.addWidget(self.clause_list)
        row.addLayout(self._editor(), 1)
        column = QVBoxLayout(self)
        column.addWidget(self.version_label)
        column.addLayout(row, 1)
        self.clause_list.setCurrentRow(0)

    def _editor(self) -> QVBoxLayout:
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
        yours_column = QVBoxLayout(yours)  # labels above the boxes: the text keeps the width
        for text, field in (("&Heading:", self.clause_heading), ("&Wording:", self.clause_body)):
            label = QLabel(text)
            label.setBuddy(field)
            yours_column.addWidget(label)
            yours_column.addWidget(field, 1 if field is self.clause_body else 0)
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
        return editor

    def applied_to(self, draft: ProgrammeSettings) -> ProgrammeSettings:
        return replace(draft, clauses=dict(self.clauses))

    def show_problems(self, problems: Mapping[str, str]) -> None:
        self.clause_problem.set_problem(problems.get(f"agreement.{self.current_clause_key()}", ""))

    def show_version(self, now: str, then: str) -> None:
        """The agreement's version, and the one saving would give it."""
        text = f"Agreement version {now}"
        if then != now:
            text += f": becomes version {then} when you save, as its wording has changed"
        self.version_label.setText(text + ".")

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
        self.changed.emit()

    def reset_clause(self) -> None:
        key = self.current_clause_key()
        self.clauses[key] = DEFAULT_CLAUSES[key]
        self._show_clause()
        self.changed.emit()

    def _show_clause_state(self) -> None:
        key = self.current_clause_key()
        self.reset_clause_button.setEnabled(self.clauses[key] != DEFAULT_CLAUSES[key])
        for row in range(self.clause_list.count()):
            item = self.clause_list.item(row)
            item_key = str(item.data(Qt.ItemDataRole.UserRole))
            changed = self.clauses[item_key] != DEFAULT_CLAUSES[item_key]
            item.setText(clause_title(item_key) + (" (your wording)" if changed else ""))


class MatchingTab(QWidget):
    """The matching weights of each kind of cohort, and each cohort's own exceptions."""

    changed = Signal()

    def __init__(self, old: ProgrammeSettings) -> None:
        super().__init__()
        self.old = old
        self.kind_weights = {kind: dict(w) for kind, w in old.kind_weights.items()}
        self.cohort_own = {cohort.cohort_id: dict(cohort.own) for cohort in old.cohorts}
        self.weights_for = QComboBox()
        self.weights_for.setAccessibleName("Weights for")
        for kind in CohortKind:
            self.weights_for.addItem(f"Every {kind.value} cohort", kind.value)
        for cohort in old.cohorts:
            self.weights_for.addItem(
                f"The cohort “{cohort.name}” ({cohort.kind.value})", cohort.cohort_id
            )
        self.weights_for.currentIndexChanged.connect(lambda _index: self.show_weights())
        self.weights = WeightsEditor(columns=2, seniority_details=False)
        self.weights.layout().setContentsMargins(0, 0, 0, 0)
        self.weights.settings_changed.connect(self._weights_edited)
        self.weights.problem_changed.connect(lambda _problem: self.changed.emit())
        self.weights_note = QLabel()
        self.weights_note.setWordWrap(True)
        chooser = QHBoxLayout()
        label = QLabel("&Weights for:")
        label.setBuddy(self.weights_for)
        chooser.addWidget(label)
        chooser.addWidget(self.weights_for, 1)
        column = QVBoxLayout(self)
        column.addLayout(chooser)
        column.addWidget(self.weights_note)
        column.addWidget(self.weights, 1)

    def applied_to(self, draft: ProgrammeSettings) -> ProgrammeSettings:
        return replace(
            draft,
            kind_weights={kind: dict(weights) for kind, weights in self.kind_weights.items()},
            cohorts=tuple(
                replace(cohort, own=dict(self.cohort_own[cohort.cohort_id]))
                for cohort in draft.cohorts
            ),
        )

    def weights_key(self) -> str:
        """The key of the shown weights' problems, as the domain names them."""
        kind, cohort_id = self._selected()
        return f"matching.{kind.value}" if cohort_id is None else f"matching.cohort.{cohort_id}"

    def show_problems(self, problems: Mapping[str, str]) -> None:
        self.weights.problem.set_problem(problems.get(self.weights_key(), ""))

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

    def show_weights(self) -> None:
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
        self.changed.emit()

    def _weights_edited(self, edited: RuleSettings) -> None:
        kind, cohort_id = self._selected()
        if cohort_id is None:
            self.kind_weights[kind] = {rule: edited.weight(rule) for rule in Rule}
        else:
            self.cohort_own[cohort_id] = dict(edited.weights)
        self.changed.emit()
