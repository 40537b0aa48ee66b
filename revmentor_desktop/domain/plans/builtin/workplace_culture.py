"""Plans about how the organisation works, seen from both ends of it: what younger colleagues
value, inclusion, feedback upward and how decisions are made."""

from __future__ import annotations

from revmentor_desktop.domain.plans.agenda import AgendaItem
from revmentor_desktop.domain.plans.session_plan import REVERSE, SessionPlan, Stage

YOUNGER_COLLEAGUES = SessionPlan(
    key="younger-colleagues",
    title="What younger colleagues value at work",
    stage=Stage.TOPIC,
    aim=(
        "Hear, first-hand and without a filter, what early-career colleagues look for in a "
        "job, a manager and an organisation, and what makes them stay or leave."
    ),
    mentor_prepares=(
        "Your own view, and if you can, two or three friends' or colleagues' views (without "
        "names) on what makes a good first years at work: learning, feedback, flexibility, "
        "purpose, pay."
    ),
    mentee_prepares=(
        "What you valued at the same stage of your career, and a question you have always "
        "wanted to ask a younger colleague but never had the chance to."
    ),
    agenda=(
        AgendaItem("Then and now", 10, "What each of you looked for in your first job."),
        AgendaItem(
            "What matters",
            20,
            "The mentor's view: growth, feedback, flexibility, purpose, fairness.",
        ),
        AgendaItem(
            "Stay or leave",
            15,
            "What makes people stay here, what makes them look elsewhere.",
        ),
        AgendaItem("What a leader can do", 10, "One practical idea for the mentee's own team."),
        AgendaItem("Wrap-up", 5, "What surprised each of you."),
    ),
    questions=(
        "What does a good manager do in your first year?",
        "How often would you like feedback, and in what form?",
        "What would make you recommend working here to a friend?",
        "What do leaders assume about younger colleagues that is not true?",
    ),
    keep_safe=(
        "Speak about views and experiences, never about named colleagues or a manager who is "
        "not in the room. The mentor speaks for themselves, not for a whole generation. "
        "Differences are something to understand, not a score: neither side has it wrong."
    ),
    task=(
        "The mentee asks one early-career colleague in their own team what they value, and listens."
    ),
    focus_areas=(
        "What younger colleagues value at work",
        "Wellbeing and digital boundaries",
        "Sustainability at work",
        "Hybrid work",
    ),
    cohort_kinds=REVERSE,
)

INCLUSION = SessionPlan(
    key="inclusion",
    title="Inclusion: whose voice is heard",
    stage=Stage.TOPIC,
    aim=(
        "Look at everyday moments (meetings, hiring, who gets stretch work) through your "
        "partner's eyes, and find one habit that makes the mentee's team more inclusive."
    ),
    mentor_prepares=(
        "One or two moments at work when you felt included or left out, that you are "
        "comfortable sharing, and what made the difference."
    ),
    mentee_prepares=(
        "How decisions about meetings, projects and promotions are made in your team, and "
        "who tends to speak or be picked."
    ),
    agenda=(
        AgendaItem("Agreeing how we talk", 5, "Either of you can pause or move on at any time."),
        AgendaItem(
            "Stories",
            20,
            "The mentor's moments; the mentee listens and asks, without explaining them away.",
        ),
        AgendaItem(
            "The mentee's team",
            15,
            "Who speaks, who is asked, who gets the visible work.",
        ),
        AgendaItem(
            "Small habits",
            15,
            "Practical changes: rotating who chairs, asking quieter people first.",
        ),
        AgendaItem("One habit to try", 5, "Agree the one the mentee starts with."),
    ),
    questions=(
        "When did you last feel you did not quite belong, and what helped?",
        "Who in your team might not feel able to disagree with you?",
        "What would an outsider notice first about how your meetings run?",
        "How would you know if your change made a difference?",
    ),
    keep_safe=(
        "Nobody has to share anything personal. Talk about situations, not about named "
        "colleagues. The mentee is here to listen and learn, not to be accused; the mentor is "
        "not asked to represent any group. Either of you may stop a topic without explaining."
    ),
    task="The mentee tries the chosen habit in two meetings and notices what changes.",
    focus_areas=("Inclusion", "Digital accessibility", "What younger colleagues value at work"),
    cohort_kinds=REVERSE,
)

FEEDBACK_UPWARD = SessionPlan(
    key="feedback-upward",
    title="Giving feedback upward",
    stage=Stage.TOPIC,
    aim=(
        "Practise giving and receiving honest feedback across levels: the mentor says what "
        "they see, the mentee shows how a leader can make that safe and useful."
    ),
    mentor_prepares=(
        "One observation about the mentee's way of working that could help them (something "
        "you saw in these meetings or in their public work), phrased as what you saw and its "
        "effect."
    ),
    mentee_prepares=(
        "A time someone more junior told you something hard to hear: how they did it and how "
        "you reacted. How you would like to receive feedback."
    ),
    agenda=(
        AgendaItem("Why it's hard", 10, "What makes feedback to a senior person risky."),
        AgendaItem(
            "A simple shape",
            10,
            "What I saw, its effect, a question. Try it on a neutral example first.",
        ),
        AgendaItem(
            "The real thing",
            20,
            "The mentor gives their observation; the mentee listens, thanks, asks.",
        ),
        AgendaItem(
            "Making it safe in your team",
            15,
            "How the mentee can invite feedback from their own reports.",
        ),
        AgendaItem("Close", 5, "How did that feel, on both sides?"),
    ),
    questions=(
        "How would you like to hear something you may not want to hear?",
        "What do you do in the first ten seconds after criticism?",
        "Who in your team would tell you if something was wrong?",
        "What would make it easier for them?",
    ),
    keep_safe=(
        "The mentee asks for the feedback and says how they want it; the mentor may decline. "
        "Feedback is about one piece of work or behaviour, never about the person, and nothing "
        "said today reaches either partner's manager or any review. Thank, don't defend."
    ),
    task="The mentee asks one person in their own team for one piece of feedback, and thanks them.",
    focus_areas=("Giving feedback", "Receiving feedback", "Managing upwards"),
)

HOW_DECISIONS_ARE_MADE = SessionPlan(
    key="how-decisions-are-made",
    title="How decisions are made here",
    stage=Stage.TOPIC,
    aim=(
        "A session for the junior partner: the senior partner explains how decisions are "
        "really made in the organisation, who is consulted, and how to get an idea heard."
    ),
    mentor_prepares=(
        "An idea or proposal you have, or have seen stall, and your questions about how "
        "budgets, priorities and approvals work."
    ),
    mentee_prepares=(
        "A decision you were part of recently (nothing confidential): who was involved, what "
        "moved it forward, what nearly stopped it."
    ),
    agenda=(
        AgendaItem("A decision, told", 15, "The mentee walks through a real, shareable decision."),
        AgendaItem(
            "The map",
            15,
            "Formal and informal routes: committees, budgets, the people consulted first.",
        ),
        AgendaItem(
            "The mentor's idea",
            20,
            "How to shape it, who to talk to first, how to write the one-page case.",
        ),
        AgendaItem("Next step", 10, "Who the mentor will talk to, and when."),
    ),
    questions=(
        "Who needs to hear about an idea before it reaches a meeting?",
        "What makes a proposal easy to say yes to?",
        "When is the right time in the year to ask for budget?",
        "What did you wish you had known at my stage?",
    ),
    keep_safe=(
        "Talk about processes and roles, not gossip about named people; keep confidential "
        "decisions out. The junior partner's questions are welcome, however basic: the aim is "
        "to open doors, not to test what they already know."
    ),
    task="The mentor has the first conversation about their idea with the person you agreed on.",
    focus_areas=(
        "Navigating the organisation",
        "Decision making",
        "Influencing without authority",
        "Strategic thinking",
    ),
    cohort_kinds=REVERSE,
)
