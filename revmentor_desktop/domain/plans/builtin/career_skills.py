"""Traditional mentoring's plans, where the mentor's experience leads: stakeholder management,
career planning and negotiation."""

from __future__ import annotations

from revmentor_desktop.domain.plans.agenda import AgendaItem
from revmentor_desktop.domain.plans.session_plan import CLASSIC, SessionPlan, Stage

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
