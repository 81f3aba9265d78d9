"""Demo groups, boards and work streams, consultation requests and a partnership agreement
(used by `manage.py seed_demo`, after the people demo).

The structures come from the source reports: Leeds (Children's Trust Board > Complex Needs
Partnership Board > four work streams led by one project lead; Epic Leeds), West Sussex (its
parent carer forum, partnership agreement and termly partnership board) and Birmingham (the
SEND Local Area Partnership with work streams for the Accelerated Progress Plan objectives the
mapping report names; its parent carer forum and two youth forums). People other than the
demo accounts are invented and cannot sign in.

Every row is looked up by its natural key first, so running it again changes nothing.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from coproduction.consultation.models import ConsultationRequest, RequestKind
from coproduction.people.models import AreaMembership, LocalArea, Organisation, Person, Role
from coproduction.people.models import Sector as S
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    Body,
    BodyKind,
    BodyLevel,
    BodyMembership,
    BodyRole,
    EqualityRecord,
    FundingPeriod,
    GroupKind,
    GroupMembership,
    GroupRole,
    JoinRequest,
    ParticipationGroup,
    PartnershipAgreement,
    PaymentKind,
    PopulationFigure,
    RagStatus,
    RateUnit,
)
from forums.services import equality_snapshots_take

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


def _person(email: str, name: str, area: LocalArea, role: str, organisation: str) -> Person:
    person = Person.objects.filter(email=email).first()
    if person is None:
        person = Person.objects.create_user(email=email, password=None, display_name=name)
    AreaMembership.objects.get_or_create(
        person=person,
        area=area,
        defaults={
            "roles": [role],
            "organisation": Organisation.objects.get(area=area, name=organisation),
        },
    )
    return person


@transaction.atomic
def seed() -> None:
    areas = {area.slug: area for area in LocalArea.objects.filter(slug__in=MEMBERSHIP_START)}
    for email, name, slug, role, organisation in PEOPLE:
        _person(email, name, areas[slug], role, organisation)
    people = {p.email: p for p in Person.objects.filter(email__endswith="@example.org")}

    groups = {}
    for slug, name, kind, org, description, contact, join, networks, members in GROUPS:
        area = areas[slug]
        group, _ = ParticipationGroup.objects.get_or_create(
            area=area,
            name=name,
            defaults={
                "kind": kind,
                "organisation": Organisation.objects.get(area=area, name=org),
                "description": description,
                "how_to_contact": contact,
                "how_to_join": join,
                "networks_reached": networks,
            },
        )
        groups[name] = group
        for email, role in members:
            if not GroupMembership.objects.filter(group=group, person=people[email]).exists():
                GroupMembership.objects.create(
                    group=group, person=people[email], role=role, joined_on=MEMBERSHIP_START[slug]
                )

    bodies = {}
    for slug, name, kind, level, parent, purpose, sectors, young, open_, hours, members in BODIES:
        area = areas[slug]
        body, _ = Body.objects.get_or_create(
            area=area,
            name=name,
            defaults={
                "kind": kind,
                "level": level,
                "parent": bodies[parent] if parent else None,
                "purpose": purpose,
                "sectors": sorted(sectors),
                "needs_young_people": young,
                "open_to_requests": open_,
                "hours_per_term": hours,
            },
        )
        bodies[name] = body
        for email, role, sector in members:
            person = people[email]
            membership = AreaMembership.objects.get(person=person, area=area)
            group = _forum_of(person, area)
            BodyMembership.objects.get_or_create(
                body=body,
                person=person,
                started_on=MEMBERSHIP_START[slug],
                defaults={
                    "role": role,
                    "represents_sector": sector,
                    "represents_organisation": membership.organisation,
                    "represents_group": group,
                },
            )

    working_together_well = bodies["Objective 3: Working Together Well"]
    parent = people["parent@example.org"]
    if not JoinRequest.objects.filter(body=working_together_well, person=parent).exists():
        JoinRequest.objects.create(
            body=working_together_well,
            person=parent,
            note="I help run the forum's group for parents of autistic teenagers and would "
            "like to bring their experience of working with services to the framework.",
        )

    birmingham = areas["birmingham"]
    officer = people["officer@example.org"]
    for group_name, email, kind, title, asked_on, hours in BIRMINGHAM_REQUESTS:
        ConsultationRequest.objects.get_or_create(
            area=birmingham,
            group=groups.get(group_name),
            person=people.get(email),
            title=title,
            asked_on=asked_on,
            defaults={"kind": kind, "hours_asked": Decimal(hours), "made_by": officer},
        )
    for email, (age, ethnicity, disability, carer, language) in EQUALITY_RECORDS.items():
        EqualityRecord.objects.get_or_create(
            person=people[email],
            defaults={
                "age_band": age,
                "ethnicity": ethnicity,
                "disability": disability,
                "carer": carer,
                "main_language": language,
            },
        )
    for question, category, percent in BIRMINGHAM_POPULATION:
        PopulationFigure.objects.get_or_create(
            area=birmingham,
            question=question,
            category=category,
            defaults={"percent": Decimal(percent)},
        )

    _west_sussex_agreement(areas["west-sussex"], bodies, people)
    # This month's published equality figures (the monthly beat task takes the next ones).
    equality_snapshots_take(today=timezone.localdate())


def _forum_of(person, area) -> ParticipationGroup | None:
    """The parent carer forum or youth forum a family member of the demo belongs to."""
    membership = (
        GroupMembership.objects.filter(person=person, group__area=area, left_on=None)
        .select_related("group")
        .first()
    )
    return membership.group if membership else None


AGREEMENT_TITLE = "West Sussex Parent Carer Forum partnership agreement"


def _west_sussex_agreement(area, bodies, people) -> None:
    """Two versions: 2025 to 2026 (replaced) and 2026 to 2027 (signed), reviewed by the
    termly partnership board."""
    parties = Organisation.objects.filter(
        area=area,
        name__in=[
            "West Sussex County Council",
            "West Sussex County Council Social Care",
            "NHS Sussex",
            "West Sussex Parent Carer Forum",
        ],
    )
    signatories = [
        people[email]
        for email in [
            "wsx.send@example.org",
            "wsx.socialcare@example.org",
            "wsx.commissioner@example.org",
            "wsx.forumchair@example.org",
        ]
    ]
    previous = None
    for version, starts_on, signed_on, status in [
        (1, date(2025, 4, 1), date(2025, 3, 20), PartnershipAgreement.Status.SUPERSEDED),
        (2, date(2026, 4, 1), date(2026, 3, 25), PartnershipAgreement.Status.SIGNED),
    ]:
        agreement, created = PartnershipAgreement.objects.get_or_create(
            area=area,
            title=AGREEMENT_TITLE,
            version=version,
            defaults={
                "status": status,
                "previous_version": previous,
                "first_version": previous,
                "starts_on": starts_on,
                "review_on": date(starts_on.year + 1, 4, 1),
                "signed_on": signed_on,
                "reviewing_body": bodies["Parent Carer Forum Partnership Board"],
                "core_funding_amount": Decimal("30000.00"),
                "core_funding_period": FundingPeriod.YEAR,
            },
        )
        if created:
            agreement.parties.set(parties)
            agreement.signatories.set(signatories)
            _agreement_terms(agreement, starts_on.year)
        previous = agreement


def _agreement_terms(agreement, year: int) -> None:
    AgreementPayment.objects.bulk_create(
        [
            AgreementPayment(
                agreement=agreement,
                kind=PaymentKind.EXPENSES,
                description="Mileage to meetings and events",
                rate=Decimal("0.45"),
                unit=RateUnit.PER_MILE,
            ),
            AgreementPayment(
                agreement=agreement,
                kind=PaymentKind.CHILDCARE,
                description="Childcare or replacement care while at meetings",
                rate=None,
                unit=RateUnit.AT_COST,
            ),
            AgreementPayment(
                agreement=agreement,
                kind=PaymentKind.PROJECT_WORK,
                description="Parent carer representatives' project work",
                rate=Decimal("15.00"),
                unit=RateUnit.PER_HOUR,
            ),
        ]
    )
    Kind = AgreementScheduleItem.Kind
    AgreementScheduleItem.objects.bulk_create(
        [
            AgreementScheduleItem(
                agreement=agreement,
                kind=kind,
                title=title,
                planned_on=date(year + offset_year, month, day),
                notes=notes,
            )
            for kind, title, offset_year, month, day, notes in [
                (Kind.MEETING, "Partnership board (summer term)", 0, 6, 10, ""),
                (Kind.MEETING, "Coffee, Cake and Networking", 0, 7, 2, "Quarterly"),
                (Kind.MEETING, "Partnership board (autumn term)", 0, 10, 14, ""),
                (Kind.MEETING, "Coffee, Cake and Networking", 0, 10, 30, "Quarterly"),
                (
                    Kind.PROJECT,
                    "Yearly self-evaluation of the Forum's activities",
                    0,
                    11,
                    3,
                    "Agree activities, the level each strives for, outcomes and impact.",
                ),
                (Kind.MEETING, "Partnership board (spring term)", 1, 2, 10, ""),
                (Kind.MEETING, "Coffee, Cake and Networking", 1, 2, 26, "Quarterly"),
            ]
        ]
    )
    done = agreement.status == PartnershipAgreement.Status.SUPERSEDED
    AgreementOutcome.objects.bulk_create(
        [
            AgreementOutcome(
                agreement=agreement,
                outcome="Parent carer representatives sit on every SEND work stream",
                status=RagStatus.GREEN if done else RagStatus.AMBER,
                evidence="Representatives named on 9 of 11 work streams; two still to fill.",
            ),
            AgreementOutcome(
                agreement=agreement,
                outcome="Families who are seldom heard are reached through partner organisations",
                status=RagStatus.GREEN,
                evidence="Joint events with Carers Support West Sussex each quarter.",
            ),
            AgreementOutcome(
                agreement=agreement,
                outcome="Meetings with parent carers are held in term time between 10am and 2pm",
                status=RagStatus.GREEN if done else RagStatus.RED,
                evidence="" if done else "4 of 10 meetings this year were held after 3pm.",
            ),
        ]
    )
