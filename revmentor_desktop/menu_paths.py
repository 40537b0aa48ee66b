"""The window's menu commands that messages send a person to, declared once.

A message in any layer (a warning about where the data file is, a line of the import wizard,
a hint from the command line) may tell the coordinator where to click:
"File ▸ Restore from backup…". The menus (``ui/menus.py``) take these commands' menus and
texts from here, so a message cannot name a command the menus call something else. No Qt
here: storage and the command line quote these paths too. ``tests/ui/test_menu_paths.py``
checks every quoted path, here or written out by hand, against the menus the window builds.
"""

from __future__ import annotations

from dataclasses import dataclass

SEPARATOR = " ▸ "

FILE_MENU = "&File"
EDIT_MENU = "&Edit"
HELP_MENU = "&Help"


def plain(text: str) -> str:
    """A menu title or command text as a person reads it: without its mnemonic ("&")."""
    return text.replace("&", "")


@dataclass(frozen=True)
class MenuCommand:
    menu: str  # the menu's title with its mnemonic: "&File"
    text: str  # the command as the menu shows it, with its mnemonic: "&Restore from backup…"

    @property
    def path(self) -> str:
        """Where to find it, for a sentence: "File ▸ Restore from backup…"."""
        return f"{plain(self.menu)}{SEPARATOR}{plain(self.text)}"


OPEN_FILE = MenuCommand(FILE_MENU, "&Open…")
CONNECT_SERVER = MenuCommand(FILE_MENU, "Connect to a ser&ver…")
IMPORT_PEOPLE = MenuCommand(FILE_MENU, "&Import people…")
IMPORT_ANSWERS = MenuCommand(FILE_MENU, "Import &answers from a form tool…")
PROGRAMME_SETTINGS = MenuCommand(FILE_MENU, "Programme se&ttings…")
SAVE_COPY = MenuCommand(FILE_MENU, "Save a &copy as…")
RESTORE_BACKUP = MenuCommand(FILE_MENU, "&Restore from backup…")
UNDO = MenuCommand(EDIT_MENU, "&Undo")
OPEN_LOG_FOLDER = MenuCommand(HELP_MENU, "Open &log folder")
