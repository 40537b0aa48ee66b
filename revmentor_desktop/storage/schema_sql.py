"""The SQL of each schema version, in SQLite's words (``dialect.server_dialect`` restates it
for PostgreSQL). ``migrations.py`` runs them in order; a text here never changes once released,
since files out there are at each of these versions.
"""

SCHEMA_1 = """
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    search_key TEXT NOT NULL DEFAULT '',
    email TEXT,
    email_key TEXT UNIQUE,
    department TEXT NOT NULL DEFAULT '',
    job_title TEXT NOT NULL DEFAULT '',
    manager_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
    hire_date DATE,
    grade INTEGER,
    location TEXT NOT NULL DEFAULT '',
    meeting_format VARCHAR(255) NOT NULL DEFAULT 'either',
    consent_date DATE,
    archived INTEGER NOT NULL DEFAULT 0,
    coordinator_notes TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE INDEX person_manager_id ON person (manager_id);
CREATE INDEX person_name ON person (name);
CREATE TABLE skill (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    direction VARCHAR(255) NOT NULL,
    name TEXT NOT NULL
);
CREATE UNIQUE INDEX skill_person_id_direction_name ON skill (person_id, direction, name);
CREATE TABLE cohort (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind VARCHAR(255) NOT NULL,
    start_date DATE,
    end_date DATE,
    cadence_days INTEGER NOT NULL DEFAULT 21,
    session_minutes INTEGER NOT NULL DEFAULT 60,
    mentor_label TEXT NOT NULL DEFAULT 'Mentor',
    mentee_label TEXT NOT NULL DEFAULT 'Mentee',
    archived INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);
CREATE TABLE participation (
    id INTEGER PRIMARY KEY,
    cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role VARCHAR(255) NOT NULL,
    capacity INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX participation_cohort_id_person_id ON participation (cohort_id, person_id);
CREATE INDEX participation_person_id ON participation (person_id);
CREATE TABLE pair (
    id INTEGER PRIMARY KEY,
    cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    mentee_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    direction VARCHAR(255) NOT NULL,
    status VARCHAR(255) NOT NULL DEFAULT 'proposed',
    end_reason TEXT NOT NULL DEFAULT '',
    start_date DATE,
    end_date DATE,
    focus_areas TEXT NOT NULL DEFAULT '[]',
    agreement_signed DATE,
    coordinator_notes TEXT NOT NULL DEFAULT '',
    shared_summary TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE INDEX pair_cohort_id ON pair (cohort_id);
CREATE INDEX pair_mentor_id ON pair (mentor_id);
CREATE INDEX pair_mentee_id ON pair (mentee_id);
CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,
    owner VARCHAR(255) NOT NULL DEFAULT 'mentee',
    description TEXT NOT NULL,
    progress INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX goal_pair_id ON goal (pair_id);
CREATE TABLE session (
    id INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,
    starts_at DATETIME NOT NULL,
    duration_minutes INTEGER NOT NULL DEFAULT 60,
    meeting_format VARCHAR(255) NOT NULL DEFAULT 'in person',
    status VARCHAR(255) NOT NULL DEFAULT 'planned',
    cancelled_by VARCHAR(255) NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '[]',
    mentor_takeaways TEXT NOT NULL DEFAULT '',
    mentee_takeaways TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_pair_id ON session (pair_id);
CREATE INDEX session_starts_at ON session (starts_at);
"""

SCHEMA_2 = """
ALTER TABLE person ADD COLUMN consent_wording TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
CREATE TABLE erasure (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL,
    erased_at DATETIME NOT NULL
)
"""


SCHEMA_3 = """
CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE pair_constraint (
    id INTEGER PRIMARY KEY,
    cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    mentee_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind VARCHAR(255) NOT NULL
);
CREATE UNIQUE INDEX pair_constraint_cohort_id_mentor_id_mentee_id
    ON pair_constraint (cohort_id, mentor_id, mentee_id)
"""


SCHEMA_4 = """
CREATE INDEX session_pair_id_status_starts_at ON session (pair_id, status, starts_at);
CREATE INDEX session_status_pair_id_starts_at ON session (status, pair_id, starts_at)
"""


# The people list is ordered by name and filtered on the folded search text: holding both in one
# index lets SQLite answer a keystroke from the index alone instead of visiting every row.
SCHEMA_5 = """
CREATE INDEX person_name_archived_search_key ON person (name, archived, search_key);
DROP INDEX person_name
"""


# Lists name people by a label that tells namesakes apart (domain/namesakes.py): holding the
# department and job title beside the name lets SQLite compare a person with everyone of the
# same name from the index alone, for each row of a list.
SCHEMA_6 = """
CREATE INDEX person_name_department_job_title ON person (name, department, job_title)
"""


# Outcomes (domain/outcomes): the coordinator's changes to the built-in questionnaires and the
# questions they add, each cohort's check-in dates, the forms issued to people and their answers.
# An answer keeps the wording it was asked in, so rewording a question never rewrites history.
SCHEMA_7 = """
CREATE TABLE question (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    questionnaire VARCHAR(255) NOT NULL,
    wording TEXT NOT NULL DEFAULT '',
    answer_kind VARCHAR(255) NOT NULL DEFAULT '',
    roles TEXT NOT NULL DEFAULT '[]',
    cohort_kinds TEXT NOT NULL DEFAULT '[]',
    position INTEGER,
    retired INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);
CREATE TABLE check_in_date (
    id INTEGER PRIMARY KEY,
    cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    questionnaire VARCHAR(255) NOT NULL,
    due_date DATE NOT NULL
);
CREATE UNIQUE INDEX check_in_date_cohort_id_questionnaire
    ON check_in_date (cohort_id, questionnaire);
CREATE TABLE outcome_form (
    id INTEGER PRIMARY KEY,
    questionnaire VARCHAR(255) NOT NULL,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    pair_id INTEGER REFERENCES pair (id) ON DELETE SET NULL,
    role VARCHAR(255) NOT NULL,
    due_date DATE,
    token TEXT NOT NULL UNIQUE,
    issued_at DATETIME,
    returned_at DATETIME,
    channel VARCHAR(255) NOT NULL DEFAULT '',
    handled_at DATETIME,
    created_at DATETIME NOT NULL
);
CREATE INDEX outcome_form_person_id ON outcome_form (person_id);
CREATE INDEX outcome_form_cohort_id_questionnaire ON outcome_form (cohort_id, questionnaire);
CREATE INDEX outcome_form_pair_id ON outcome_form (pair_id);
CREATE TABLE answer (
    id INTEGER PRIMARY KEY,
    form_id INTEGER NOT NULL REFERENCES outcome_form (id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,
    wording TEXT NOT NULL,
    answer_kind VARCHAR(255) NOT NULL,
    dimension TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    number INTEGER,
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX answer_form_id ON answer (form_id)
"""


# Session plans (domain/plans): the coordinator's own plans and their changes to the built-in
# ones (a row per changed or added plan, with its agenda), and each pair's plan: the plans in
# the pair's order, and the session that took each one up.
SCHEMA_8 = """
CREATE TABLE plan (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    stage VARCHAR(255) NOT NULL DEFAULT 'topic',
    aim TEXT NOT NULL DEFAULT '',
    mentor_prepares TEXT NOT NULL DEFAULT '',
    mentee_prepares TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '[]',
    keep_safe TEXT NOT NULL DEFAULT '',
    task TEXT NOT NULL DEFAULT '',
    focus_areas TEXT NOT NULL DEFAULT '[]',
    cohort_kinds TEXT NOT NULL DEFAULT '[]',
    position INTEGER,
    retired INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);
CREATE TABLE plan_agenda_item (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    share INTEGER NOT NULL
);
CREATE INDEX plan_agenda_item_plan_id ON plan_agenda_item (plan_id);
CREATE TABLE pair_plan_item (
    id INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,
    plan_key TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    session_id INTEGER REFERENCES session (id) ON DELETE SET NULL
);
CREATE INDEX pair_plan_item_pair_id ON pair_plan_item (pair_id);
CREATE INDEX pair_plan_item_session_id ON pair_plan_item (session_id)
"""


# Messages to participants (domain/messages): which e-mail draft was prepared for whom and
# when, shown in the pair's history.
SCHEMA_9 = """
CREATE TABLE prepared_message (
    id INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
    role VARCHAR(255) NOT NULL,
    template TEXT NOT NULL,
    prepared_at DATETIME NOT NULL
);
CREATE INDEX prepared_message_pair_id ON prepared_message (pair_id);
CREATE INDEX prepared_message_person_id ON prepared_message (person_id)
"""


# Sites (storage/server_roles.py): a server may restrict a coordinator to the cohorts of their site.
# The audit trail (storage/audit.py): row ids and column names only, never values.
SCHEMA_11 = """
ALTER TABLE cohort ADD COLUMN site TEXT NOT NULL DEFAULT '';
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_key TEXT NOT NULL,
    action VARCHAR(255) NOT NULL,
    columns TEXT NOT NULL DEFAULT '',
    changed_by TEXT NOT NULL DEFAULT '',
    changed_at DATETIME NOT NULL
);
CREATE INDEX audit_table_name_row_key ON audit (table_name, row_key)
"""


# The audit trail names, beside a row of a table that belongs to a person (their skills,
# enrolments, forms), the person it belongs to: their history shows those changes too.
SCHEMA_12 = """
ALTER TABLE audit ADD COLUMN owner_table TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN owner_key TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_owner_table_owner_key ON audit (owner_table, owner_key)
"""


# The people list's indexes on a server (migration 13; a data file needs no change). An SQLite
# index holds each row's id (its rowid) beside the indexed columns, so the indexes of versions 5
# and 6 answer the list's page, its search and each row's namesakes from the index alone. A
# PostgreSQL index holds only a pointer to the row, so the server visited every row they found:
# these also carry the id (and what the search reads), for the same index-only answers.
SERVER_SCHEMA_13 = """
DROP INDEX person_name_archived_search_key;
CREATE INDEX person_name_id_archived_search_key
    ON person (name, id) INCLUDE (archived, search_key);
DROP INDEX person_name_department_job_title;
CREATE INDEX person_name_department_job_title_id
    ON person (name, department, job_title) INCLUDE (id)
"""
