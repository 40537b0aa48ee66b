"""The fictional organisation's vocabulary: names, departments, titles, themes, notes."""

from __future__ import annotations

from revmentor_desktop.domain.vocabulary import (
    CancelledBy,
    CohortKind,
    MeetingFormat,
    PairStatus,
)

FULL_DEMO_PEOPLE = 20  # from here on every status, kind and health level is shown
EMAIL_DOMAIN = "northwind.example"  # a reserved top-level domain: no real mailbox
CONSENT_WORDING = (
    "I agree that the programme coordinator keeps my contact details, skills, the dates of my "
    "mentoring sessions and my answers to the programme's questionnaires, for running the "
    "mentoring programme and showing what it achieves. Only the coordinator reads my answers; "
    "reports show only figures from groups large enough that nobody can be picked out, never "
    "my words."
)


# --- Vocabulary of the fictional organisation ---------------------------------------------

# Seniority bands, from the top down: managers are always in a higher band, so the
# management hierarchy can have no cycles.
EXECUTIVE, SENIOR, MID, JUNIOR = 0, 1, 2, 3
BAND_SHARE = {EXECUTIVE: 0.04, SENIOR: 0.18, MID: 0.36}
BAND_GRADES = {EXECUTIVE: (10, 12), SENIOR: (7, 9), MID: (4, 6), JUNIOR: (1, 3)}
BAND_TENURE_DAYS = {
    EXECUTIVE: (8 * 365, 28 * 365),
    SENIOR: (5 * 365, 18 * 365),
    MID: (2 * 365, 9 * 365),
    JUNIOR: (30, 3 * 365),
}
CEO_GRADE, CHIEF_GRADE = 14, 13

# Department: (weight, what someone there is called).
DEPARTMENTS: dict[str, tuple[int, str]] = {
    "Sales": (14, "Account Manager"),
    "IT": (13, "Software Engineer"),
    "Operations": (12, "Operations Analyst"),
    "Customer Service": (10, "Customer Advisor"),
    "Finance": (9, "Financial Analyst"),
    "Marketing": (8, "Marketing Specialist"),
    "Human Resources": (7, "HR Business Partner"),
    "Research & Development": (7, "Research Scientist"),
    "Supply Chain": (6, "Supply Chain Planner"),
    "Legal": (4, "Legal Counsel"),
    "Procurement": (4, "Buyer"),
    "Communications": (4, "Communications Officer"),
}
CHIEFS: tuple[tuple[str, str], ...] = (
    ("Finance", "Chief Financial Officer"),
    ("Operations", "Chief Operating Officer"),
    ("IT", "Chief Technology Officer"),
    ("Human Resources", "Chief People Officer"),
    ("Marketing", "Chief Marketing Officer"),
)
TITLES = {
    JUNIOR: ("Junior {noun}", "Graduate {noun}", "Trainee {noun}", "{noun} Apprentice"),
    MID: ("{noun}", "{noun}", "Specialist, {dept}"),
    SENIOR: ("Senior {noun}", "Lead {noun}", "{dept} Manager", "Principal {noun}"),
    EXECUTIVE: ("Head of {dept}", "Director, {dept}", "Vice President, {dept}"),
}

LOCATIONS: dict[str, int] = {
    "London": 14,
    "Berlin": 10,
    "Paris": 9,
    "Amsterdam": 7,
    "Madrid": 6,
    "Dublin": 6,
    "Warsaw": 6,
    "Zürich": 4,
    "Istanbul": 5,
    "Dubai": 4,
    "Bengaluru": 6,
    "Singapore": 5,
    "Shanghai": 4,
    "New York": 7,
    "Toronto": 4,
    "São Paulo": 4,
    "Remote": 8,
}
MEETING_FORMATS: dict[str, int] = {
    MeetingFormat.EITHER.value: 45,
    MeetingFormat.VIDEO_CALL.value: 30,
    MeetingFormat.IN_PERSON.value: 20,
    MeetingFormat.PHONE.value: 5,
}

# Given names and family names by naming tradition, with their accents.
CULTURES: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        16,
        ("Oliver", "Amelia", "Harry", "Isla", "Jack", "Emily", "Noah", "Sophie", "James",
         "Grace", "Zoë", "Chloë", "Daniel", "Hannah", "Samuel", "Ruth"),
        ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas",
         "Roberts", "Walker", "Hughes", "Clarke", "Martin", "Bennett"),
    ),
    (
        5,
        ("Siobhán", "Seán", "Aoife", "Niamh", "Ciarán", "Pádraig", "Róisín", "Eoin"),
        ("Ó Súilleabháin", "Ó Briain", "Ó Ceallaigh", "Mac Giolla", "Murphy", "Kelly",
         "Byrne", "Walsh"),
    ),
    (
        10,
        ("Jörg", "Jürgen", "Lena", "Lukas", "Anja", "Björn", "Mia", "Felix", "Käthe", "Uwe",
         "Henrike", "Maximilian"),
        ("Müller", "Schäfer", "Schröder", "Weiß", "Becker", "Hoffmann", "Köhler", "Wagner",
         "Krüger", "Neumann"),
    ),
    (
        9,
        ("Agnès", "Hélène", "Jérôme", "Léa", "Chloé", "François", "Benoît", "Amélie", "Théo",
         "Noémie", "Gaël"),
        ("Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Lemaître",
         "Bélanger", "Faure"),
    ),
    (
        8,
        ("José", "María", "Lucía", "Álvaro", "Iñigo", "Sofía", "Mateo", "Camila", "Andrés",
         "Begoña"),
        ("García", "Fernández", "Núñez", "Peña", "Ibáñez", "López", "Martínez", "Rodríguez",
         "Gómez"),
    ),
    (
        4,
        ("João", "Conceição", "Gonçalo", "Inês", "Thiago", "Beatriz"),
        ("Gonçalves", "Araújo", "Simões", "Magalhães", "Silva", "Costa"),
    ),
    (
        4,
        ("Åsa", "Søren", "Ingrid", "Lars", "Sigrún", "Mikael", "Freja", "Øystein"),
        ("Johansson", "Nørgaard", "Lindqvist", "Åberg", "Jónsdóttir", "Halvorsen"),
    ),
    (
        5,
        ("Małgorzata", "Łukasz", "Zofia", "Wojciech", "Agnieszka", "Tomáš", "Zuzana"),
        ("Nowak", "Kowalczyk", "Dvořák", "Novák", "Wójcik", "Zieliński", "Świątek"),
    ),
    (
        5,
        ("Emre", "Ayşe", "Mehmet", "Elif", "Oğuz", "Zeynep", "Çağla", "Burak"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın"),
    ),
    (
        8,
        ("Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Aditi", "Sanjay"),
        ("Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Menon", "Chatterjee"),
    ),
    (
        6,
        ("Wei", "Jing", "Hao", "Mei", "Xiaoming", "Yan", "Jun", "Lina"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Huang", "Zhao", "Lü"),
    ),
    (
        6,
        ("Mohammed", "Fatima", "Omar", "Layla", "Youssef", "Nour", "Karim", "Amira"),
        ("Al-Sayed", "Haddad", "Khalil", "Mansour", "El-Amin", "Nasser", "Farouk"),
    ),
    (
        5,
        ("Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Kwame", "Abena", "Tunde", "Folake"),
        ("Okafor", "Adeyemi", "Mensah", "Okonkwo", "Boateng", "Nwosu", "Adebayo"),
    ),
    (
        3,
        ("Haruto", "Yui", "Sōta", "Aoi", "Ren", "Sakura"),
        ("Satō", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Itō"),
    ),
    (
        3,
        ("Minh", "Lan", "Hương", "Tuấn", "Thảo", "Đức"),
        ("Nguyễn", "Trần", "Phạm", "Lê", "Đặng"),
    ),
)  # fmt: skip
CULTURE_WEIGHTS = tuple(weight for weight, _, _ in CULTURES)

# Names written in their own script, with the address their owner uses.
NATIVE_SCRIPT_NAMES: tuple[tuple[str, str], ...] = (
    ("李娜", "li.na"),
    ("王伟", "wang.wei"),
    ("张敏", "zhang.min"),
    ("محمد", "mohammed"),
    ("محمد العلي", "mohammed.alali"),
    ("فاطمة حسن", "fatima.hassan"),
    ("Ольга Иванова", "olga.ivanova"),
    ("Дмитрий Соколов", "dmitry.sokolov"),
    ("佐藤 花子", "hanako.sato"),
    ("김민준", "minjun.kim"),
    ("Νίκος Παπαδόπουλος", "nikos.papadopoulos"),
    ("प्रिया शर्मा", "priya.sharma"),
)
NATIVE_SCRIPT_SHARE = 0.03

# Always present (when there are enough people), so accent-insensitive search can be shown.
SHOWCASE_NAMES: tuple[tuple[str, str | None], ...] = (
    ("Zoë Martin", None),
    ("Jörg Schäfer", None),
    ("Agnès Lefèvre", None),
    ("Siobhán Ó Súilleabháin", None),
    ("Emre Yılmaz", None),
    ("李娜", "li.na"),
    ("محمد", "mohammed"),
)

PERSON_NOTES = (
    "Prefers mornings.",
    "Part-time: Monday to Thursday.",
    "Asked to be matched outside their own department.",
    "Interested in becoming a mentor next year.",
    "Back from parental leave in the spring.",
    "Travels a lot; video calls work best.",
)
TO_ASCII = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "ł": "l", "đ": "d", "œ": "oe", "þ": "th"})


# --- Cohorts, pairs and sessions ----------------------------------------------------------

KIND_TITLE = {
    CohortKind.REVERSE: "Reverse mentoring",
    CohortKind.TRADITIONAL: "Traditional mentoring",
    CohortKind.MUTUAL: "Mutual mentoring",
}
COHORT_THEMES = {
    CohortKind.REVERSE: ("Digital leadership", "AI literacy", "Social media for leaders",
                         "Hybrid work", "Executive board", "Security awareness"),
    CohortKind.TRADITIONAL: ("Graduate programme", "New managers", "Women in leadership",
                             "Sales academy", "Future leaders", "Engineering"),
    CohortKind.MUTUAL: ("Cross-generational", "Peer learning circle", "Inclusion partners",
                        "Across borders", "Buddy programme"),
}  # fmt: skip
CADENCES = {
    CohortKind.REVERSE: (21, 28),
    CohortKind.TRADITIONAL: (28, 30),
    CohortKind.MUTUAL: (14, 21),
}
SESSION_MINUTES = (45, 60, 60, 60, 90)

# How pairs of a running cohort stand: status, and for active pairs how recently they met.
GREEN, AMBER, RED, NEW, WAITING = "green", "amber", "red", "new", "waiting"
RUNNING_STATES: tuple[tuple[int, str, str], ...] = (
    (53, PairStatus.ACTIVE, GREEN),
    (9, PairStatus.ACTIVE, AMBER),
    (6, PairStatus.ACTIVE, RED),
    (7, PairStatus.PAUSED, ""),
    (9, PairStatus.PROPOSED, ""),
    (6, PairStatus.COMPLETED, ""),
    (10, PairStatus.ENDED_EARLY, ""),
)
# The first pairs of the running cohorts take these, so even a small demo shows them all;
# the two active pairs without a session yet (new, waiting) appear only here.
FORCED_RUNNING_STATES: tuple[tuple[str, str], ...] = (
    (PairStatus.ACTIVE, GREEN),
    (PairStatus.ACTIVE, AMBER),
    (PairStatus.ACTIVE, RED),
    (PairStatus.ACTIVE, NEW),
    (PairStatus.PAUSED, ""),
    (PairStatus.PROPOSED, ""),
    (PairStatus.ENDED_EARLY, ""),
    (PairStatus.COMPLETED, ""),
    (PairStatus.ACTIVE, WAITING),
    (PairStatus.ACTIVE, RED),
    (PairStatus.ACTIVE, AMBER),
)

GOALS = {
    CohortKind.REVERSE: (
        ("mentee", "Use {topic} confidently with my own team"),
        ("mentee", "Understand how younger colleagues use {topic}"),
        ("mentee", "Run one team meeting using {topic}"),
        ("mentor", "Learn how senior leaders decide on {topic}"),
        ("mentor", "Present a proposal on {topic} to the leadership team"),
    ),
    CohortKind.TRADITIONAL: (
        ("mentee", "Get better at {topic}"),
        ("mentee", "Agree a development plan around {topic}"),
        ("mentee", "Take on a stretch assignment involving {topic}"),
        ("mentor", "Practise coaching rather than telling"),
    ),
    CohortKind.MUTUAL: (
        ("both", "Swap practical tips on {topic}"),
        ("both", "Each try one new habit around {topic}"),
        ("both", "Build a cross-team network through {topic}"),
    ),
}
MENTOR_TAKEAWAYS = (
    "Explaining {topic} without jargon was harder than expected.",
    "Saw how {topic} looks from the other side of the table.",
    "Good questions about {topic}; I need to prepare examples next time.",
    "Realised how much context I take for granted on {topic}.",
    "We agreed a small experiment with {topic} before we meet again.",
)
MENTEE_TAKEAWAYS = (
    "Tried {topic} during the session and will use it this week.",
    "Clearer picture of {topic}; next step is to practise with my team.",
    "Useful tips on {topic}, especially the pitfalls to avoid.",
    "I will read up on {topic} and bring questions next time.",
    "Changed my mind about {topic}: worth the effort.",
)
CANCEL_NOTES = {
    CancelledBy.MENTOR: ("Mentor travelling.", "Mentor off sick.", "Clashed with a deadline."),
    CancelledBy.MENTEE: ("Mentee on leave.", "Clashed with a client visit.", "Mentee unwell."),
    CancelledBy.COORDINATOR: ("Moved for the all-staff meeting.", "Room not available."),
}
PAIR_NOTES = (
    "Both asked for a check-in after three sessions.",
    "Agreed to meet alternately in each other's office.",
    "Mentee asked for a mentor outside their reporting line.",
    "Check in about the workload before the next session.",
)
