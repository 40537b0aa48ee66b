"""The built-in guide: its topics on the left, the page on the right, all offline.

A ``QTextBrowser`` shows the pages (no web engine: the bundle leaves it out). It asks
``loadResource`` for every page it opens, from the topic list or from a link in a page, so
links between topics, Back (Alt+Left) and Forward work as in any help viewer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.guide import PAGES, TOPICS, render_page, style_sheet
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize

PageValues = Callable[[], dict[str, str]]
# A comfortable reading measure: about 75 characters to a line, and most of a screen's height.
READING_WIDTH_CHARACTERS = 86
READING_HEIGHT_LINES = 38
SCREEN_SHARE = 0.9


class GuideBrowser(QTextBrowser):
    """Shows the guide's pages, each filled in with ``values()`` when it is opened."""

    def __init__(self, values: PageValues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values = values
        self.setOpenLinks(True)
        self.setOpenExternalLinks(False)  # the guide links only to itself: nothing goes online
        self.document().setDefaultStyleSheet(style_sheet())
        self.document().setDocumentMargin(self.fontMetrics().averageCharWidth() * 2)

    def loadResource(self, kind: int, name: QUrl) -> object:
        page = name.fileName()
        if kind == QTextDocument.ResourceType.HtmlResource.value and page in PAGES:
            return render_page(page, self._values())
        return super().loadResource(kind, name)


class GuideDialog(RemembersSize, QDialog):
    """The guide, kept open beside the window while the coordinator works."""

    def __init__(
        self, context: AppContext, values: PageValues, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("RevMentor guide")
        self.setSizeGripEnabled(True)
        self.topics = QListWidget(self)
        self.topics.setAccessibleName("Topics")
        row_height = self.fontMetrics().height() + 12
        for topic in TOPICS:
            QListWidgetItem(topic.title, self.topics).setSizeHint(QSize(0, row_height))
        self.browser = GuideBrowser(values, self)
        self.browser.setAccessibleName("Guide page")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.topics)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self._size_for_reading()
        self.topics.currentRowChanged.connect(self._topic_chosen)
        self.browser.sourceChanged.connect(self._page_shown)
        self.show_topic(TOPICS[0].page)

    def _size_for_reading(self) -> None:
        metrics = self.fontMetrics()
        list_width = max(metrics.horizontalAdvance(topic.title) for topic in TOPICS)
        self.topics.setFixedWidth(list_width + metrics.averageCharWidth() * 6)
        page_width = metrics.averageCharWidth() * READING_WIDTH_CHARACTERS
        wanted = QSize(
            self.topics.width() + page_width, metrics.lineSpacing() * READING_HEIGHT_LINES
        )
        screen = self.screen().availableGeometry().size() * SCREEN_SHARE
        self.resize(wanted.boundedTo(screen))

    def show_topic(self, page: str) -> None:
        """Open the topic whose page is ``page`` ("keyboard-shortcuts.html")."""
        self.browser.setSource(QUrl(page))

    def page_text(self) -> str:
        """The page on show, as plain text."""
        return self.browser.toPlainText()

    def current_page(self) -> str:
        return self.browser.source().fileName()

    def _topic_chosen(self, row: int) -> None:
        if 0 <= row < len(TOPICS) and TOPICS[row].page != self.current_page():
            self.show_topic(TOPICS[row].page)

    def _page_shown(self, url: QUrl) -> None:
        pages = [topic.page for topic in TOPICS]
        if url.fileName() in pages:
            self.topics.setCurrentRow(pages.index(url.fileName()))
