"""What every view and dialog needs from the running app, passed explicitly (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.ui.settings import AppSettings
from revmentor_desktop.ui.undo import EditStack


class WindowRequests(QObject):
    """What a dialog asks of the main window, however deep it was opened (a matching review
    inside a cohort dialog): the window listens, the dialog needs no reference to it."""

    show_pairs = Signal(int, list)  # a cohort and the pairs to select on the Pairs list


@dataclass
class AppContext:
    edits: EditStack
    clock: Clock = field(default=system_clock)
    settings: AppSettings = field(default_factory=AppSettings)  # the window's settings file
    requests: WindowRequests = field(default_factory=WindowRequests)
