"""Privacy tools: consent, access requests, erasure (re-applied after restores) and retention.

Erasure keeps the person's row as an anonymous placeholder ("Erased person #3") so pairs,
sessions and cohort counts stay correct for statistics, and removes everything personal: the
person's fields, skills, goals, notes and takeaways. The bytes are then scrubbed from the file
(secure_delete is on; a checkpoint and VACUUM rewrite what is left). The Erasure table records
only the row number and the time, so a restored older backup can be erased again.
"""

from revmentor_desktop.domain.privacy.access import access_export, access_export_csv
from revmentor_desktop.domain.privacy.common import PLACEHOLDER_PREFIX
from revmentor_desktop.domain.privacy.consent import (
    PersonBrief,
    consent_wording_version,
    find_person_id,
    people_without_consent,
    person_ids_without_consent,
    record_consent,
)
from revmentor_desktop.domain.privacy.erasure import (
    ErasureRecord,
    ErasureResult,
    carry_erasures_over,
    erase_person,
    erasure_log,
    holds_erased_person,
    is_erased,
    reapply_erasures,
)
from revmentor_desktop.domain.privacy.retention import (
    RetentionCandidate,
    people_due_for_erasure,
    retention_months,
    set_retention_months,
)

__all__ = [
    "PLACEHOLDER_PREFIX",
    "ErasureRecord",
    "ErasureResult",
    "PersonBrief",
    "RetentionCandidate",
    "access_export",
    "access_export_csv",
    "carry_erasures_over",
    "consent_wording_version",
    "erase_person",
    "erasure_log",
    "find_person_id",
    "holds_erased_person",
    "is_erased",
    "people_due_for_erasure",
    "people_without_consent",
    "person_ids_without_consent",
    "reapply_erasures",
    "record_consent",
    "retention_months",
    "set_retention_months",
]
