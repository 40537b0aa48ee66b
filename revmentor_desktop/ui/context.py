"""What every view and dialog needs from the running app, passed explicitly (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.ui.settings import AppSettings
from revmentor_desktop.ui.undo import EditStack


@dataclass
class AppContext:
    edits: EditStack
    clock: Clock = field(default=system_clock)
    settings: AppSettings = field(default_factory=AppSettings)  # the window's settings file
