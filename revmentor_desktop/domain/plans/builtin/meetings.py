"""The meetings every pair has, whatever its topics: the first, the mid-point review and the
closing meeting."""

from __future__ import annotations

from revmentor_desktop.domain.plans.agenda import AgendaItem
from revmentor_desktop.domain.plans.session_plan import SessionPlan, Stage

FIRST_MEETING = SessionPlan(
    key="first-meeting",
    title="The first meeting: getting to know each other",
    stage=Stage.FIRST,
    aim=(
        "Get to know each other as people, agree how you will work together, and say what "
        "each of you hopes to get from the programme."
    ),
    mentor_prepares=(
        "Two or three things about your work and life you are happy to share, one thing you "
        "are curious to learn from your partner, and the days and times that suit you."
    ),
    mentee_prepares=(
        "Two or three things about your path so far, what made you join the programme, and "
        "one thing you hope to be able to do differently by the end."
    ),
    agenda=(
        AgendaItem(
            "Introductions",
            10,
            "Each of you: your role, how long you have been here, something outside work.",
        ),
        AgendaItem(
            "Why we joined",
            10,
            "What each of you hopes to learn and to give. Listen first, ask afterwards.",
        ),
        AgendaItem(
            "Ground rules",
            15,
            "Confidentiality, honesty, how to say 'I don't know', how to cancel, where to meet.",
        ),
        AgendaItem(
            "First goals",
            15,
            "One or two goals each, written in your own words. They can change later.",
        ),
        AgendaItem(
            "Dates and next steps",
            10,
            "Book the next meetings now and agree who sends the invitation.",
        ),
    ),
    questions=(
        "What made you say yes to this programme?",
        "What would make these meetings worth your time?",
        "How do you like to learn: by watching, trying, reading or talking it through?",
        "What should I do if I say something that does not land well?",
        "What is one thing you would like me to understand about your job?",
    ),
    keep_safe=(
        "What is said in these meetings stays between you unless you both agree otherwise; "
        "say it out loud today. Neither of you is being assessed. Asking a basic question is "
        "the point of the programme, never a weakness, and either partner can ask to slow "
        "down or change topic at any time."
    ),
    task=(
        "Each of you writes down your goals in one or two sentences and sends them to the "
        "other before the next meeting."
    ),
)

MIDPOINT_REVIEW = SessionPlan(
    key="midpoint-review",
    title="The mid-point review",
    stage=Stage.MIDPOINT,
    aim=(
        "Look back at the goals set at the first meeting, say honestly how the partnership "
        "is going, and adjust the plan for the second half."
    ),
    mentor_prepares=(
        "Your goals from the first meeting, what you have learned so far, and one thing you "
        "would like to do differently."
    ),
    mentee_prepares=(
        "Your goals from the first meeting, what you have tried since, and the topics you "
        "most want to cover in the remaining meetings."
    ),
    agenda=(
        AgendaItem("Goals, revisited", 15, "Read the goals aloud. Where is each of you now?"),
        AgendaItem(
            "What's working",
            10,
            "Meetings, topics, timing: what to keep.",
        ),
        AgendaItem(
            "What to change",
            15,
            "Honestly and kindly: pace, preparation, cancelled meetings, topics.",
        ),
        AgendaItem("The second half", 15, "Re-order or swap the remaining plan items."),
        AgendaItem("Dates", 5, "Confirm the remaining meetings."),
    ),
    questions=(
        "What have you done differently since we started?",
        "What has been most useful, and least useful?",
        "Is there something you have not felt able to say?",
        "What would make the second half better?",
    ),
    keep_safe=(
        "This is a review of the partnership, not of either person. Say what you need, not "
        "what the other did wrong. If something is not working, either of you can talk to the "
        "programme coordinator in confidence."
    ),
    task="Each of you updates your goals in writing and sends them to the other.",
)

CLOSING_MEETING = SessionPlan(
    key="closing-meeting",
    title="The closing meeting",
    stage=Stage.CLOSING,
    aim=(
        "Celebrate what you both learned, say thank you, and decide what happens next: keep "
        "in touch, pass it on, or close warmly."
    ),
    mentor_prepares=(
        "What you learned from your partner (yes, the mentor learns too), a moment you "
        "remember, and what you would tell the next cohort."
    ),
    mentee_prepares=(
        "What changed for you since the first meeting, one thing you now do differently, and "
        "what you would tell the next cohort."
    ),
    agenda=(
        AgendaItem("Looking back", 15, "The first meeting's goals: where did you get to?"),
        AgendaItem("What each of us learned", 15, "Both ways: every partner learns something."),
        AgendaItem(
            "Beyond the programme",
            15,
            "Staying in touch, passing it on, what the organisation could change.",
        ),
        AgendaItem("For the next cohort", 10, "Advice for future pairs and the coordinator."),
        AgendaItem("Thank you", 5, "Say it, and mean it."),
    ),
    questions=(
        "What are you proudest of from these meetings?",
        "What will you keep doing?",
        "What did you learn from me that surprised you?",
        "How shall we stay in touch, if we want to?",
    ),
    keep_safe=(
        "What was said stays confidential after the programme ends. The closing questionnaire "
        "goes to the coordinator, not to your partner. Ending is not failing: a good closing is "
        "part of a good partnership."
    ),
    task="Fill in the closing questionnaire, and send your partner a short note of thanks.",
)
