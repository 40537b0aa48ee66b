"""What the property tests' random programmes share: the moment they run at and the topics
people teach and learn."""

from __future__ import annotations

from datetime import datetime

NOW = datetime(2026, 3, 2, 9, 0)
TAGS = ["AI", "Excel", "TikTok", "Python"]
