"""Window settings kept between runs, in an INI file in the user's config folder.

Every setting is declared here once, with its default; per-list and per-dialog settings are
templates filled in with the list's or the dialog class's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings, QSize

from revmentor_desktop import paths

T = TypeVar("T")
SETTINGS_FILE_NAME = "revmentor.ini"
MAX_RECENT_FILES = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def for_list(self, name: str) -> Setting[T]:
        return Setting(self.key.format(list=name), self.default)

    def for_dialog(self, name: str) -> Setting[T]:
        return Setting(self.key.format(dialog=name), self.default)


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray())
SPLITTER_STATE = Setting("window/splitter", QByteArray())
CURRENT_VIEW = Setting("window/current_view", "today")
LAST_FILE = Setting("files/last_opened", "")
RECENT_FILES: Setting[list[str]] = Setting("files/recent", [])
# Server databases by address, as ServerLocation accepts them: never with a password in them.
RECENT_SERVERS: Setting[list[str]] = Setting("servers/recent", [])
TABLE_HEADER = Setting("lists/{list}/header", QByteArray())
SORT_KEY = Setting("lists/{list}/sort_key", "")
SORT_DESCENDING = Setting("lists/{list}/sort_descending", False)
# The columns a saved header belongs to: a header saved with other columns is not restored.
TABLE_COLUMNS = Setting("lists/{list}/columns", "")
# The size a dialog was last left at, by its class name; an invalid size means "not yet".
DIALOG_SIZE = Setting("dialogs/{dialog}/size", QSize())


def _convert(value: Any, default: Any) -> Any:
    if value is None:
        return default
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() in {"true", "1"}
    if isinstance(default, list):
        return [str(item) for item in value] if isinstance(value, list) else [str(value)]
    if isinstance(default, QByteArray):
        return value if isinstance(value, QByteArray) else default
    if isinstance(default, QSize):
        return value if isinstance(value, QSize) else default
    return type(default)(value)


class AppSettings:
    """Typed access to the settings file; ``path`` lets tests use their own file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.user_config_folder() / SETTINGS_FILE_NAME
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        value = self._store.value(setting.key)
        try:
            return _convert(value, setting.default)  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if isinstance(setting.default, list) and not value:
            self._store.remove(setting.key)
            return
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        self._store.sync()

    def recent_files(self) -> list[Path]:
        return [Path(item) for item in self.get(RECENT_FILES) if item]

    def remember_file(self, path: Path) -> None:
        """Make ``path`` the last opened file and the first of the recent files."""
        text = str(path)
        recent = [text] + [item for item in self.get(RECENT_FILES) if item != text]
        self.set(RECENT_FILES, recent[:MAX_RECENT_FILES])
        self.set(LAST_FILE, text)

    def recent_servers(self) -> list[str]:
        return [item for item in self.get(RECENT_SERVERS) if item]

    def remember_server(self, url: str) -> None:
        """Put the server database ``url`` first among the recent servers."""
        recent = [url] + [item for item in self.recent_servers() if item != url]
        self.set(RECENT_SERVERS, recent[:MAX_RECENT_FILES])
