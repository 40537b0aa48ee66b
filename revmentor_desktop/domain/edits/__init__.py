"""Undoable edits: each user action, with the rows it touched before and after.

The window keeps a stack of ``Edit`` objects; ``undo`` and ``redo`` put the rows back exactly,
in one transaction. Every change the coordinator makes in the app goes through this package.
An edit names only its root rows (this person, this pair); ``storage.snapshots`` adds what
hangs off them through the foreign keys. An import is one edit too (one undo takes all of it
back), unless it is very large. Changes undo cannot reverse (an erasure, a very large import)
are not edits: they hand back an ``IrreversibleChange`` (``domain/irreversible.py``).

The package keeps the undo mechanism in ``core`` and one module per kind of record edited;
the names below are what callers use (``edits.add_person(...)``).
"""

from revmentor_desktop.domain.edits.cohorts import (
    add_cohort,
    delete_cohort,
    enrol,
    set_cohort_archived,
    update_cohort,
    withdraw,
)
from revmentor_desktop.domain.edits.core import (
    Edit,
    LaterChangeKept,
    check_in_scopes,
    cohort_scopes,
    created_pair_ids,
    enrolment_scopes,
    form_scopes,
    pair_plan_scopes,
    pair_scopes,
    person_scopes,
    plan_scopes,
    questionnaire_scopes,
    record_edit,
    redo,
    session_scopes,
    settings_scopes,
    undo,
)
from revmentor_desktop.domain.edits.imports import (
    LARGEST_UNDOABLE_IMPORT,
    RecordedImport,
    import_people,
)
from revmentor_desktop.domain.edits.messages import (
    change_message_template,
    reset_message_template,
)
from revmentor_desktop.domain.edits.outcomes import (
    change_questionnaire,
    collect_forms,
    import_answers,
    mark_handled,
    record_answers,
    set_check_in_date,
)
from revmentor_desktop.domain.edits.pairs import (
    ACTION_NAMES,
    ACTION_OUTCOMES,
    change_pair_status,
    create_pair,
    delete_pair,
    update_pair,
)
from revmentor_desktop.domain.edits.people import (
    add_person,
    delete_person,
    set_archived,
    update_person,
)
from revmentor_desktop.domain.edits.plans import (
    add_plan,
    arrange_pair_plan,
    duplicate_plan,
    reset_plan,
    save_plan,
    set_plan_retired,
)
from revmentor_desktop.domain.edits.sessions import (
    add_session,
    delete_sessions,
    update_session,
)
from revmentor_desktop.domain.edits.settings import (
    change_settings,
)

__all__ = [
    "ACTION_NAMES",
    "ACTION_OUTCOMES",
    "LARGEST_UNDOABLE_IMPORT",
    "Edit",
    "LaterChangeKept",
    "RecordedImport",
    "add_cohort",
    "add_person",
    "add_plan",
    "add_session",
    "arrange_pair_plan",
    "change_message_template",
    "change_pair_status",
    "change_questionnaire",
    "change_settings",
    "check_in_scopes",
    "cohort_scopes",
    "collect_forms",
    "create_pair",
    "created_pair_ids",
    "delete_cohort",
    "delete_pair",
    "delete_person",
    "delete_sessions",
    "duplicate_plan",
    "enrol",
    "enrolment_scopes",
    "form_scopes",
    "import_answers",
    "import_people",
    "mark_handled",
    "pair_plan_scopes",
    "pair_scopes",
    "person_scopes",
    "plan_scopes",
    "questionnaire_scopes",
    "record_answers",
    "record_edit",
    "redo",
    "reset_message_template",
    "reset_plan",
    "save_plan",
    "session_scopes",
    "set_archived",
    "set_check_in_date",
    "set_cohort_archived",
    "set_plan_retired",
    "settings_scopes",
    "undo",
    "update_cohort",
    "update_pair",
    "update_person",
    "update_session",
    "withdraw",
]
