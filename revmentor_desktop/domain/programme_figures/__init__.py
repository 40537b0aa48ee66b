"""The programme figures: one set of numbers for the Programme view, the cohort report and
``revmentor figures``, so a PDF and the screen can never disagree.

``programme_figures(cohort_ids, period, clock)`` gathers them (see ``gather`` for how each is
counted); ``compare`` gives two selections side by side.
"""

from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.programme_figures.gather import (
    FUNNEL_STEPS,
    NO_REASON,
    compare,
    programme_figures,
)
from revmentor_desktop.domain.programme_figures.records import (
    CohortRef,
    Comparison,
    EndReason,
    EndReasons,
    Funnel,
    FunnelStep,
    HealthCount,
    HealthWeek,
    MonthFigures,
    ProgrammeFigures,
    Sessions,
    TopicCount,
    Topics,
)

__all__ = [
    "FUNNEL_STEPS",
    "NO_REASON",
    "CohortRef",
    "Comparison",
    "EndReason",
    "EndReasons",
    "Funnel",
    "FunnelStep",
    "HealthCount",
    "HealthWeek",
    "MonthFigures",
    "Period",
    "ProgrammeFigures",
    "Sessions",
    "TopicCount",
    "Topics",
    "compare",
    "programme_figures",
]
