"""The Organisation and documents tab: the organisation's name, logo and paper, who signs, and
the smallest group a report to management may show."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import paper, settings
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.logo import Logo, read_logo
from revmentor_desktop.domain.programme_settings import ProgrammeSettings
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form

LOGO_PREVIEW = QSize(240, 60)
LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.svg);;All files (*)"


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
