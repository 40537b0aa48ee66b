"""What an import will do and what it did, in sentences: "Enrol 24 people in “Reverse 2026”
as mentee." The wizard's preview and result pages show them; the counts come from the plan and
the result, the role words from the cohort (its own labels, or its kind's for a new one).
"""

from __future__ import annotations

from collections.abc import Mapping

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.importing.apply import ImportResult
from revmentor_desktop.domain.importing.plan import ImportPlan
from revmentor_desktop.domain.vocabulary import CohortKind, Role, agree, plural


def role_labels(cohort_id: int | None, kind: str) -> tuple[str, str]:
    """The cohort's words for its mentor and mentee roles; for a cohort not made yet, those
    its kind starts with."""
    if cohort_id is not None:
        cohort = cohorts.get_cohort_model(cohort_id)
        return cohort.mentor_label, cohort.mentee_label
    return CohortKind(kind).default_role_labels


def role_words(role: str, labels: tuple[str, str]) -> str:
    """A role inside a sentence: "reverse mentor", "mentee" (an acronym keeps its capitals)."""
    mentor, mentee = (_inside_sentence(label) for label in labels)
    return cohorts.role_label(role, mentor, mentee)


def _inside_sentence(label: str) -> str:
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def enrolment_sentence(
    verb: str, cohort_name: str, counts: Mapping[str, int], labels: tuple[str, str]
) -> str:
    """ "Enrol 24 people in “Reverse 2026” as mentee.", or with several roles
    "Enrolled 43 people in “Reverse 2026”: 20 as reverse mentor, 23 as mentee."."""
    roles = [(role.value, counts[role.value]) for role in Role if counts.get(role.value)]
    people = plural(sum(number for _role, number in roles), "person")
    if len(roles) == 1:
        return f"{verb} {people} in “{cohort_name}” as {role_words(roles[0][0], labels)}."
    each = ", ".join(f"{number:,} as {role_words(role, labels)}" for role, number in roles)
    return f"{verb} {people} in “{cohort_name}”: {each}."


def planned_people(plan: ImportPlan) -> str:
    """What the import will do to people: "Add 48 people and update 3. 12 are already up to
    date." (rows with problems are listed apart)."""
    changes = []
    if plan.added:
        changes.append(f"add {plural(plan.added, 'person')}")
    if plan.updated:
        changes.append(f"update {plural(plan.updated, 'person')}")
    sentence = " and ".join(changes).capitalize() + "." if changes else "Nobody to add or update."
    if plan.unchanged:
        up_to_date = agree("are already up to date", plan.unchanged)
        sentence += f" {plural(plan.unchanged, 'person')} {up_to_date}."
    return sentence


def planned_enrolments(plan: ImportPlan) -> str:
    """What the import will enrol, or "" when it enrols nobody."""
    counts = plan.enrolments
    name = plan.options.cohort_name.strip()
    if not name or not counts:
        return ""
    labels = role_labels(plan.cohort_id, plan.options.cohort_kind)
    return enrolment_sentence("Enrol", name, counts, labels)


def result_lines(result: ImportResult) -> list[str]:
    """What the import created and changed, a line for people, skipped rows, the cohort and
    the enrolments."""
    lines = [
        f"People: {result.added:,} added, {result.updated:,} updated, "
        f"{result.unchanged:,} already up to date."
    ]
    if result.skipped:
        lines.append(f"Skipped: {plural(result.skipped, 'row')} with problems, not imported.")
    if result.cohort_id is None:
        return lines
    cohort = cohorts.get_cohort_model(result.cohort_id)
    if result.cohort_created:
        lines.append(f"Cohort “{cohort.name}” created, for {cohort.kind} mentoring.")
    if result.enrolled:
        labels = (cohort.mentor_label, cohort.mentee_label)
        lines.append(enrolment_sentence("Enrolled", cohort.name, dict(result.enrolled), labels))
    return lines
