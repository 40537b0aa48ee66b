"""Answer the window's message boxes as a coordinator would, and keep what they said."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox


def box_words(box: QMessageBox) -> str:
    """The text of a box, then its informative text on the next line."""
    return f"{box.text()}\n{box.informativeText()}"


def answer_message_boxes(
    monkeypatch: pytest.MonkeyPatch,
    button_text: str,
    describe: Callable[[QMessageBox], str] = box_words,
) -> list[str]:
    """Click the button starting with ``button_text`` in each message box; return each box as
    ``describe`` words it, in the order they were shown."""
    asked: list[str] = []

    def click(box: QMessageBox) -> int:
        asked.append(describe(box))
        next(b for b in box.buttons() if b.text().startswith(button_text)).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return asked
