"""The log file: what went wrong and when, so "Something went wrong" has something behind it.

One rotating file (``revmentor.log``, 1 MB, three older copies) in the user's log folder, set up
once at start by the window and the command line alike.

What it never holds is personal data. Our own records are fixed sentences (no names, e-mails,
notes or file paths), and an error is written as its kind and where it happened in the code,
never its message: a message may quote a person ("Ana Ruiz already has a mentor") or a path
under someone's home folder. The dialog and the console still show the whole message.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path, PurePath
from types import TracebackType
from typing import Any

from revmentor_desktop import __version__, paths

LOGGER_NAME = "revmentor_desktop"
MAX_BYTES = 1_000_000
OLDER_COPIES = 3
LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

ExceptionInfo = tuple[type[BaseException], BaseException, TracebackType | None]
ExceptionHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]

log = logging.getLogger(LOGGER_NAME)


class MessageFreeFormatter(logging.Formatter):
    """Writes an exception as its kind and stack of code locations, without its message."""

    def formatException(self, ei: ExceptionInfo) -> str:
        kind, error, trace = ei
        return describe_error(kind, error, trace)


def describe_error(
    kind: type[BaseException], error: BaseException | None, trace: TracebackType | None
) -> str:
    """The traceback with each exception of the chain reduced to its class: code, not data."""
    chain = [(kind, trace)]
    seen = {id(error)}
    current = error
    while current is not None:
        cause = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if cause is None or id(cause) in seen:
            break
        seen.add(id(cause))
        chain.append((type(cause), cause.__traceback__))
        current = cause
    return "\n\n".join(_stack(kind, trace) for kind, trace in reversed(chain))


def _stack(kind: type[BaseException], trace: TracebackType | None) -> str:
    lines = ["Traceback (most recent call last):"]
    lines += [
        f'  File "{_short_path(frame.filename)}", line {frame.lineno}, in {frame.name}'
        for frame in traceback.extract_tb(trace)
    ]
    lines.append(_name(kind))
    return "\n".join(lines)


def _name(kind: type[BaseException]) -> str:
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _short_path(filename: str) -> str:
    """From the package or library folder on: the rest may name the user's home folder."""
    parts = PurePath(filename).parts
    for anchor in ("revmentor_desktop", "site-packages"):
        if anchor in parts:
            start = parts.index(anchor) + (anchor == "site-packages")
            return "/".join(parts[start:])
    return PurePath(filename).name


class LogFileHandler(RotatingFileHandler):
    """A rotating file that never gets in the way: a record it cannot write is dropped.

    The log is a help for later, never a reason for a command to fail or for its console
    output to fill with logging's own complaints (a full disk, a read-only folder).
    """

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def start_logging() -> Path | None:
    """Send the package's records to the log file of the current user folder; returns its path,
    or None when the folder cannot be made (the app then runs without a log).

    Called more than once (tests open several windows, each in its own folder), it moves the
    handler to the current folder instead of adding a second one.
    """
    target = paths.log_file()
    for handler in list(log.handlers):
        if isinstance(handler, LogFileHandler):
            if Path(handler.baseFilename) == target:
                return target
            log.removeHandler(handler)
            handler.close()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = LogFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=OLDER_COPIES, encoding="utf-8", delay=True
    )
    handler.setFormatter(MessageFreeFormatter(LINE_FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    if not getattr(sys.excepthook, "logs_errors", False):
        sys.excepthook = _log_then(sys.excepthook)
    log.info(
        "RevMentor %s started (Python %s, %s)", __version__, sys.version.split()[0], sys.platform
    )
    return target


def log_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Record an error no code expected, with its traceback and the time."""
    log.error("Unexpected error", exc_info=(kind, error, trace))


def _log_then(previous: ExceptionHook) -> ExceptionHook:
    """An exception hook that records the error, then hands it on (the command line's hook)."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            log_unexpected(kind, error, trace)
        previous(kind, error, trace)

    hook.logs_errors = True  # type: ignore[attr-defined]
    return hook
