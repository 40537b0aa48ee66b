"""Every menu path a person is sent to ("File ▸ Restore from backup…") names a command the
menus really have, spelled as they show it: in messages of every layer, the README, the docs
and the guide."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from revmentor_desktop import menu_paths
from revmentor_desktop.ui.menus import TIPPED_COMMANDS, WindowActions

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "revmentor_desktop"
MenuTree = dict[str, "MenuTree | None"]  # a command's text → its submenu, or None


def _tree(menu: QMenu) -> MenuTree:
    return {
        menu_paths.plain(action.text()): _tree(action.menu()) if action.menu() else None
        for action in menu.actions()
        if not action.isSeparator()
    }


def window_menus(qtbot: QtBot) -> MenuTree:
    """The menu bar exactly as the main window builds it."""
    window = QWidget()
    qtbot.addWidget(window)
    bar = QMenuBar(window)
    WindowActions(window, QUndoStack(window)).build_menus(bar)
    return {menu_paths.plain(a.text()): _tree(a.menu()) for a in bar.actions() if a.menu()}


def quoted_paths_that_miss(text: str, menus: MenuTree) -> list[str]:
    """The menu paths quoted in ``text`` that do not lead to a command (or submenu) of
    ``menus``: after a menu's title and "▸" (or "→"), the words must be one of its entries.
    A path wrapped over two lines reads as one, so runs of white space count as one space."""
    text = " ".join(text.split())
    titles = "|".join(re.escape(title) for title in menus)
    missing = []
    for start in re.finditer(rf"(?<!\w)({titles}) ?[▸→] ?", text):
        node: MenuTree | None = menus[start.group(1)]
        rest = text[start.end() :]
        while node is not None:
            entry = max((e for e in node if rest.startswith(e)), key=len, default=None)
            if entry is None:
                missing.append(text[start.start() : start.end() + 40])
                break
            rest = rest[len(entry) :]
            step = re.match(r" ?[▸→] ?", rest)
            node = node[entry] if step else None
            rest = rest[step.end() :] if step else rest
    return missing


def strings_in(path: Path) -> list[str]:
    """The string constants of a Python file, adjacent literals joined as Python joins them."""
    tree = ast.parse(path.read_text("utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_every_quoted_menu_path_leads_to_a_command(qtbot: QtBot) -> None:
    menus = window_menus(qtbot)
    texts: dict[str, list[str]] = {
        str(path.relative_to(ROOT)): strings_in(path) for path in PACKAGE.rglob("*.py")
    }
    for path in [
        ROOT / "README.md",
        *ROOT.glob("docs/**/*.md"),
        *PACKAGE.glob("resources/**/*.html"),
    ]:
        texts[str(path.relative_to(ROOT))] = [path.read_text("utf-8")]
    missing = {
        name: found
        for name, strings in texts.items()
        if (found := [m for s in strings for m in quoted_paths_that_miss(s, menus)])
    }
    assert missing == {}


def test_the_declared_commands_are_where_their_paths_say(qtbot: QtBot) -> None:
    menus = window_menus(qtbot)
    declared = [v for v in vars(menu_paths).values() if isinstance(v, menu_paths.MenuCommand)]
    assert len(declared) >= 7
    for command in declared:
        assert quoted_paths_that_miss(command.path, menus) == [], command.path


def test_a_misspelt_path_is_caught(qtbot: QtBot) -> None:
    """The check itself: a path to a command the menus do not have is reported."""
    menus = window_menus(qtbot)
    assert quoted_paths_that_miss("restore that backup (File ▸ Restore a backup).", menus) == [
        "File ▸ Restore a backup)."
    ]
    assert quoted_paths_that_miss("**File → Export → People (CSV)…**", menus) == []
    assert quoted_paths_that_miss("**Help → About** shows", menus) == ["Help → About** shows"]


def test_each_command_made_from_the_table_is_declared_and_in_a_menu(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = WindowActions(window, QUndoStack(window))
    menu_bar = QMenuBar(window)
    actions.build_menus(menu_bar)
    in_menus = {action for menu in menu_bar.findChildren(QMenu) for action in menu.actions()}

    for name, text, tip in TIPPED_COMMANDS:
        assert name in WindowActions.__annotations__, f"declare {name}: QAction on WindowActions"
        action = getattr(actions, name)
        assert (action.text(), action.statusTip(), action.toolTip()) == (text, tip, tip)
        assert action in in_menus, f"{name} is made but no menu lists it"
