"""The audit trail: which row of which table was added, changed or deleted, by whom and when.

It holds no personal data: a table name, a row's id (or a setting's key), the action, the names
of the columns that changed (never their values), who and when. So erasing a person leaves
nothing of them here, and the trail can be kept and exported as it is.

Triggers write it, on both stores, rather than the app: every change is caught, whichever way
it is made (a model's save, a bulk update, undo's raw SQL, an import, another tool), and on a
server a coordinator cannot leave a change out (they may add to the trail, never alter or
delete it; see ``server_roles``). The triggers are generated from the models, so a new table is
audited the day a migration calls ``install_triggers`` again.

Who: on a server, the database role the person logged in as; on a data file, the operating
system's user name of whoever last opened the file for changes (kept in ``audit_actor``).
"""

from __future__ import annotations

import getpass

from peewee import Database, PostgresqlDatabase

from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.models import ALL_MODELS, BaseModel

AUDIT_TABLE = "audit"
ACTOR_TABLE = "audit_actor"


def _audited_models() -> list[type[BaseModel]]:
    return list(ALL_MODELS)


def install_triggers(database: Database) -> None:
    """(Re)create the audit triggers of every table the models declare."""
    if is_server(database):
        _install_server_triggers(database)
        return
    for model in _audited_models():
        for statement in _sqlite_triggers(model):
            database.execute_sql(statement)


VERSION_COLUMN = "version"  # advanced by every update (migration 10): not itself a change


def _sqlite_triggers(model: type[BaseModel]) -> list[str]:
    table = model._meta.table_name
    key = model._meta.primary_key.column_name
    columns = [
        field.column_name
        for field in model._meta.sorted_fields
        if field.name != key and field.column_name != VERSION_COLUMN
    ]
    changed = " || ".join(
        f"CASE WHEN OLD.\"{column}\" IS NOT NEW.\"{column}\" THEN '{column},' ELSE '' END"
        for column in columns
    )
    who = f"COALESCE((SELECT who FROM {ACTOR_TABLE}), '')"
    when = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
    statements = []
    # The row version's own step (its trigger's second UPDATE) is not a change to record.
    content_changed = " OR ".join(f'OLD."{column}" IS NOT NEW."{column}"' for column in columns)
    for action, row, names, condition in (
        ("insert", "NEW", "''", ""),
        ("update", "NEW", f"rtrim({changed}, ',')", f" WHEN {content_changed or '0'}"),
        ("delete", "OLD", "''", ""),
    ):
        name = f"audit_{table}_{action}"
        statements.append(f"DROP TRIGGER IF EXISTS {name}")
        statements.append(
            f'CREATE TRIGGER {name} AFTER {action.upper()} ON "{table}"{condition} BEGIN '
            f"INSERT INTO {AUDIT_TABLE} (table_name, row_key, action, columns, changed_by, "
            f"changed_at) VALUES ('{table}', {row}.\"{key}\", '{action}', {names}, {who}, "
            f"{when}); END"
        )
    return statements


_SERVER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION revmentor_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed TEXT := '';
    row_data JSONB := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT COALESCE(string_agg(new_value.key, ',' ORDER BY new_value.key), '') INTO changed
        FROM jsonb_each(to_jsonb(NEW)) AS new_value
        WHERE new_value.value IS DISTINCT FROM to_jsonb(OLD) -> new_value.key
          AND new_value.key <> '{VERSION_COLUMN}';
    END IF;
    INSERT INTO {AUDIT_TABLE} (table_name, row_key, action, columns, changed_by, changed_at)
    VALUES (TG_TABLE_NAME, row_data ->> TG_ARGV[0], lower(TG_OP), changed, current_user,
            now() AT TIME ZONE 'UTC');
    RETURN NULL;
END $$
"""


def _install_server_triggers(database: PostgresqlDatabase) -> None:
    database.execute_sql(_SERVER_FUNCTION)
    for model in _audited_models():
        table = model._meta.table_name
        key = model._meta.primary_key.column_name
        database.execute_sql(f'DROP TRIGGER IF EXISTS audit_changes ON "{table}"')
        database.execute_sql(
            f'CREATE TRIGGER audit_changes AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION revmentor_audit('{key}')"
        )


def record_actor(database: Database, who: str | None = None) -> None:
    """Name who changes this data file from now on (the operating system's user by default);
    written only when it differs, so opening one's own file changes nothing."""
    if is_server(database):
        return  # the server knows who is logged in
    who = who if who is not None else _os_user()
    row = database.execute_sql(f"SELECT who FROM {ACTOR_TABLE}").fetchone()
    if row is not None and row[0] == who:
        return
    with database.atomic():
        database.execute_sql(f"DELETE FROM {ACTOR_TABLE}")
        database.execute_sql(f"INSERT INTO {ACTOR_TABLE} (who) VALUES (?)", (who,))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
