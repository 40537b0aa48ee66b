"""File → Connect to a server…: the address of a programme's database on a PostgreSQL server,
filled in part by part or pasted whole as a ``postgresql://`` address.

PostgreSQL's client finds a password in ~/.pgpass, a service file or PGPASSWORD first. A
coordinator without those types it here: it is used until RevMentor closes, or kept in the
computer's keyring when asked (``services.server_passwords``), never in RevMentor's settings.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.services import server_passwords
from revmentor_desktop.services.location import ServerAddress, ServerLocation, server_location
from revmentor_desktop.storage.errors import DataFileError, ServerProblem
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.feedback import ProblemLabel

SSL_MODES = {
    "": "As the PostgreSQL client decides",
    "require": "Required",
    "verify-full": "Required, and the server's certificate checked",
    "prefer": "When the server offers it",
    "disable": "Never",
}
PASSWORD_NOTE = (
    "Leave the password empty when it is in ~/.pgpass, a PostgreSQL service file or the "
    "PGPASSWORD variable. A password typed here is used until RevMentor closes; ticked, "
    "this computer's keyring keeps it. RevMentor never writes it to its settings."
)


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """The busy cursor while a server is reached (up to its connection timeout)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class ConnectServerDialog(QDialog):
    """Asks where the database is; ``location`` is the chosen one once accepted. With
    ``connect`` the dialog opens it itself, and stays open saying why when that fails (the
    server refused, no password in ~/.pgpass), so the address can be corrected."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        connect: Callable[[ServerLocation], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._connect = connect
        self.setWindowTitle("Connect to a server")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.location: ServerLocation | None = None
        self.recent = QComboBox(self)
        self.recent.addItem("")
        self.recent.addItems(context.settings.recent_servers())
        self.address = QLineEdit(self)
        self.address.setPlaceholderText("postgresql://dbhost/mentoring?sslmode=require")
        self.host = QLineEdit(self)
        self.host.setPlaceholderText("this computer")
        self.port = QLineEdit(self)
        self.port.setPlaceholderText("5432")
        self.database = QLineEdit(self)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText("your login name")
        self.sslmode = QComboBox(self)
        for mode, label in SSL_MODES.items():
            self.sslmode.addItem(label, mode)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("only if the server asks for one")
        self.remember_password = QCheckBox("Re&member it in this computer's keyring", self)
        self.problem = ProblemLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Connect")
        self._lay_out()
        self._connect_signals()
        self._update_remember_box()
        if self.recent.count() > 1:
            self.recent.setCurrentIndex(1)
        self._update_connect_button()

    def _lay_out(self) -> None:
        form = QFormLayout()
        if self.recent.count() > 1:
            form.addRow("&Recent servers:", self.recent)
        else:
            self.recent.hide()  # outside the layout, it would sit over the first row
        form.addRow("&Address:", self.address)
        form.addRow("&Host:", self.host)
        form.addRow("&Port:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&User:", self.user)
        form.addRow("&Encryption:", self.sslmode)
        form.addRow("Pass&word:", self.password)
        form.addRow("", self.remember_password)
        note = QLabel(PASSWORD_NOTE, self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.recent.currentTextChanged.connect(self._use_recent)
        self.address.textEdited.connect(self._address_edited)
        for field in (self.host, self.port, self.database, self.user):
            field.textEdited.connect(self._parts_edited)
        self.sslmode.activated.connect(self._parts_edited)
        self.password.textChanged.connect(self._update_remember_box)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _use_recent(self, url: str) -> None:
        if url:
            self.set_address(url)

    def set_address(self, url: str) -> None:
        """Show ``url`` and its parts (a pasted address, a recent server)."""
        self.address.setText(url)
        self._address_edited(url)

    def _address_edited(self, text: str) -> None:
        try:
            parts = ServerAddress.from_url(text.strip())
        except ServerProblem as problem:
            self.problem.set_problem(str(problem))
            self._update_connect_button()
            return
        self.problem.set_problem("")
        self.host.setText(parts.host)
        self.port.setText(parts.port)
        self.database.setText(parts.database)
        self.user.setText(parts.user)
        self.sslmode.setCurrentIndex(max(self.sslmode.findData(parts.sslmode), 0))
        self._update_connect_button()

    def _parts_edited(self) -> None:
        parts = ServerAddress(
            host=self.host.text().strip(),
            port=self.port.text().strip(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=str(self.sslmode.currentData() or ""),
        )
        self.address.setText(parts.url)
        self.problem.set_problem("")
        self._update_connect_button()

    def _update_remember_box(self) -> None:
        self.remember_password.setEnabled(bool(self.password.text()))

    def _update_connect_button(self) -> None:
        ready = bool(self.database.text().strip()) and not self.problem.text()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def accept(self) -> None:
        try:
            self.location = server_location(self.address.text().strip())
            if not self._use_typed_password(self.location):
                return
            if self._connect is not None:
                with wait_cursor():
                    self._connect(self.location)
        except DataFileError as problem:
            self.problem.set_problem(str(problem))
            self._update_connect_button()
            return
        super().accept()

    def _use_typed_password(self, location: ServerLocation) -> bool:
        """Hand a typed password to the connections; False (and why) when the keyring could
        not keep it as asked, so the coordinator can connect without it being remembered."""
        password = self.password.text()
        if not password:
            return True
        remember = self.remember_password.isChecked()
        warning = server_passwords.use_password(location.url, password, remember=remember)
        if warning:
            self.remember_password.setChecked(False)
            self.problem.set_problem(warning)
            return False
        return True
