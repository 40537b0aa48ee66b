"""Importing staff lists and enrolment-form answers: read → map → plan → apply.

``read_table_file`` detects the format; ``initial_mapping`` recognises (or remembers) what each
column holds; ``build_plan`` checks every row and counts every change without writing (keeping
the first ones to show; ``planned_records`` lists them all); and ``apply_plan`` writes it in one
transaction after an automatic backup. Rows are read from the file in chunks each time, so the
memory an import needs hardly grows with the file.
"""

from revmentor_desktop.domain.importing.apply import (
    BackupMaker,
    ImportResult,
    apply_plan,
    back_up_for,
    write_plan,
)
from revmentor_desktop.domain.importing.changes import (
    ChangeKind,
    FieldChange,
    ImportOptions,
    ProblemLog,
    Record,
    RowProblem,
)
from revmentor_desktop.domain.importing.dates import DateOrder
from revmentor_desktop.domain.importing.encodings import encoding_label
from revmentor_desktop.domain.importing.errors import ImportFileError
from revmentor_desktop.domain.importing.mapping import (
    FIELD_LABELS,
    ColumnMapping,
    Field,
    column_named,
    field_named,
    guess_mapping,
    header_signature,
    initial_mapping,
    remember_mapping,
    remembered_mapping,
    sample_row,
)
from revmentor_desktop.domain.importing.plan import ImportPlan, build_plan, planned_records
from revmentor_desktop.domain.importing.reading import (
    Row,
    Rows,
    Table,
    read_table,
    read_table_file,
    source_description,
)

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
    "ProblemLog",
    "Record",
    "Row",
    "RowProblem",
    "Rows",
    "Table",
    "apply_plan",
    "back_up_for",
    "build_plan",
    "column_named",
    "encoding_label",
    "field_named",
    "guess_mapping",
    "header_signature",
    "initial_mapping",
    "planned_records",
    "read_table",
    "read_table_file",
    "remember_mapping",
    "remembered_mapping",
    "sample_row",
    "source_description",
    "write_plan",
]
