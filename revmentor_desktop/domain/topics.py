"""The built-in topic library: suggestions for skills, focus areas and session topics.

Plain data, no queries: the coordinator may always type a topic that is not listed here.
"""

from __future__ import annotations

from revmentor_desktop.domain.text import fold

# What a younger or more digital colleague typically teaches a senior one.
REVERSE_MENTORING_TOPICS: tuple[str, ...] = (
    "Digital collaboration tools",
    "Microsoft Teams",
    "Slack",
    "Miro",
    "Shared documents and co-editing",
    "Social media",
    "LinkedIn",
    "TikTok",
    "Instagram",
    "YouTube and short video",
    "Podcasts",
    "Messaging apps",
    "WhatsApp Business",
    "Crowdsourcing",
    "Generative AI tools",
    "Prompting AI assistants",
    "Online security",
    "Personal online security",
    "Spotting phishing",
    "Password managers",
    "What younger colleagues value at work",
    "Hybrid work",
    "Inclusion",
    "Digital accessibility",
    "Canva",
    "Personal branding online",
    "Online communities",
    "No-code automation",
    "Data visualisation",
    "Mobile productivity apps",
    "Sustainability at work",
    "Wellbeing and digital boundaries",
)

# What an experienced colleague typically teaches a less experienced one.
CLASSIC_TOPICS: tuple[str, ...] = (
    "Stakeholder management",
    "Negotiation",
    "Career planning",
    "Public speaking",
    "Leading meetings",
    "Navigating the organisation",
    "Giving feedback",
    "Receiving feedback",
    "Budgeting",
    "Financial acumen",
    "Strategic thinking",
    "Project management",
    "Leading a team",
    "Delegation",
    "Time management",
    "Conflict resolution",
    "Decision making",
    "Influencing without authority",
    "Managing upwards",
    "Business writing",
    "Presenting to senior leaders",
    "Building a professional network",
    "Coaching others",
    "Change management",
    "Interviewing and hiring",
    "Performance reviews",
    "Customer relationships",
    "Resilience",
    "Work–life balance",
    "Preparing for promotion",
)

ALL_TOPICS: tuple[str, ...] = tuple(dict.fromkeys(REVERSE_MENTORING_TOPICS + CLASSIC_TOPICS))

_FOLDED: tuple[tuple[str, str], ...] = tuple((fold(topic), topic) for topic in ALL_TOPICS)


def suggest(prefix: str, limit: int = 10) -> list[str]:
    """Topics matching what the coordinator typed, ignoring case and accents.

    Topics that start with ``prefix`` come first, then those containing it elsewhere; each
    group is in alphabetical order. An empty ``prefix`` suggests the start of the library.
    """
    if limit <= 0:
        return []
    needle = fold(" ".join(prefix.split()))
    if not needle:
        return list(ALL_TOPICS[:limit])
    starts = sorted((key, topic) for key, topic in _FOLDED if key.startswith(needle))
    contains = sorted(
        (key, topic) for key, topic in _FOLDED if needle in key and not key.startswith(needle)
    )
    return [topic for _, topic in (starts + contains)[:limit]]
