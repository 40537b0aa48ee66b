"""How long work (an import, a batch of documents) tells its caller how far it has come."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (done, total)
