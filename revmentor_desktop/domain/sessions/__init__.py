"""Sessions: the meetings of a pair, planned, held or cancelled, and what each side took away.

``records`` holds what the functions take and give; ``saving`` checks, adds, loads, saves and
deletes a session; ``listing`` is the sessions list, filtered and sorted in SQL, and a person's
session counts; ``periods`` the named periods the list filters by. The names below are what
callers use (``sessions.add_session(...)``).
"""

from revmentor_desktop.domain.sessions.listing import (
    list_sessions,
    person_sessions,
    session_ids,
    session_rows,
)
from revmentor_desktop.domain.sessions.periods import SESSION_PERIODS, period_range
from revmentor_desktop.domain.sessions.records import (
    PLAN_ITEM_UNCHANGED,
    PersonSessions,
    SessionDraft,
    SessionQuery,
    SessionRow,
)
from revmentor_desktop.domain.sessions.saving import (
    add_session,
    default_session_for,
    delete_sessions,
    get_session,
    load_session,
    start_date_conflict,
    update_session,
    validate_session,
)

__all__ = [
    "PLAN_ITEM_UNCHANGED",
    "SESSION_PERIODS",
    "PersonSessions",
    "SessionDraft",
    "SessionQuery",
    "SessionRow",
    "add_session",
    "default_session_for",
    "delete_sessions",
    "get_session",
    "list_sessions",
    "load_session",
    "period_range",
    "person_sessions",
    "session_ids",
    "session_rows",
    "start_date_conflict",
    "update_session",
    "validate_session",
]
