"""Who may do what in a programme's server database, enforced by PostgreSQL itself.

Three group roles (NOLOGIN) per database, named after it so several programmes can share a
server: ``<database>_owner`` manages who belongs to the other two (it holds them WITH ADMIN
OPTION) and reads and writes everything; ``<database>_coordinator`` reads and writes the
programme; ``<database>_viewer`` only reads it (managers looking at the dashboard and reports).
People log in with roles of their own, which the administrator creates with their passwords;
``grant`` makes such a login role a member of a group.

A coordinator may be kept to the cohorts of one site: ``coordinator_site`` names the site of
each restricted login role, and row-level security on ``cohort`` and on every table hanging off
a cohort (directly, or through a pair or an outcome form) hides the other sites' rows. People
are shared by every site.

This is a set-up step run by the administrator (``revmentor --data URL roles setup``), not a
migration: roles belong to the whole server, creating them needs the CREATEROLE right that the
person upgrading a schema need not hold, and a copy or a backup of the programme must not carry
them along. Running it again (after an upgrade adds tables) brings the grants up to date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from peewee import PostgresqlDatabase

from revmentor_desktop.storage.models import ALL_MODELS, Cohort

SITE_TABLE = "coordinator_site"
MAX_ROLE_NAME = 63  # PostgreSQL's limit on a name


class Group(Enum):
    OWNER = "owner"
    COORDINATOR = "coordinator"
    VIEWER = "viewer"


GRANTABLE_GROUPS = (Group.COORDINATOR, Group.VIEWER)


class RoleProblem(Exception):
    """A roles request the server cannot carry out, in words for the administrator."""


@dataclass(frozen=True)
class ProgrammeRoles:
    """The names of one programme database's group roles."""

    database_name: str

    def name(self, group: Group) -> str:
        return f"{self.database_name}_{group.value}"

    @classmethod
    def of(cls, database_name: str) -> ProgrammeRoles:
        longest = max(len(group.value) for group in Group) + 1
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", database_name):
            raise RoleProblem(
                f"The database name {database_name!r} cannot name roles: use lower-case "
                "letters, digits and underscores only."
            )
        if len(database_name) + longest > MAX_ROLE_NAME:
            raise RoleProblem(
                f"The database name {database_name!r} is too long to name its roles: keep it "
                f"to {MAX_ROLE_NAME - longest} characters."
            )
        return cls(database_name)


def _tables_below(parent: str) -> dict[str, str]:
    """Each table with a link to ``parent``, and that link's column, read from the models."""
    return {
        model._meta.table_name: field.column_name
        for model in ALL_MODELS
        for field in model._meta.refs
        if field.rel_model._meta.table_name == parent
    }


# The tables a site restriction reaches: the cohorts themselves, what belongs to a cohort, and
# what belongs to those (a pair's sessions, goals and plan; a form's answers).
_COHORT_TABLE = Cohort._meta.table_name
_BELOW_COHORT = _tables_below(_COHORT_TABLE)


def _restricted_tables() -> dict[str, tuple[str, str]]:
    """table → (link column, the table it links to) for every table below a cohort."""
    reached: dict[str, tuple[str, str]] = {
        table: (column, _COHORT_TABLE) for table, column in _BELOW_COHORT.items()
    }
    for parent in list(_BELOW_COHORT):
        for table, column in _tables_below(parent).items():
            reached.setdefault(table, (column, parent))
    return reached


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _role_exists(database: PostgresqlDatabase, name: str) -> bool:
    row = database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
    return row is not None


def set_up(database: PostgresqlDatabase, database_name: str) -> ProgrammeRoles:
    """Create the three groups (when missing), grant each its rights on every table, and put
    the site restriction in place. Idempotent."""
    roles = ProgrammeRoles.of(database_name)
    owner, coordinator, viewer = (_quote(roles.name(group)) for group in Group)
    with database.atomic():
        for group in Group:
            if not _role_exists(database, roles.name(group)):
                database.execute_sql(f"CREATE ROLE {_quote(roles.name(group))} NOLOGIN")
        database.execute_sql(f"GRANT {coordinator}, {viewer} TO {owner} WITH ADMIN OPTION")
        _create_site_restriction(database)
        database.execute_sql(f"REVOKE ALL ON DATABASE {_quote(database_name)} FROM PUBLIC")
        everyone = f"{owner}, {coordinator}, {viewer}"
        statements = [
            f"GRANT CONNECT ON DATABASE {_quote(database_name)} TO {everyone}",
            f"GRANT USAGE ON SCHEMA public TO {everyone}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {coordinator}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {owner}, {coordinator}",
            f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {owner}",
            # What only the owner changes: the schema's version and who is kept to which site.
            f"REVOKE INSERT, UPDATE, DELETE ON schema_version, {SITE_TABLE} FROM {coordinator}",
            # The audit trail: their changes add to it (by trigger); nobody but the owner
            # rewrites it.
            f"REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM {coordinator}",
        ]
        for statement in statements:
            database.execute_sql(statement)
    return roles


def _create_site_restriction(database: PostgresqlDatabase) -> None:
    database.execute_sql(
        f"CREATE TABLE IF NOT EXISTS {SITE_TABLE} (role_name NAME PRIMARY KEY, site TEXT NOT NULL)"
    )
    # The site the current login is kept to, or NULL for one that sees every site.
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION revmentor_restricted_site() RETURNS TEXT "
        "LANGUAGE sql STABLE AS "
        f"$$ SELECT site FROM {SITE_TABLE} WHERE role_name = current_user $$"
    )
    # A restricted coordinator's new cohort belongs to their site.
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION revmentor_cohort_site() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN IF NEW.site = '' THEN NEW.site := COALESCE(revmentor_restricted_site(), ''); "
        "END IF; RETURN NEW; END $$"
    )
    database.execute_sql("DROP TRIGGER IF EXISTS cohort_site ON cohort")
    database.execute_sql(
        "CREATE TRIGGER cohort_site BEFORE INSERT ON cohort "
        "FOR EACH ROW EXECUTE FUNCTION revmentor_cohort_site()"
    )
    _restrict(
        database,
        _COHORT_TABLE,
        "revmentor_restricted_site() IS NULL OR site = revmentor_restricted_site()",
    )
    for table, (column, parent) in _restricted_tables().items():
        _restrict(database, table, f"{column} IS NULL OR {column} IN (SELECT id FROM {parent})")


def _restrict(database: PostgresqlDatabase, table: str, condition: str) -> None:
    """Row-level security on ``table``: only rows meeting ``condition`` are seen or written.
    The tables' owner (the administrator) is not held by it."""
    database.execute_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    database.execute_sql(f"DROP POLICY IF EXISTS site_restriction ON {table}")
    database.execute_sql(
        f"CREATE POLICY site_restriction ON {table} USING ({condition}) WITH CHECK ({condition})"
    )


def grant(
    database: PostgresqlDatabase,
    database_name: str,
    login_role: str,
    group: Group,
    site: str | None = None,
) -> None:
    """Make ``login_role`` a member of ``group``; a coordinator given a ``site`` sees only that
    site's cohorts, one given none sees them all."""
    roles = _checked(database, database_name, login_role)
    if site is not None and group is not Group.COORDINATOR:
        raise RoleProblem("Only a coordinator can be kept to a site; a viewer sees every site.")
    with database.atomic():
        database.execute_sql(f"GRANT {_quote(roles.name(group))} TO {_quote(login_role)}")
        if group is Group.COORDINATOR:
            _keep_to_site(database, login_role, site)


def revoke(database: PostgresqlDatabase, database_name: str, login_role: str, group: Group) -> None:
    """Take ``login_role`` out of ``group`` (and, for a coordinator, out of any site)."""
    roles = _checked(database, database_name, login_role)
    with database.atomic():
        database.execute_sql(f"REVOKE {_quote(roles.name(group))} FROM {_quote(login_role)}")
        if group is Group.COORDINATOR:
            _keep_to_site(database, login_role, None)


def _keep_to_site(database: PostgresqlDatabase, login_role: str, site: str | None) -> None:
    database.execute_sql(f"DELETE FROM {SITE_TABLE} WHERE role_name = %s", (login_role,))
    if site is not None:
        database.execute_sql(
            f"INSERT INTO {SITE_TABLE} (role_name, site) VALUES (%s, %s)", (login_role, site)
        )


def _checked(database: PostgresqlDatabase, database_name: str, login_role: str) -> ProgrammeRoles:
    roles = ProgrammeRoles.of(database_name)
    if not _role_exists(database, roles.name(Group.OWNER)):
        raise RoleProblem(
            f"The database {database_name} has no roles yet: set them up first with "
            "the roles setup command."
        )
    if not _role_exists(database, login_role):
        raise RoleProblem(
            f"There is no role {login_role!r} on this server. Create it first (with its "
            f"password), e.g. in psql: CREATE ROLE {login_role} LOGIN PASSWORD '…'"
        )
    return roles


@dataclass(frozen=True)
class Member:
    login_role: str
    group: Group
    site: str | None


def members(database: PostgresqlDatabase, database_name: str) -> list[Member]:
    """Everyone in one of the programme's groups, by group then name."""
    roles = ProgrammeRoles.of(database_name)
    by_name = {roles.name(group): group for group in Group}
    rows = database.execute_sql(
        "SELECT grp.rolname, member.rolname, site.site FROM pg_auth_members m "
        "JOIN pg_roles grp ON grp.oid = m.roleid JOIN pg_roles member ON member.oid = m.member "
        f"LEFT JOIN {SITE_TABLE} site ON site.role_name = member.rolname "
        "WHERE grp.rolname = ANY(%s) AND member.rolname <> ALL(%s) ORDER BY 1, 2",
        (list(by_name), list(by_name)),
    ).fetchall()
    order = list(Group)
    found = [Member(member, by_name[group], site) for group, member, site in rows]
    return sorted(found, key=lambda member: (order.index(member.group), member.login_role))
