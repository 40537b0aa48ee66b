"""What an answer import would record, as the preview shows it: the rows that can be recorded
and the problems of the others, without writing."""

from __future__ import annotations

from dataclasses import dataclass, field

from revmentor_desktop.domain.importing.changes import ProblemLog
from revmentor_desktop.domain.importing.reading import Table
from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.answer_import.columns import (
    AnswerColumns,
    is_form_tool_column,
)
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.text import quoted
from revmentor_desktop.domain.vocabulary import plural


@dataclass(frozen=True)
class AnswerRow:
    """A row that can be recorded: whose answers, and what they are once checked."""

    line: int
    person_id: int
    person_name: str
    email: str
    values: dict[str, forms.AnswerValue]  # by item key, as they will be stored
    left_out: tuple[str, ...] = ()  # headings answered that are not on this person's form

    @property
    def answered(self) -> int:
        return sum(1 for value in self.values.values() if value is not None)

    def outline(self) -> str:
        """What the preview says the row records."""
        text = f"{self.person_name} <{self.email}>: {plural(self.answered, 'answer')}"
        if self.left_out:
            names = ", ".join(quoted(header) for header in self.left_out)
            text += f"; left out, not on their form: {names}"
        return text


@dataclass
class AnswerImportPlan:
    """Every row checked against the cohort, without writing."""

    table: Table
    cohort_id: int
    cohort_name: str
    questionnaire: Questionnaire
    columns: AnswerColumns
    file_problems: list[str] = field(default_factory=list)
    problems: ProblemLog = field(default_factory=ProblemLog)
    rows: list[AnswerRow] = field(default_factory=list)
    problem_lines: set[int] = field(default_factory=set)

    def can_apply(self, skip_invalid: bool = False) -> bool:
        return not self.file_problems and bool(self.rows) and (skip_invalid or not self.problems)

    @property
    def skipped(self) -> int:
        """The rows with problems (a row can have several)."""
        return len(self.problem_lines)

    @property
    def fingerprint(self) -> str:
        """Changes whenever a problem or an answer does: recording a plan whose fresh check
        differs from the preview writes nothing."""
        rows = [(row.line, row.person_id, sorted(row.values.items())) for row in self.rows]
        return repr((self.file_problems, self.problems.digest.hexdigest(), rows))

    def summary_lines(self) -> list[str]:
        """What the import will do, in sentences, then the columns it leaves out."""
        title = self.questionnaire.title.lower()
        people = plural(len(self.rows), "person", "people")
        lines = [f"Record the {title} answers of {people} in “{self.cohort_name}”."]
        if self.problems:
            rows = plural(self.skipped, "row")
            lines.append(
                f"{rows} {'has' if self.skipped == 1 else 'have'} problems: nothing is "
                "imported until they are corrected, or skipped."
            )
        headers = self.table.headers
        tool = [h for h, key in zip(headers, self.columns.targets, strict=False) if key is None]
        own = [h for h in tool if is_form_tool_column(h)]
        unmatched = [h for h in tool if not is_form_tool_column(h)]
        if own:
            names = ", ".join(quoted(h) for h in own)
            lines.append(f"Left out, the form tool's own columns: {names}.")
        if unmatched:
            names = ", ".join(quoted(h or "(no heading)") for h in unmatched)
            lines.append(f"Left out, not matched to a question: {names}.")
        return lines
