"""About RevMentor: the version, the licence and its full text, and the bundled fonts' licence.

The GPL asks an interactive program to show its licence, that there is no warranty, and how to
read the licence; the texts ship with the app, so they can be read offline.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop import __version__
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.guide import packaged_text
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

LICENCE_NAME = "GNU General Public License, version 3 or later"
LICENCE_ID = "GPL-3.0-or-later"
LICENCE_FILE = ("licences", "GPL-3.0.txt")
FONT_LICENCE_FILE = ("fonts", "LICENSE-DejaVu.txt")
LICENCE_TAB, FONT_LICENCE_TAB = 1, 2


def about_text(data_file: Path | None) -> str:
    shown = html.escape(str(data_file)) if data_file else "none"
    return (
        f"<h2>RevMentor {html.escape(__version__)}</h2>"
        "<p>Run reverse, traditional and mutual mentoring programmes, offline.</p>"
        "<p>Copyright © The RevMentor contributors.</p>"
        "<p>RevMentor is free software: you can redistribute it and change it under the terms "
        f"of the <b>{LICENCE_NAME}</b> ({LICENCE_ID}), as published by the Free Software "
        "Foundation. It comes with <b>no warranty</b>, to the extent permitted by law. "
        "The full text is under <i>Licence</i>.</p>"
        "<p>The documents RevMentor prints use the DejaVu Sans fonts, under the Bitstream Vera "
        "font licence: see <i>Font licence</i>.</p>"
        f"<p>Data file: {shown}</p>"
    )


def _text_page(text: str, name: str) -> QPlainTextEdit:
    page = QPlainTextEdit(text)
    page.setReadOnly(True)
    page.setAccessibleName(name)
    page.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return page


class AboutDialog(RemembersSize, QDialog):
    def __init__(
        self, context: AppContext, data_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("About RevMentor")
        self.setSizeGripEnabled(True)
        self.summary = QLabel(about_text(data_file))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setMargin(self.fontMetrics().averageCharWidth() * 2)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.summary, "&About")
        self.licence = _text_page(packaged_text(*LICENCE_FILE), LICENCE_NAME)
        self.tabs.addTab(self.licence, "&Licence")
        self.font_licence = _text_page(packaged_text(*FONT_LICENCE_FILE), "Font licence")
        self.tabs.addTab(self.font_licence, "&Font licence")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        metrics = self.licence.fontMetrics()
        # The licence texts are set at 72-79 characters a line.
        self.resize(metrics.horizontalAdvance("M") * 84, metrics.lineSpacing() * 30)
