"""The built-in guide's pages: packaged HTML, filled in from the running app.

The prose lives in ``resources/guide/``. What could drift from the code is never written there
by hand: folders come from ``paths``, backup and health figures from the modules that apply
them, and keys from the window's own actions (``$key_undo``), including the whole table of
keyboard shortcuts, which is read from the menu bar.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from revmentor_desktop import paths
from revmentor_desktop.domain import edits, health
from revmentor_desktop.domain import settings as data_settings
from revmentor_desktop.storage import backup
from revmentor_desktop.ui.menus import WindowActions, command_name
from revmentor_desktop.ui.undo import key_text

GUIDE_FOLDER = "guide"
STYLE_SHEET = "guide.css"
SHORTCUTS_TABLE = "shortcuts_table"


@dataclass(frozen=True)
class Topic:
    page: str  # the file name under resources/guide/, also the page's link target
    title: str


TOPICS = (
    Topic("getting-started.html", "Getting started"),
    Topic("running-a-cohort.html", "Running a cohort well"),
    Topic("data-and-backups.html", "Your data and backups"),
    Topic("keyboard-shortcuts.html", "Keyboard shortcuts"),
)
PAGES = {topic.page: topic for topic in TOPICS}


def packaged_text(*parts: str) -> str:
    """A text file shipped in ``revmentor_desktop/resources/`` (also inside the bundle)."""
    return resources.files("revmentor_desktop").joinpath("resources", *parts).read_text("utf-8")


@dataclass(frozen=True)
class ShortcutRow:
    menu: str  # "Edit", or "File ▸ Export" for a submenu
    command: str
    keys: str  # every key of the command, "Ctrl+Shift+Z or Ctrl+Y"


def _menu_title(menu: QMenu) -> str:
    return menu.title().replace("&", "")


def shortcut_rows(menu_bar: QMenuBar) -> list[ShortcutRow]:
    """Every command with a shortcut, in the order the menus show them."""
    rows: list[ShortcutRow] = []

    def walk(menu: QMenu, trail: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{trail} ▸ {_menu_title(action.menu())}")
            elif not action.isSeparator() and action.shortcuts():
                rows.append(ShortcutRow(trail, command_name(action), key_text(action.shortcuts())))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), _menu_title(top.menu()))
    return rows


def shortcuts_table(menu_bar: QMenuBar) -> str:
    """The shortcuts as HTML: a heading per menu, then a row per command."""
    parts = []
    current_menu = None
    for row in shortcut_rows(menu_bar):
        if row.menu != current_menu:
            if current_menu is not None:
                parts.append("</table>")
            parts.append(f"<h2>{html.escape(row.menu)} menu</h2>")
            parts.append('<table class="keys" cellspacing="0" cellpadding="4" width="100%">')
            current_menu = row.menu
        parts.append(
            f'<tr><td width="55%">{html.escape(row.command)}</td>'
            f'<td class="key">{html.escape(row.keys)}</td></tr>'
        )
    if current_menu is not None:
        parts.append("</table>")
    return "\n".join(parts)


def _action_keys(actions: WindowActions) -> dict[str, str]:
    """``key_<name>`` for every action of the window that has a shortcut: ``key_undo``,
    ``key_show_view_people`` (for the actions kept in a dictionary by name)."""
    keys = {}
    for name, value in vars(actions).items():
        named = value.items() if isinstance(value, dict) else [("", value)]
        for suffix, action in named:
            if isinstance(action, QAction) and (shortcuts := action.shortcuts()):
                keys[f"key_{name}_{suffix}" if suffix else f"key_{name}"] = key_text(shortcuts)
    return keys


def page_values(
    actions: WindowActions, menu_bar: QMenuBar, data_file: Path | None
) -> dict[str, str]:
    """What the pages' ``$name`` placeholders stand for, in this app on this computer."""
    shown_file = data_file or paths.default_data_file()
    values = {
        "data_file": str(shown_file),
        "default_data_file": str(paths.default_data_file()),
        "backup_folder": str(paths.backup_folder_for(shown_file)),
        "log_folder": str(paths.user_log_folder()),
        "keep_newest": str(backup.KEEP_NEWEST),
        "keep_daily_days": str(backup.KEEP_DAILY_FOR.days),
        "keep_weekly_weeks": str(backup.KEEP_WEEKLY_FOR.days // 7),
        "keep_monthly_months": str(round(backup.KEEP_MONTHLY_FOR.days / 30.4)),
        "amber_factor": f"{health.AMBER_FACTOR:g}",
        "red_factor": f"{health.RED_FACTOR:g}",
        "first_session_days": str(health.FIRST_SESSION_GRACE_DAYS),
        "retention_months": str(data_settings.RETENTION_MONTHS.default),
        "largest_undoable_import": f"{edits.LARGEST_UNDOABLE_IMPORT:,}",
        **_action_keys(actions),
    }
    escaped = {name: html.escape(value) for name, value in values.items()}
    escaped[SHORTCUTS_TABLE] = shortcuts_table(menu_bar)
    return escaped


def render_page(page: str, values: dict[str, str]) -> str:
    """The page's HTML with its placeholders filled; a placeholder without a value is a
    mistake in the page and raises ``KeyError`` (the tests render every page)."""
    return Template(packaged_text(GUIDE_FOLDER, page)).substitute(values)


def style_sheet() -> str:
    return packaged_text(GUIDE_FOLDER, STYLE_SHEET)
