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

Whose: a row that is part of a person (a skill, an enrolment, a form: it goes when they go) is
also recorded with the person as its owner (migration 12), so the person's history shows it.
"""

from __future__ import annotations

import getpass

from peewee import Database, ForeignKeyField, PostgresqlDatabase

from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.models import ALL_MODELS, BaseModel, Person

AUDIT_TABLE = "audit"
ACTOR_TABLE = "audit_actor"


def _audited_models() -> list[type[BaseModel]]:
    return list(ALL_MODELS)


# Records whose history the window shows with the rows that belong to them.
HISTORY_OWNERS: tuple[type[BaseModel], ...] = (Person,)


def owner_link(model: type[BaseModel]) -> ForeignKeyField | None:
    """The link by which ``model``'s rows belong to a record of ``HISTORY_OWNERS``: its one
    ON DELETE CASCADE foreign key to such a record (a skill's person). None when it has none,
    or two (a locked pair's mentor and mentee: it belongs to neither alone)."""
    links = [
        field
        for field in model._meta.sorted_fields
        if isinstance(field, ForeignKeyField)
        and field.rel_model in HISTORY_OWNERS
        and field.rel_model is not model
        and field.on_delete == "CASCADE"
    ]
    return links[0] if len(links) == 1 else None


def owned_tables() -> dict[str, str]:
    """Each table whose rows belong to a record, and that record's table."""
    return {
        model._meta.table_name: link.rel_model._meta.table_name
        for model in _audited_models()
        if (link := owner_link(model)) is not None
    }


def fill_in_owners(database: Database) -> None:
    """Name the owner in the entries recorded before the trail did (migration 12), for the rows
    still there: a deleted row's owner is no longer known."""
    for model in _audited_models():
        link = owner_link(model)
        if link is None:
            continue
        table = model._meta.table_name
        row = f'"{table}"."{model._meta.primary_key.column_name}" = CAST(row_key AS INTEGER)'
        database.execute_sql(
            f"UPDATE {AUDIT_TABLE} SET owner_table = '{link.rel_model._meta.table_name}', "
            f'owner_key = (SELECT CAST("{link.column_name}" AS TEXT) FROM "{table}" WHERE {row}) '
            f"WHERE table_name = '{table}' AND EXISTS (SELECT 1 FROM \"{table}\" WHERE {row})"
        )


def install_triggers(database: Database, *, owners: bool = True) -> None:
    """(Re)create the audit triggers of every table the models declare; ``owners=False`` for
    a trail without the owner columns yet (migration 11, before 12 adds them)."""
    if is_server(database):
        _install_server_triggers(database, owners)
        return
    for model in _audited_models():
        for statement in _sqlite_triggers(model, owners):
            database.execute_sql(statement)


VERSION_COLUMN = "version"  # advanced by every update (migration 10): not itself a change


def _sqlite_triggers(model: type[BaseModel], owners: bool) -> list[str]:
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
    link = owner_link(model)
    owner_columns = ", owner_table, owner_key" if owners else ""
    statements = []
    # The row version's own step (its trigger's second UPDATE) is not a change to record.
    content_changed = " OR ".join(f'OLD."{column}" IS NOT NEW."{column}"' for column in columns)
    for action, row, names, condition in (
        ("insert", "NEW", "''", ""),
        ("update", "NEW", f"rtrim({changed}, ',')", f" WHEN {content_changed or '0'}"),
        ("delete", "OLD", "''", ""),
    ):
        name = f"audit_{table}_{action}"
        owner_values = f", {_sqlite_owner(link, row)}" if owners else ""
        statements.append(f"DROP TRIGGER IF EXISTS {name}")
        statements.append(
            f'CREATE TRIGGER {name} AFTER {action.upper()} ON "{table}"{condition} BEGIN '
            f"INSERT INTO {AUDIT_TABLE} (table_name, row_key, action, columns, changed_by, "
            f"changed_at{owner_columns}) VALUES ('{table}', {row}.\"{key}\", '{action}', "
            f"{names}, {who}, {when}{owner_values}); END"
        )
    return statements


def _sqlite_owner(link: ForeignKeyField | None, row: str) -> str:
    """The owner columns' values in a trigger: the record's table and the row's link to it."""
    if link is None:
        return "'', ''"
    return f"'{link.rel_model._meta.table_name}', CAST({row}.\"{link.column_name}\" AS TEXT)"


_SERVER_FUNCTION = """
CREATE OR REPLACE FUNCTION revmentor_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed TEXT := '';
    row_data JSONB := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT COALESCE(string_agg(new_value.key, ',' ORDER BY new_value.key), '') INTO changed
        FROM jsonb_each(to_jsonb(NEW)) AS new_value
        WHERE new_value.value IS DISTINCT FROM to_jsonb(OLD) -> new_value.key
          AND new_value.key <> '{version}';
        IF changed = '' THEN  -- only the version stepped: as on a data file, not a change
            RETURN NULL;
        END IF;
    END IF;
    INSERT INTO {audit} (table_name, row_key, action, columns, changed_by, changed_at{columns})
    VALUES (TG_TABLE_NAME, row_data ->> TG_ARGV[0], lower(TG_OP), changed, current_user,
            now() AT TIME ZONE 'UTC'{values});
    RETURN NULL;
END $$
"""
_SERVER_OWNER_COLUMNS = ", owner_table, owner_key"
_SERVER_OWNER_VALUES = ", TG_ARGV[1], COALESCE(row_data ->> TG_ARGV[2], '')"


def _install_server_triggers(database: PostgresqlDatabase, owners: bool) -> None:
    database.execute_sql(
        _SERVER_FUNCTION.format(
            version=VERSION_COLUMN,
            audit=AUDIT_TABLE,
            columns=_SERVER_OWNER_COLUMNS if owners else "",
            values=_SERVER_OWNER_VALUES if owners else "",
        )
    )
    for model in _audited_models():
        table = model._meta.table_name
        key = model._meta.primary_key.column_name
        link = owner_link(model)
        owner = f"'{link.rel_model._meta.table_name}', '{link.column_name}'" if link else "'', ''"
        database.execute_sql(f'DROP TRIGGER IF EXISTS audit_changes ON "{table}"')
        database.execute_sql(
            f'CREATE TRIGGER audit_changes AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION revmentor_audit('{key}', {owner})"
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
