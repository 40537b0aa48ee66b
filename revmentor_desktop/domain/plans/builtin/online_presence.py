"""Reverse mentoring's plans for being online well: a leader's public profile on social media,
online security and privacy, and accessible work."""

from __future__ import annotations

from revmentor_desktop.domain.plans.agenda import AgendaItem
from revmentor_desktop.domain.plans.session_plan import REVERSE, SessionPlan, Stage

SOCIAL_MEDIA = SessionPlan(
    key="social-media",
    title="Social media and a leader's public profile",
    stage=Stage.TOPIC,
    aim=(
        "Understand how colleagues, candidates and customers see a leader online, and decide "
        "together what, if anything, the mentee wants their public profile to say."
    ),
    mentor_prepares=(
        "Three public profiles of leaders (inside or outside the organisation) that work "
        "well, one that does not, and why; the organisation's social media policy."
    ),
    mentee_prepares=(
        "A look at your own public profile, if you have one, and a note of what you would "
        "like people to know about your work."
    ),
    agenda=(
        AgendaItem("What people see", 10, "Search the mentee's name together, if they agree."),
        AgendaItem(
            "Good examples",
            15,
            "Walk through the mentor's examples: tone, frequency, what gets replies.",
        ),
        AgendaItem(
            "What fits you",
            15,
            "Topics the mentee cares about and can speak on; what stays private.",
        ),
        AgendaItem("Settings", 10, "Who can see what: privacy settings and notifications."),
        AgendaItem(
            "One small post", 10, "Draft one post or profile change; nothing is published here."
        ),
    ),
    questions=(
        "Who would you most like to reach, and where do they spend time?",
        "What do you want to be known for at work?",
        "What would you never post, and who decides that?",
        "How much time a week is realistic for you?",
        "How do you respond to a critical comment?",
    ),
    keep_safe=(
        "Nothing is posted during the meeting, and the mentee decides what to publish, when and "
        "whether at all. Choosing not to be on social media is a valid answer. Look at public "
        "pages only; never log in to the mentee's account on the mentor's device or share a "
        "password."
    ),
    task=(
        "The mentee updates one part of their profile, or writes one post, and shares it "
        "if they wish."
    ),
    focus_areas=(
        "Social media",
        "LinkedIn",
        "Personal branding online",
        "TikTok",
        "Instagram",
        "YouTube and short video",
        "Online communities",
    ),
    cohort_kinds=REVERSE,
)

ONLINE_SECURITY = SessionPlan(
    key="online-security",
    title="Online security and privacy",
    stage=Stage.TOPIC,
    aim=(
        "Recognise the tricks attackers use on senior people, set up the protections that "
        "matter most, and know who to call when something looks wrong."
    ),
    mentor_prepares=(
        "Two or three recent phishing examples (the security team often shares them), how a "
        "password manager and two-step sign-in work, and the number for the IT help desk."
    ),
    mentee_prepares=(
        "A list of the accounts and devices you use for work, without passwords, and any "
        "message you were unsure about recently (a screenshot with names hidden)."
    ),
    agenda=(
        AgendaItem(
            "Why leaders are targets",
            10,
            "Fake invoices, urgent requests, messages from a false boss.",
        ),
        AgendaItem(
            "Spot the trick",
            15,
            "Look at example messages together: sender, link, urgency, tone.",
        ),
        AgendaItem(
            "Protections",
            20,
            "Two-step sign-in, a password manager, updates, a screen lock. Show how each "
            "works; the mentee sets them up later, on their own.",
        ),
        AgendaItem("What to do if", 10, "Who to call, what to report, what not to delete."),
        AgendaItem("Checklist", 5, "Agree the two protections the mentee turns on."),
    ),
    questions=(
        "Which of your accounts would hurt most if someone got in?",
        "How would you check that an urgent request really comes from who it says?",
        "What do you share publicly that could help someone guess your answers?",
        "Who do you call first if you clicked something you should not have?",
    ),
    keep_safe=(
        "Never share, type or show a password, a sign-in code or a recovery key, not even to "
        "your partner. Use example messages, not the mentee's inbox. Anyone can be fooled by "
        "a good phishing message: it is a trick, not a test of intelligence, and reporting "
        "one quickly is what counts."
    ),
    task="The mentee turns on two-step sign-in (or checks it is on) for one important account.",
    focus_areas=(
        "Online security",
        "Personal online security",
        "Spotting phishing",
        "Password managers",
    ),
    cohort_kinds=REVERSE,
)

ACCESSIBILITY = SessionPlan(
    key="accessibility",
    title="Accessibility: work everyone can use",
    stage=Stage.TOPIC,
    aim=(
        "See how colleagues and customers with disabilities use documents, meetings and "
        "websites, and make the mentee's own documents and meetings easier for everyone."
    ),
    mentor_prepares=(
        "A short demonstration of a screen reader or captions, and the accessibility checker "
        "in the office software the mentee uses."
    ),
    mentee_prepares=(
        "A document or slide deck of your own that you are happy to look at together, with "
        "anything confidential removed."
    ),
    agenda=(
        AgendaItem("Why it matters", 10, "Who is left out, often without anyone noticing."),
        AgendaItem(
            "See it in use",
            15,
            "Listen to a page with a screen reader; turn on captions in a call.",
        ),
        AgendaItem(
            "Check a document",
            20,
            "Run the checker on the mentee's document: headings, contrast, alt text.",
        ),
        AgendaItem("Meetings", 10, "Captions, slides sent beforehand, describing what is shown."),
        AgendaItem("One habit", 5, "The change the mentee will make from now on."),
    ),
    questions=(
        "Who might struggle with this document, and how would you know?",
        "What does your team do when someone asks for an adjustment?",
        "Which of your habits would be easy to change?",
        "Where could you ask for advice inside the organisation?",
    ),
    keep_safe=(
        "Talk about needs, never about named colleagues' conditions or health. Use your own "
        "documents, not someone else's. Nobody is expected to know this already: that is why "
        "you are looking at it together."
    ),
    task="The mentee runs the accessibility checker on the next document they send out.",
    focus_areas=("Digital accessibility", "Inclusion"),
    cohort_kinds=REVERSE,
)
