"""Importing staff lists and enrolment-form answers: read → map → plan → apply.

``read_table_file`` detects the format; ``initial_mapping`` recognises (or remembers) what each
column holds; ``build_plan`` checks every row and shows every change without writing; and
``apply_plan`` writes it in one transaction after an automatic backup.
"""

from revmentor_desktop.domain.importing.apply import (
    BackupMaker,
    ImportResult,
    apply_plan,
    back_up_for,
    backup_before_import,
    write_plan,
)
from revmentor_desktop.domain.importing.changes import (
    ChangeKind,
    FieldChange,
    ImportOptions,
    ImportPlan,
    Record,
    RowProblem,
    problem_lines,
)
from revmentor_desktop.domain.importing.dates import DateOrder
from revmentor_desktop.domain.importing.encodings import encoding_label, source_description
from revmentor_desktop.domain.importing.errors import ImportFileError
from revmentor_desktop.domain.importing.mapping import (
    FIELD_LABELS,
    ColumnMapping,
    Field,
    guess_mapping,
    header_signature,
    initial_mapping,
    remember_mapping,
    remembered_mapping,
    sample_row,
)
from revmentor_desktop.domain.importing.plan import build_plan
from revmentor_desktop.domain.importing.reading import Row, Table, read_table, read_table_file

__all__ = [
    "FIELD_LABELS",
    "BackupMaker",
    "ChangeKind",
    "ColumnMapping",
    "DateOrder",
    "Field",
    "FieldChange",
    "ImportFileError",
    "ImportOptions",
    "ImportPlan",
    "ImportResult",
    "Record",
    "Row",
    "RowProblem",
    "Table",
    "apply_plan",
    "back_up_for",
    "backup_before_import",
    "build_plan",
    "encoding_label",
    "guess_mapping",
    "header_signature",
    "initial_mapping",
    "problem_lines",
    "read_table",
    "read_table_file",
    "remember_mapping",
    "remembered_mapping",
    "sample_row",
    "source_description",
    "write_plan",
]
