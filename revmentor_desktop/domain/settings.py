"""Settings stored in the data file, so they travel with it: each declared once with its default."""

from __future__ import annotations

import json
from typing import Any

from revmentor_desktop.storage.models import Setting, database_proxy


def get_setting(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def set_setting(key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with database_proxy.atomic():
        Setting.insert(key=key, value=encoded).on_conflict_replace().execute()


def delete_setting(key: str) -> None:
    with database_proxy.atomic():
        Setting.delete().where(Setting.key == key).execute()
