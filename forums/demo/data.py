"""The demo's groups, boards, work streams, people and figures, as data (see forums/demo)."""

from datetime import date
from decimal import Decimal

from coproduction.consultation.models import RequestKind
from coproduction.people.models import Role
from coproduction.people.models import Sector as S
from forums.models import (
    BodyKind,
    BodyLevel,
    BodyRole,
    GroupKind,
    GroupRole,
)

PC, YP, OFF, COM, BOARD = (
    Role.PARENT_CARER,
    Role.YOUNG_PERSON,
    Role.OFFICER,
    Role.COMMISSIONER,
    Role.BOARD_MEMBER,
)

# Invented people who cannot sign in: email, name, area, role, organisation.
# Organisations named often below.
LEEDS_CS = "Leeds City Council Children's Services"
LEEDS_SC = "Leeds City Council Social Care and Complex Needs"
LEEDS_HEALTH = "Leeds Community Healthcare NHS Trust"
WSX_SC = "West Sussex County Council Social Care"
WSX_CC = "West Sussex County Council"
WSPCF = "West Sussex Parent Carer Forum"
BPCF = "Birmingham Parent Carer Forum"
BHAM_EP = "Birmingham Educational Psychology Service"
BHAM_HEALTH = "Birmingham Community Healthcare NHS Trust"

# fmt: off
PEOPLE = [
    # Leeds
    ("leeds.leadmember@example.org", "Cllr Pat Hughes", "leeds", BOARD, LEEDS_CS),
    ("leeds.complexneeds@example.org", "Anita Shah", "leeds", OFF, LEEDS_SC),
    ("leeds.projectlead@example.org", "Mark Ellis", "leeds", OFF, LEEDS_CS),
    ("leeds.paediatrician@example.org", "Dr Kofi Mensah", "leeds", OFF, LEEDS_HEALTH),
    ("leeds.nurse@example.org", "Claire Dunn", "leeds", OFF, LEEDS_HEALTH),
    ("leeds.headteacher@example.org", "Ruth Parker", "leeds", OFF, LEEDS_CS),
    ("leeds.edpsych@example.org", "Tom Briggs", "leeds", OFF, LEEDS_CS),
    ("leeds.disability@example.org", "Sue Kaur", "leeds", OFF, LEEDS_SC),
    ("leeds.carers@example.org", "Jo Fletcher", "leeds", OFF, "Carers Leeds"),
    ("leeds.peopleinaction@example.org", "Sam Reid", "leeds", OFF, "People in Action"),
    ("leeds.lacommissioner@example.org", "Helen Marsh", "leeds", COM, LEEDS_CS),
    ("leeds.healthcommissioner@example.org", "Raj Patel", "leeds", COM, "NHS Leeds"),
    ("leeds.headofsen@example.org", "Andrew Hall", "leeds", OFF, LEEDS_CS),
    ("leeds.epic1@example.org", "Lisa Morgan", "leeds", PC, "Epic Leeds"),
    ("leeds.epic2@example.org", "Dawn Wright", "leeds", PC, "Epic Leeds"),
    ("leeds.epic3@example.org", "Aisha Begum", "leeds", PC, "Epic Leeds"),
    # West Sussex
    ("wsx.send@example.org", "Karen Lewis", "west-sussex", OFF, WSX_CC),
    ("wsx.socialcare@example.org", "Mike Turner", "west-sussex", OFF, WSX_SC),
    ("wsx.commissioner@example.org", "Priya Nair", "west-sussex", COM, "NHS Sussex"),
    ("wsx.forumchair@example.org", "Gemma Price", "west-sussex", PC, WSPCF),
    ("wsx.forumrep@example.org", "Nicola Shaw", "west-sussex", PC, WSPCF),
    ("wsx.youthworker@example.org", "Ben Carter", "west-sussex", OFF, WSX_CC),
    # Birmingham
    ("bham.director@example.org", "Martin Cole", "birmingham", OFF, "Birmingham City Council"),
    ("bham.pcfchair@example.org", "Nadia Hussain", "birmingham", PC, BPCF),
    ("bham.pcfrep@example.org", "Grace Adeyemi", "birmingham", PC, BPCF),
    ("bham.edpsych@example.org", "Paul Green", "birmingham", OFF, BHAM_EP),
    ("bham.health@example.org", "Dr Leah Wood", "birmingham", OFF, BHAM_HEALTH),
    ("bham.carers@example.org", "Omar Rashid", "birmingham", OFF, "Forward Carers Birmingham"),
    ("bham.youth@example.org", "Mia Clarke", "birmingham", YP, "Birmingham Wellbeing Youth Forum"),
    ("bham.parent1@example.org", "Yasmin Ali", "birmingham", PC, BPCF),
    ("bham.parent2@example.org", "Kerry Dolan", "birmingham", PC, BPCF),
    ("bham.parent3@example.org", "Imran Malik", "birmingham", PC, BPCF),
    ("bham.parent4@example.org", "Joanne Price", "birmingham", PC, BPCF),
    ("bham.parent5@example.org", "Femi Bello", "birmingham", PC, BPCF),
]
# fmt: on

# (area, name, kind, organisation, description, contact, how to join, networks,
#  [(member email, role)])
GROUPS = [
    (
        "leeds",
        "Epic Leeds",
        GroupKind.PARENT_CARER_FORUM,
        "Epic Leeds",
        "The parent carer forum for Leeds: parents and carers of children and young people "
        "with SEND, working with the council and health as equal partners.",
        "Through the forum's website and social media.",
        "Any parent or carer of a child or young person with SEND in Leeds can join.",
        "Support groups across the city, Carers Leeds.",
        [
            ("leeds.epic1@example.org", GroupRole.CHAIR),
            ("leeds.epic2@example.org", GroupRole.REPRESENTATIVE),
            ("leeds.epic3@example.org", GroupRole.REPRESENTATIVE),
        ],
    ),
    (
        "west-sussex",
        "West Sussex Parent Carer Forum",
        GroupKind.PARENT_CARER_FORUM,
        "West Sussex Parent Carer Forum",
        "The main parent carer partner for SEND co-production in West Sussex. It trains, "
        "supports and reimburses parent carer representatives, and aims to represent families "
        "living with the whole range of additional needs.",
        "Through the forum's website and social media pages.",
        "Any parent carer of a child or young person with SEND in West Sussex.",
        "Coffee, Cake and Networking events every quarter; social media; Carers Support West "
        "Sussex; groups of parent carers of children with ADHD; home educators; military "
        "families; multi-faith groups.",
        [
            ("wsx.forumchair@example.org", GroupRole.CHAIR),
            ("wsx.forumrep@example.org", GroupRole.REPRESENTATIVE),
        ],
    ),
    (
        "west-sussex",
        "SEND Youth Forum",
        GroupKind.YOUTH_FORUM,
        "West Sussex Youth Cabinet",
        "A forum for young people with SEND, being set up by the SEND Youth Participation "
        "Worker, so their views reach the work streams.",
        "Through the SEND Youth Participation Worker.",
        "Young people with SEND aged 11 to 25.",
        "Making Our Voice Heard; the Council for Disabled Children.",
        [],
    ),
    (
        "birmingham",
        "Birmingham Parent Carer Forum",
        GroupKind.PARENT_CARER_FORUM,
        "Birmingham Parent Carer Forum",
        "The parent carer forum for Birmingham. Its representatives sit on the SEND Local Area "
        "Partnership's boards and work streams.",
        "Through the forum's participation officer.",
        "Any parent or carer of a child or young person with SEND in Birmingham.",
        "Parent carer support groups across the city, including SEND-oriented groups.",
        [
            ("bham.pcfchair@example.org", GroupRole.CHAIR),
            ("parent@example.org", GroupRole.REPRESENTATIVE),
            ("bham.pcfrep@example.org", GroupRole.REPRESENTATIVE),
            ("bham.parent1@example.org", GroupRole.MEMBER),
            ("bham.parent2@example.org", GroupRole.MEMBER),
            ("bham.parent3@example.org", GroupRole.MEMBER),
            ("bham.parent4@example.org", GroupRole.MEMBER),
            ("bham.parent5@example.org", GroupRole.MEMBER),
        ],
    ),
    (
        "birmingham",
        "RISE Youth Forum",
        GroupKind.YOUTH_FORUM,
        "RISE Youth Forum",
        "A youth forum for young people with SEND, run with the Communication and Autism Team.",
        "Through the Communication and Autism Team.",
        "Young people with SEND in Birmingham.",
        "",
        [("youngperson@example.org", GroupRole.MEMBER)],
    ),
    (
        "birmingham",
        "Birmingham Wellbeing Youth Forum",
        GroupKind.YOUTH_FORUM,
        "Birmingham Wellbeing Youth Forum",
        "Young people shaping wellbeing and mental health support in Birmingham.",
        "Through the Communication and Autism Team.",
        "Young people in Birmingham.",
        "",
        [("bham.youth@example.org", GroupRole.MEMBER)],
    ),
]

ALL_SERVICES = [S.EDUCATION, S.HEALTH, S.SOCIAL_CARE, S.VOLUNTARY]

# (area, name, kind, level, parent name, purpose, sectors, young people needed, open,
#  hours a term, [(email, role, sector represented)])
BODIES = [
    (
        "leeds",
        "Children's Trust Board",
        BodyKind.BOARD,
        BodyLevel.STRATEGIC,
        None,
        "The key strategic body for children and young people in Leeds: strategic leads from "
        "health, education, social care, the police, probation and the voluntary sector, and "
        "councillors.",
        ALL_SERVICES,
        False,
        False,
        None,
        [
            ("leeds.leadmember@example.org", BodyRole.CHAIR, ""),
            ("leeds.complexneeds@example.org", BodyRole.MEMBER, S.SOCIAL_CARE),
            ("leeds.headteacher@example.org", BodyRole.MEMBER, S.EDUCATION),
            ("leeds.healthcommissioner@example.org", BodyRole.MEMBER, S.HEALTH),
            ("leeds.peopleinaction@example.org", BodyRole.MEMBER, S.VOLUNTARY),
        ],
    ),
    (
        "leeds",
        "Complex Needs Partnership Board",
        BodyKind.BOARD,
        BodyLevel.STRATEGIC,
        "Children's Trust Board",
        "Oversees services for children with complex needs and the implementation of the SEND "
        "reforms. Reports directly to the Children's Trust Board.",
        ALL_SERVICES,
        False,
        False,
        None,
        [
            ("leeds.leadmember@example.org", BodyRole.CO_CHAIR, ""),
            ("leeds.complexneeds@example.org", BodyRole.CO_CHAIR, S.SOCIAL_CARE),
            ("leeds.paediatrician@example.org", BodyRole.MEMBER, S.HEALTH),
            ("leeds.nurse@example.org", BodyRole.MEMBER, S.HEALTH),
            ("leeds.headteacher@example.org", BodyRole.MEMBER, S.EDUCATION),
            ("leeds.edpsych@example.org", BodyRole.MEMBER, S.EDUCATION),
            ("leeds.carers@example.org", BodyRole.MEMBER, S.VOLUNTARY),
            ("leeds.peopleinaction@example.org", BodyRole.MEMBER, S.VOLUNTARY),
            ("leeds.lacommissioner@example.org", BodyRole.MEMBER, S.EDUCATION),
            ("leeds.healthcommissioner@example.org", BodyRole.MEMBER, S.HEALTH),
            ("leeds.epic1@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
            ("leeds.epic2@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
            ("leeds.epic3@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
        ],
    ),
    *[
        (
            "leeds",
            name,
            BodyKind.WORK_STREAM,
            BodyLevel.OPERATIONAL,
            "Complex Needs Partnership Board",
            purpose,
            ALL_SERVICES,
            young_people,
            False,
            Decimal(12),
            [
                ("leeds.projectlead@example.org", BodyRole.LEAD, S.EDUCATION),
                ("leeds.paediatrician@example.org", BodyRole.MEMBER, S.HEALTH),
                ("leeds.headteacher@example.org", BodyRole.MEMBER, S.EDUCATION),
                ("leeds.disability@example.org", BodyRole.MEMBER, S.SOCIAL_CARE),
                ("leeds.carers@example.org", BodyRole.MEMBER, S.VOLUNTARY),
                ("leeds.lacommissioner@example.org", BodyRole.MEMBER, S.EDUCATION),
                ("leeds.healthcommissioner@example.org", BodyRole.MEMBER, S.HEALTH),
                (parent, BodyRole.MEMBER, S.PARENT_CARERS),
                ("leeds.epic3@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
                ("leeds.headofsen@example.org", BodyRole.COPIED, S.EDUCATION),
            ],
        )
        for name, purpose, parent, young_people in [
            (
                "Education, health and care plans",
                "Put the new education, health and care assessment and planning into practice.",
                "leeds.epic1@example.org",
                True,
            ),
            (
                "Local Offer",
                "Publish and keep up to date what support is available for families.",
                "leeds.epic2@example.org",
                False,
            ),
            (
                "Personal budgets",
                "Offer families personal budgets and explain how they work.",
                "leeds.epic1@example.org",
                False,
            ),
            (
                "Preparing for adulthood",
                "Plan support for young people moving into adult life and services.",
                "leeds.epic2@example.org",
                True,
            ),
        ]
    ],
    (
        "west-sussex",
        "SEND Core Group",
        BodyKind.BOARD,
        BodyLevel.STRATEGIC,
        None,
        "Governs the framework and policy for co-production in SEND across West Sussex.",
        ALL_SERVICES,
        False,
        False,
        None,
        [
            ("wsx.send@example.org", BodyRole.CHAIR, S.EDUCATION),
            ("wsx.socialcare@example.org", BodyRole.MEMBER, S.SOCIAL_CARE),
            ("wsx.commissioner@example.org", BodyRole.MEMBER, S.HEALTH),
            ("wsx.forumchair@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
        ],
    ),
    (
        "west-sussex",
        "Parent Carer Forum Partnership Board",
        BodyKind.BOARD,
        BodyLevel.STRATEGIC,
        "SEND Core Group",
        "Meets every term: representatives of the Forum and of education, health and social "
        "care review the partnership agreement and the work it funds.",
        [S.EDUCATION, S.HEALTH, S.SOCIAL_CARE],
        False,
        False,
        Decimal(6),
        [
            ("wsx.send@example.org", BodyRole.CO_CHAIR, S.EDUCATION),
            ("wsx.forumchair@example.org", BodyRole.CO_CHAIR, S.PARENT_CARERS),
            ("wsx.socialcare@example.org", BodyRole.MEMBER, S.SOCIAL_CARE),
            ("wsx.commissioner@example.org", BodyRole.MEMBER, S.HEALTH),
            ("wsx.forumrep@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
        ],
    ),
    (
        "birmingham",
        "SEND Local Area Partnership Board",
        BodyKind.BOARD,
        BodyLevel.STRATEGIC,
        None,
        "Leads SEND services across education, health and care in Birmingham and the "
        "Accelerated Progress Plan that followed the 2021 re-inspection.",
        ALL_SERVICES,
        True,
        False,
        Decimal(8),
        [
            ("bham.director@example.org", BodyRole.CHAIR, S.EDUCATION),
            ("commissioner@example.org", BodyRole.MEMBER, S.HEALTH),
            ("board@example.org", BodyRole.MEMBER, S.SOCIAL_CARE),
            ("bham.edpsych@example.org", BodyRole.MEMBER, S.EDUCATION),
            ("bham.health@example.org", BodyRole.MEMBER, S.HEALTH),
            ("bham.carers@example.org", BodyRole.MEMBER, S.VOLUNTARY),
            ("bham.pcfchair@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
            ("bham.youth@example.org", BodyRole.MEMBER, S.YOUNG_PEOPLE),
        ],
    ),
    (
        "birmingham",
        "Objective 1: SEND strategy",
        BodyKind.WORK_STREAM,
        BodyLevel.OPERATIONAL,
        "SEND Local Area Partnership Board",
        "Prepare the overall SEND strategy for Birmingham, drawing on the co-production options "
        "the mapping report set out.",
        [S.EDUCATION, S.HEALTH, S.SOCIAL_CARE],
        False,
        True,
        Decimal(12),
        [
            ("officer@example.org", BodyRole.LEAD, S.EDUCATION),
            ("bham.edpsych@example.org", BodyRole.MEMBER, S.EDUCATION),
            ("bham.health@example.org", BodyRole.MEMBER, S.HEALTH),
            ("commissioner@example.org", BodyRole.MEMBER, S.HEALTH),
        ],
    ),
    (
        "birmingham",
        "Objective 3: Working Together Well",
        BodyKind.WORK_STREAM,
        BodyLevel.OPERATIONAL,
        "SEND Local Area Partnership Board",
        "Provide a co-production framework: an agreed definition of co-production and a "
        "statement of co-production values and behaviours across education, health and care.",
        [S.EDUCATION, S.VOLUNTARY],
        True,
        True,
        Decimal(10),
        [
            ("chair@example.org", BodyRole.CHAIR, S.SOCIAL_CARE),
            ("bham.edpsych@example.org", BodyRole.MEMBER, S.EDUCATION),
            ("bham.carers@example.org", BodyRole.MEMBER, S.VOLUNTARY),
            ("bham.pcfchair@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
            ("bham.pcfrep@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
            ("youngperson@example.org", BodyRole.MEMBER, S.YOUNG_PEOPLE),
        ],
    ),
    (
        "birmingham",
        "Co-production champions task and finish group",
        BodyKind.WORK_STREAM,
        BodyLevel.OPERATIONAL,
        "Objective 3: Working Together Well",
        "Find ways to share good co-production practice across the SEND system, such as an "
        "awards scheme.",
        [S.VOLUNTARY],
        False,
        False,
        Decimal(4),
        [
            ("chair@example.org", BodyRole.LEAD, S.SOCIAL_CARE),
            ("bham.carers@example.org", BodyRole.MEMBER, S.VOLUNTARY),
            ("bham.pcfrep@example.org", BodyRole.MEMBER, S.PARENT_CARERS),
        ],
    ),
]

MEMBERSHIP_START = {
    "leeds": date(2024, 9, 2),
    "west-sussex": date(2025, 4, 1),
    "birmingham": date(2026, 9, 2),
}

# Requests made this autumn term (made by officer@example.org), of a group or a person.
R, PARENT = RequestKind, "parent@example.org"
# fmt: off
BIRMINGHAM_REQUESTS = [
    (BPCF, None, R.SURVEY, "Short breaks survey", date(2026, 9, 15), "1"),
    (BPCF, None, R.MEETING_INVITATION, "Local Offer website review", date(2026, 10, 6), "2.5"),
    (BPCF, None, R.INTERVIEW_PANEL, "Panel: head of SEND service", date(2026, 10, 20), "4"),
    (BPCF, None, R.SURVEY, "Preparing for adulthood survey", date(2026, 11, 3), "0.5"),
    (BPCF, None, R.MEETING_INVITATION, "SEND strategy event", date(2026, 11, 12), "3"),
    (BPCF, None, R.OPPORTUNITY, "Co-design workshop on transitions", date(2026, 11, 18), "3"),
    ("RISE Youth Forum", None, R.SURVEY, "Local Offer survey", date(2026, 10, 1), "0.5"),
    (None, PARENT, R.INTERVIEW_PANEL, "Panel: head of SEND service", date(2026, 10, 20), "4"),
    (None, PARENT, R.MEETING_INVITATION, "SEND strategy event", date(2026, 11, 12), "3"),
]
# fmt: on

# Consented equality answers of invented forum members, so the group page has figures to show
# (a few stay hidden: fewer than 5).
EQUALITY_RECORDS = {
    "bham.pcfchair@example.org": ("35_44", "asian", "no", "yes", "english"),
    "bham.pcfrep@example.org": ("45_54", "black", "a_little", "yes", "english"),
    "bham.parent1@example.org": ("35_44", "asian", "no", "yes", "other"),
    "bham.parent2@example.org": ("25_34", "white", "no", "yes", "english"),
    "bham.parent3@example.org": ("35_44", "asian", "a_lot", "yes", "english"),
    "bham.parent4@example.org": ("45_54", "white", "no", "yes", "english"),
    "bham.parent5@example.org": ("35_44", "black", "no", "prefer_not", "english"),
}

# Birmingham's population by ethnic group, Census 2021 (per cent).
BIRMINGHAM_POPULATION = [
    ("ethnicity", "asian", "31.0"),
    ("ethnicity", "black", "10.9"),
    ("ethnicity", "mixed", "4.8"),
    ("ethnicity", "white", "48.6"),
    ("ethnicity", "other", "4.7"),
]
