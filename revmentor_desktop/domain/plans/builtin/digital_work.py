"""Reverse mentoring's everyday digital tools, tried together on harmless tasks: AI assistants,
collaboration tools, hybrid meetings and dashboards."""

from __future__ import annotations

from revmentor_desktop.domain.plans.agenda import AgendaItem
from revmentor_desktop.domain.plans.session_plan import REVERSE, SessionPlan, Stage

# The safety note every practical digital session shares, in its own words per plan below.
_TEST_ACCOUNTS = (
    "Practise on a test account, a made-up document or public information only. Never share a "
    "password or a sign-in code, and never open someone's private messages, customer records "
    "or personal data to make a point: if an example needs real data, describe it instead."
)

GENERATIVE_AI = SessionPlan(
    key="generative-ai",
    title="Generative AI for everyday work",
    stage=Stage.TOPIC,
    aim=(
        "Try an AI assistant together on a real, harmless task, and agree where it helps, "
        "where it misleads, and what the organisation's rules allow."
    ),
    mentor_prepares=(
        "Two everyday tasks where you use an AI assistant (a summary, a first draft, an "
        "idea list), an example where it got something wrong, and the organisation's AI "
        "guidance if there is one."
    ),
    mentee_prepares=(
        "One routine piece of writing or thinking from your week that you would not mind "
        "handing to an assistant, with anything confidential taken out."
    ),
    agenda=(
        AgendaItem("Where we each stand", 10, "What you have tried, heard or worried about."),
        AgendaItem(
            "A live try",
            20,
            "The mentee types; the mentor only suggests. Ask, read the answer, ask again.",
        ),
        AgendaItem(
            "Checking the answer",
            10,
            "Find one claim to verify. Talk about made-up facts and sources.",
        ),
        AgendaItem(
            "What stays out",
            10,
            "Confidential, personal and customer data: what the rules say and why.",
        ),
        AgendaItem("One use to keep", 10, "Pick one task the mentee will try alone this week."),
    ),
    questions=(
        "Which part of your week feels most repetitive?",
        "How would you check an answer before relying on it?",
        "What would you never paste into an assistant, and why?",
        "Where could an assistant save your team time without lowering quality?",
        "What would you tell your team about using these tools?",
    ),
    keep_safe=(
        f"{_TEST_ACCOUNTS} Use only tools the organisation approves. The mentee drives the "
        "keyboard: doing it yourself is how it sticks, and there is no wrong prompt to try."
    ),
    task="The mentee uses the assistant for the one task you picked and brings the result.",
    focus_areas=("Generative AI tools", "Prompting AI assistants", "No-code automation"),
    cohort_kinds=REVERSE,
)

COLLABORATION_TOOLS = SessionPlan(
    key="collaboration-tools",
    title="Messaging and collaboration tools",
    stage=Stage.TOPIC,
    aim=(
        "Make the team's chat, shared documents and boards work for the mentee, and agree "
        "habits that keep messages from taking over the day."
    ),
    mentor_prepares=(
        "The three features you use most in the team's tools (channels, mentions, co-editing, "
        "boards) and the habits that keep your notifications under control."
    ),
    mentee_prepares=(
        "What annoys or puzzles you about the tools your team uses, and one piece of work "
        "that currently goes back and forth by e-mail."
    ),
    agenda=(
        AgendaItem(
            "How we each work", 10, "E-mail, chat, documents: what each of you uses and when."
        ),
        AgendaItem(
            "Hands on",
            20,
            "In a test channel or document: mentions, threads, co-editing, comments.",
        ),
        AgendaItem(
            "Taming notifications",
            10,
            "Quiet hours, status, which channels to mute and which to keep.",
        ),
        AgendaItem(
            "Move one piece of work",
            15,
            "Plan how the mentee's e-mail thread could live in a shared space.",
        ),
        AgendaItem("Wrap-up", 5, "What to try this week."),
    ),
    questions=(
        "Which messages need an answer today, and which can wait?",
        "What do your team's emoji reactions and quick replies mean to them?",
        "Where does the final version of a document live?",
        "When is a call better than a chat?",
    ),
    keep_safe=(
        f"{_TEST_ACCOUNTS} Use a test channel or a practice document. Different habits are "
        "not wrong habits: e-mail works, and the aim is choice, not conversion."
    ),
    task="The mentee runs one real conversation or document in the shared tool for a week.",
    focus_areas=(
        "Digital collaboration tools",
        "Microsoft Teams",
        "Slack",
        "Miro",
        "Shared documents and co-editing",
        "Messaging apps",
        "WhatsApp Business",
        "Mobile productivity apps",
    ),
    cohort_kinds=REVERSE,
)

HYBRID_WORK = SessionPlan(
    key="hybrid-work",
    title="Video meetings and hybrid work",
    stage=Stage.TOPIC,
    aim=(
        "Run video and hybrid meetings where people in the room and on screen take part "
        "equally, and talk about what hybrid work means to each of you."
    ),
    mentor_prepares=(
        "Tips from meetings that worked for you online: sound, camera, chat, hand raising, "
        "breakout rooms, and what remote colleagues wish leaders did."
    ),
    mentee_prepares=(
        "A recent meeting you chaired that mixed people in the room and online: what went "
        "well, what did not."
    ),
    agenda=(
        AgendaItem(
            "Our experiences",
            10,
            "What hybrid work feels like from each side of the screen.",
        ),
        AgendaItem(
            "The set-up",
            15,
            "Practise together: sound, camera, screen sharing, sharing one window only.",
        ),
        AgendaItem(
            "Chairing for everyone",
            15,
            "Bringing in remote voices, using the chat, closing with actions.",
        ),
        AgendaItem(
            "Boundaries",
            10,
            "Being reachable and switching off: what each of you expects.",
        ),
        AgendaItem("One change", 10, "Pick one thing the mentee changes in their next meeting."),
    ),
    questions=(
        "Who speaks least in your meetings, and why?",
        "What does a good remote day look like for you?",
        "What is the first thing people on screen miss?",
        "How do you know a hybrid meeting went well?",
    ),
    keep_safe=(
        "Share one window, not the whole screen, so no private message or document appears by "
        "accident. Practise in a meeting of your own, never in a colleague's. Preferences about "
        "office and home differ with life stage and caring duties: listen, don't judge."
    ),
    task="The mentee tries the chosen change in a real meeting and notes how it went.",
    focus_areas=("Hybrid work", "Wellbeing and digital boundaries", "Leading meetings"),
    cohort_kinds=REVERSE,
)

DATA_DASHBOARDS = SessionPlan(
    key="data-dashboards",
    title="Data and dashboards",
    stage=Stage.TOPIC,
    aim=(
        "Read a dashboard critically, ask the questions behind a chart, and try a simple "
        "analysis or chart on made-up figures."
    ),
    mentor_prepares=(
        "A dashboard or chart from public or sample data, and a small spreadsheet of "
        "made-up figures to play with."
    ),
    mentee_prepares=(
        "One report or dashboard you receive regularly and are not sure you read well "
        "(with confidential figures covered), and the decision it is meant to support."
    ),
    agenda=(
        AgendaItem("What decision?", 10, "Start from the decision the figures are for."),
        AgendaItem(
            "Reading a chart",
            15,
            "Axes, scales, averages, what is left out; where charts mislead.",
        ),
        AgendaItem(
            "Hands on",
            20,
            "Use the made-up spreadsheet: a filter, a sum, a simple chart.",
        ),
        AgendaItem("Good questions to ask", 10, "What to ask the team that builds the report."),
        AgendaItem("Next step", 5, "One report the mentee will read differently."),
    ),
    questions=(
        "What would change your mind in this chart?",
        "Where does this number come from, and how fresh is it?",
        "What is not shown here?",
        "Which chart would you show your board, and why?",
    ),
    keep_safe=(
        f"{_TEST_ACCOUNTS} Use sample or made-up figures, never a file with names or "
        "salaries. Not knowing a spreadsheet trick says nothing about judgement: the mentee "
        "brings the business questions, the mentor the tools."
    ),
    task="The mentee asks one of the agreed questions about a report they receive.",
    focus_areas=("Data visualisation", "Financial acumen", "Budgeting"),
    cohort_kinds=REVERSE,
)
