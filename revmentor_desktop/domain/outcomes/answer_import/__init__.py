"""Answers exported by an online form tool the organisation already has (Microsoft Forms,
Google Forms) as CSV or XLSX: read → map the columns to questions → plan → record.

The file is read as the staff-list import reads it (``importing.read_table_file``: encodings,
delimiters, XLSX). Each column heading is matched to a question's wording; the form tool's own
columns ("ID", "Start time", "Timestamp", …) are recognised and left out, except the e-mail
address, which matches each row to a person due the questionnaire in the cohort. The plan
checks every row and writes nothing; any row problem refuses the whole file unless the
coordinator skips the rows with problems. Recording re-checks the file in one transaction and
stores each row through ``forms.record_answers``, the one way answers are written.
"""

from revmentor_desktop.domain.outcomes.answer_import.checking import build_answer_plan
from revmentor_desktop.domain.outcomes.answer_import.columns import (
    EMAIL,
    EMAIL_LABEL,
    AnswerColumns,
    Target,
    heading_key,
    is_form_tool_column,
    suggested_columns,
    targets,
)
from revmentor_desktop.domain.outcomes.answer_import.plan import AnswerImportPlan, AnswerRow
from revmentor_desktop.domain.outcomes.answer_import.record import (
    AnswerImportResult,
    record_answer_import,
    refuse_unless_applicable,
)

__all__ = [
    "EMAIL",
    "EMAIL_LABEL",
    "AnswerColumns",
    "AnswerImportPlan",
    "AnswerImportResult",
    "AnswerRow",
    "Target",
    "build_answer_plan",
    "heading_key",
    "is_form_tool_column",
    "record_answer_import",
    "refuse_unless_applicable",
    "suggested_columns",
    "targets",
]
