"""Passwords for programmes on a server, for coordinators who would rather type one than keep
~/.pgpass: a password typed in File → Connect to a server… is kept in memory for the session,
and, when the coordinator asks, in this computer's keyring (Keychain on macOS, Credential Manager
on Windows, the Secret Service on Linux), never in RevMentor's settings or any file of its own.

libpq's own means (~/.pgpass, a service file, PGPASSWORD) come first: the server is asked with a
password from here only when it wants one libpq did not find. Every connection to a server is
made through ``connect`` and ``open_store`` so that the window, the commands and the change
listener all find the same password.
"""

from __future__ import annotations

from revmentor_desktop.services.location import ServerAddress, ServerLocation
from revmentor_desktop.storage import server
from revmentor_desktop.storage.server import AnnouncingDatabase, ServerStore

KEYRING_SERVICE = "RevMentor Desktop (PostgreSQL)"
NO_KEYRING = (
    "This computer has no keyring RevMentor can use, so the password was not remembered: it "
    "is used until RevMentor closes. To connect without typing it, keep it in ~/.pgpass."
)
_typed_this_session: dict[str, str] = {}


def password_key(url: str) -> str:
    """The server, database and role a password belongs to (``anna@dbhost:5432/mentoring``),
    without the options that do not change it."""
    address = ServerAddress.from_url(url)
    port = address.port or "5432"
    return f"{address.user}@{address.host or 'localhost'}:{port}/{address.database}"


def use_password(url: str, password: str, *, remember: bool) -> str:
    """Use ``password`` for the database ``url`` names from now on, and with ``remember`` keep
    it in the keyring too. Returns a warning for the coordinator ("" when all went as asked)."""
    key = password_key(url)
    _typed_this_session[key] = password
    if not remember:
        return ""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, key, password)
    except KeyringError:
        return NO_KEYRING
    return ""


def password_for(url: str) -> str | None:
    """The password typed this session for ``url``, else the keyring's, else None."""
    key = password_key(url)
    if key in _typed_this_session:
        return _typed_this_session[key]
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, key)
    except KeyringError:
        return None  # no keyring on this computer: libpq's means are the only ones


def connect(location: ServerLocation) -> AnnouncingDatabase:
    """A connection to ``location``'s database (see ``storage.server.connect``)."""
    return server.connect(location.url, location.database_name, password_for)


def open_store(location: ServerLocation, *, create: bool = False) -> ServerStore:
    """``location``'s database open for changes (see ``ServerStore.open``)."""
    return ServerStore.open(
        location.url, location.database_name, create=create, passwords=password_for
    )
