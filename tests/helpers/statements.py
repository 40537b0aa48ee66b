"""Counting the SQL statements a piece of code sends, on either store."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@contextlib.contextmanager
def statements_sent() -> Iterator[list[str]]:
    """The statements peewee sends during the block (it logs each one to its own logger at
    DEBUG), whichever database the models are bound to."""
    statements: list[str] = []
    logger = logging.getLogger("peewee")
    handler, level = _Collect(statements), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield statements
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
