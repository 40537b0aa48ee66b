"""Everything the printed documents show, gathered into frozen dataclasses.

The documents in ``revmentor_desktop.reports`` take only these objects: no queries and no
widgets reach them. Figures are computed here once, with their definitions written next to
them, so the documents, the tests and any screen that shows the same figure agree.
"""

from revmentor_desktop.domain.report_data.cohort import (
    cohort_report,
)
from revmentor_desktop.domain.report_data.common import (
    MONTHS_SHOWN,
    NO_DATE,
    NOT_SET_FACT,
    PAGE_SIZES,
    TOP_TOPICS,
    cadence_phrase,
    date_range,
    meeting_format_phrase,
    month_label,
    page_size_setting,
    paper_for_locale,
    percent,
    review_date,
    sessions_due,
    sessions_in_term,
    system_locale_name,
)
from revmentor_desktop.domain.report_data.pair_documents import (
    agreement_for_pair,
    agreements_for_cohort,
    kind_label,
    letterhead,
    pair_summary,
)
from revmentor_desktop.domain.report_data.records import (
    AgreementBatch,
    AgreementClause,
    AgreementData,
    AttentionLine,
    ClauseBlock,
    CohortFigures,
    CohortReportData,
    CountLine,
    DepartmentLine,
    GoalLine,
    Letterhead,
    MonthCount,
    PairLine,
    PairSummaryData,
    PartyInfo,
    SessionLine,
)

__all__ = [
    "MONTHS_SHOWN",
    "NOT_SET_FACT",
    "NO_DATE",
    "PAGE_SIZES",
    "TOP_TOPICS",
    "AgreementBatch",
    "AgreementClause",
    "AgreementData",
    "AttentionLine",
    "ClauseBlock",
    "CohortFigures",
    "CohortReportData",
    "CountLine",
    "DepartmentLine",
    "GoalLine",
    "Letterhead",
    "MonthCount",
    "PairLine",
    "PairSummaryData",
    "PartyInfo",
    "SessionLine",
    "agreement_for_pair",
    "agreements_for_cohort",
    "cadence_phrase",
    "cohort_report",
    "date_range",
    "kind_label",
    "letterhead",
    "meeting_format_phrase",
    "month_label",
    "page_size_setting",
    "pair_summary",
    "paper_for_locale",
    "percent",
    "review_date",
    "sessions_due",
    "sessions_in_term",
    "system_locale_name",
]
