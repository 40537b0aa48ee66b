"""The programme figures: one set of numbers for the Programme view, the cohort report and
``revmentor figures``, so a PDF and the screen can never disagree.

``programme_figures(cohort_ids, period, clock)`` gathers them (see ``gather`` for how each is
counted); ``compare`` gives two selections side by side; ``figure_rows`` flattens them to one
row per number (the CSV, a copied table) and ``figures_record`` to plain data (JSON).
"""

from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.programme_figures.gather import (
    FUNNEL_STEPS,
    NO_REASON,
    compare,
    figures_before_outcomes,
    programme_figures,
    with_outcomes,
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
from revmentor_desktop.domain.programme_figures.rows import (
    HEADERS,
    FigureRow,
    figure_rows,
    figures_record,
    side_by_side,
)
from revmentor_desktop.domain.programme_figures.selection import (
    CohortChoice,
    cohorts_newest_first,
)

__all__ = [
    "FUNNEL_STEPS",
    "HEADERS",
    "NO_REASON",
    "CohortChoice",
    "CohortRef",
    "Comparison",
    "EndReason",
    "EndReasons",
    "FigureRow",
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
    "cohorts_newest_first",
    "compare",
    "figure_rows",
    "figures_before_outcomes",
    "figures_record",
    "programme_figures",
    "side_by_side",
    "with_outcomes",
]
