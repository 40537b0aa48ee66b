"""The built-in session plans in the order the library lists them, and one found by its key.

The plans themselves are declared in ``builtin``, one module per family of plans.
"""

from __future__ import annotations

from revmentor_desktop.domain.plans.builtin.career_skills import (
    CAREER_PLANNING,
    NEGOTIATION,
    STAKEHOLDER_MANAGEMENT,
)
from revmentor_desktop.domain.plans.builtin.digital_work import (
    COLLABORATION_TOOLS,
    DATA_DASHBOARDS,
    GENERATIVE_AI,
    HYBRID_WORK,
)
from revmentor_desktop.domain.plans.builtin.meetings import (
    CLOSING_MEETING,
    FIRST_MEETING,
    MIDPOINT_REVIEW,
)
from revmentor_desktop.domain.plans.builtin.online_presence import (
    ACCESSIBILITY,
    ONLINE_SECURITY,
    SOCIAL_MEDIA,
)
from revmentor_desktop.domain.plans.builtin.workplace_culture import (
    FEEDBACK_UPWARD,
    HOW_DECISIONS_ARE_MADE,
    INCLUSION,
    YOUNGER_COLLEAGUES,
)
from revmentor_desktop.domain.plans.session_plan import SessionPlan

BUILTIN_PLANS: tuple[SessionPlan, ...] = (
    FIRST_MEETING,
    GENERATIVE_AI,
    SOCIAL_MEDIA,
    COLLABORATION_TOOLS,
    HYBRID_WORK,
    ONLINE_SECURITY,
    DATA_DASHBOARDS,
    ACCESSIBILITY,
    YOUNGER_COLLEAGUES,
    INCLUSION,
    FEEDBACK_UPWARD,
    HOW_DECISIONS_ARE_MADE,
    STAKEHOLDER_MANAGEMENT,
    CAREER_PLANNING,
    NEGOTIATION,
    MIDPOINT_REVIEW,
    CLOSING_MEETING,
)


def builtin_plan(key: str) -> SessionPlan | None:
    return next((plan for plan in BUILTIN_PLANS if plan.key == key), None)
