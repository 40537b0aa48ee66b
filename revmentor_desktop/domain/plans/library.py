"""The built-in session plans, written for this app: one meeting each, ready to print.

Plain data, no queries. The coordinator's edits, additions, duplicates and retirements are
stored in the data file and merged over these (``catalogue``). A plan's ``key`` is stable:
pairs' plans refer to it, so rewording a plan never breaks a pair's plan.

The words follow three rules. The senior partner is never made to feel judged: a gap in what
they know is the reason for the programme, not a failing. Practice happens on test accounts
and made-up data: nobody shares a password, a private message or a customer's data to learn.
And each partner leaves with one small, concrete thing to try.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from revmentor_desktop.domain.plans.agenda import AgendaItem
from revmentor_desktop.domain.vocabulary import CohortKind


class Stage(StrEnum):
    """Where a plan sits in a pair's plan: the first meeting, the closing one, or between."""

    FIRST = "first"
    TOPIC = "topic"
    MIDPOINT = "midpoint"
    CLOSING = "closing"

    @property
    def label(self) -> str:
        return {
            Stage.FIRST: "First meeting",
            Stage.TOPIC: "Topic",
            Stage.MIDPOINT: "Mid-point review",
            Stage.CLOSING: "Closing meeting",
        }[self]


@dataclass(frozen=True)
class SessionPlan:
    key: str
    title: str
    stage: Stage
    aim: str
    mentor_prepares: str
    mentee_prepares: str
    agenda: tuple[AgendaItem, ...]
    questions: tuple[str, ...]
    keep_safe: str
    task: str
    focus_areas: tuple[str, ...] = ()  # a pair with one of these areas is suggested the plan
    cohort_kinds: frozenset[str] = frozenset()  # empty: fits every kind of cohort
    builtin: bool = True
    changed: bool = False  # a built-in plan the coordinator edited
    retired: bool = False
    position: int = field(default=0, compare=False)

    def fits(self, cohort_kind: str) -> bool:
        return not self.cohort_kinds or cohort_kind in self.cohort_kinds


REVERSE = frozenset({CohortKind.REVERSE.value, CohortKind.MUTUAL.value})
CLASSIC = frozenset({CohortKind.TRADITIONAL.value, CohortKind.MUTUAL.value})

# The safety note every practical digital session shares, in its own words per plan below.
_TEST_ACCOUNTS = (
    "Practise on a test account, a made-up document or public information only. Never share a "
    "password or a sign-in code, and never open someone's private messages, customer records "
    "or personal data to make a point: if an example needs real data, describe it instead."
)

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

STAKEHOLDER_MANAGEMENT = SessionPlan(
    key="stakeholder-management",
    title="Stakeholder management",
    stage=Stage.TOPIC,
    aim=(
        "Map the people who affect the mentee's work, understand what each needs, and plan "
        "how to keep the important ones informed and on side."
    ),
    mentor_prepares=(
        "A project where stakeholders made or broke the result, and a simple map (influence "
        "and interest) you have used."
    ),
    mentee_prepares=(
        "A current piece of work and the people who have a say in it or are affected by it "
        "(roles are enough, names are not needed)."
    ),
    agenda=(
        AgendaItem("The mentor's story", 10, "What they learned about stakeholders the hard way."),
        AgendaItem("Draw the map", 20, "Place each stakeholder by influence and interest."),
        AgendaItem(
            "What they need",
            15,
            "For the top three: what they care about, how they like to hear news.",
        ),
        AgendaItem("A plan", 15, "Who to talk to first, in what form, how often."),
    ),
    questions=(
        "Who could stop this work, and do they know about it yet?",
        "Who hears bad news from you first?",
        "Where do you need an ally rather than an approval?",
        "What does each stakeholder worry about?",
    ),
    keep_safe=(
        "Describe stakeholders by role and what they need; keep opinions about named people "
        "out of your notes. Confidential projects are discussed only at the level both of you "
        "are allowed to know."
    ),
    task="The mentee has one conversation from the plan and notes what they learned.",
    focus_areas=(
        "Stakeholder management",
        "Influencing without authority",
        "Managing upwards",
        "Customer relationships",
        "Change management",
    ),
    cohort_kinds=CLASSIC,
)

CAREER_PLANNING = SessionPlan(
    key="career-planning",
    title="Career planning",
    stage=Stage.TOPIC,
    aim=(
        "Take stock of the mentee's strengths, interests and options, and choose the next "
        "step and what it takes to get there."
    ),
    mentor_prepares=(
        "Your own career path, including the turns you did not plan, and how promotions and "
        "moves really happen in the organisation."
    ),
    mentee_prepares=(
        "What you enjoy most and least in your work, two or three directions you are curious "
        "about, and what you want in three years' time."
    ),
    agenda=(
        AgendaItem("The mentor's path", 10, "The real story, with the detours."),
        AgendaItem(
            "Strengths and interests",
            15,
            "What energises the mentee, what others come to them for.",
        ),
        AgendaItem("Options", 15, "Two or three possible next steps, inside or outside the team."),
        AgendaItem("Gaps and how to close them", 15, "Experience, skills, visibility, people."),
        AgendaItem("First step", 5, "One action this month."),
    ),
    questions=(
        "When were you last fully absorbed in your work?",
        "What would you like people to ask you for in three years?",
        "Which experience would open the most doors?",
        "Who already does the job you are curious about?",
    ),
    keep_safe=(
        "Career plans are private: nothing reaches the mentee's manager unless the mentee "
        "decides to share it. The mentor shares experience, not promises of a job or "
        "promotion."
    ),
    task="The mentee takes the first step agreed (a conversation, a course, a request).",
    focus_areas=(
        "Career planning",
        "Preparing for promotion",
        "Building a professional network",
        "Interviewing and hiring",
        "Performance reviews",
    ),
    cohort_kinds=CLASSIC,
)

NEGOTIATION = SessionPlan(
    key="negotiation",
    title="Negotiation",
    stage=Stage.TOPIC,
    aim=(
        "Prepare for a real negotiation the mentee faces (a budget, a deadline, a salary, a "
        "supplier) and practise it in a safe role-play."
    ),
    mentor_prepares=(
        "A negotiation that taught you something, and a simple way to prepare: what you "
        "want, what they want, your alternatives, where you could give."
    ),
    mentee_prepares=(
        "An upcoming negotiation (details that are not confidential), what you want from it "
        "and what worries you about it."
    ),
    agenda=(
        AgendaItem("The situation", 10, "What is at stake, who is involved, when."),
        AgendaItem(
            "Preparation",
            15,
            "Interests on both sides, alternatives, the first offer, where to give.",
        ),
        AgendaItem("Role-play", 20, "The mentor plays the other side; swap roles once."),
        AgendaItem("Debrief", 10, "What worked, what to say differently."),
        AgendaItem("Next step", 5, "When the real conversation happens."),
    ),
    questions=(
        "What happens if you do not agree at all?",
        "What does the other side need to say yes?",
        "What would you give up first, and what never?",
        "How will you open the conversation?",
    ),
    keep_safe=(
        "The role-play is practice: stop at any time. Keep figures that are confidential out, "
        "or change them. Use the mentor's experience as advice, not as instructions."
    ),
    task="The mentee writes down their preparation on one page before the real negotiation.",
    focus_areas=("Negotiation", "Conflict resolution", "Budgeting", "Customer relationships"),
    cohort_kinds=CLASSIC,
)

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
