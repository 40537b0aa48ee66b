"""Cohorts (programme runs) and who takes part in them, in which role.

``records`` holds what the functions take and give; ``saving`` adds, loads, saves, deletes and
archives a cohort with its participants; ``participants`` enrols and withdraws people and lists
who takes part; ``listing`` finds and lists cohorts, with their counts and who is unpaired. The
names below are what callers use (``cohorts.add_cohort(...)``).
"""

from revmentor_desktop.domain.cohorts.listing import (
    cohort_names,
    find_cohort_id,
    list_cohorts,
    names_without_consent_by_cohort,
    running_cohorts,
    unpaired_names_by_cohort,
    unpaired_person_ids,
)
from revmentor_desktop.domain.cohorts.participants import (
    enrol,
    enrolment_refusal,
    enrolments_of,
    list_participants,
    pair_count,
    participant_rows,
    participation,
    role_label,
    withdraw,
    withdrawal_refusal,
)
from revmentor_desktop.domain.cohorts.records import (
    OPEN_STATUSES,
    CohortDraft,
    CohortRow,
    Enrolment,
    EnrolmentRow,
    ParticipantRow,
    get_cohort_model,
)
from revmentor_desktop.domain.cohorts.saving import (
    CohortContents,
    add_cohort,
    cohort_contents,
    delete_cohort,
    get_cohort,
    is_archived,
    load_cohort,
    set_archived,
    update_cohort,
    validate_cohort,
)

__all__ = [
    "OPEN_STATUSES",
    "CohortContents",
    "CohortDraft",
    "CohortRow",
    "Enrolment",
    "EnrolmentRow",
    "ParticipantRow",
    "add_cohort",
    "cohort_contents",
    "cohort_names",
    "delete_cohort",
    "enrol",
    "enrolment_refusal",
    "enrolments_of",
    "find_cohort_id",
    "get_cohort",
    "get_cohort_model",
    "is_archived",
    "list_cohorts",
    "list_participants",
    "load_cohort",
    "names_without_consent_by_cohort",
    "pair_count",
    "participant_rows",
    "participation",
    "role_label",
    "running_cohorts",
    "set_archived",
    "unpaired_names_by_cohort",
    "unpaired_person_ids",
    "update_cohort",
    "validate_cohort",
    "withdraw",
    "withdrawal_refusal",
]
