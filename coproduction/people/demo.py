"""Demo local areas, organisations and accounts (used by `manage.py seed_demo`).

Every step looks rows up by their natural key first, so running it again changes nothing.
"""

from datetime import date

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction

from coproduction.people.models import (
    AreaMembership,
    LocalArea,
    Organisation,
    Person,
    Role,
    Sector,
    Term,
)

DEMO_PASSWORD = "coproduce-demo-2026"  # noqa: S105 (published demo password, not a secret)
DEMO_TOTP_SECRET = "COPRODUCEDEMOSECRETCOPRODUCEDEMO"  # noqa: S105 (base32, 160 bits, published)

AREAS = [
    ("Birmingham", "birmingham"),
    ("Leeds", "leeds"),
    ("West Sussex", "west-sussex"),
]

TERMS = [
    ("Autumn term 2026", date(2026, 9, 2), date(2026, 12, 18)),
    ("Spring term 2027", date(2027, 1, 5), date(2027, 3, 26)),
    ("Summer term 2027", date(2027, 4, 12), date(2027, 7, 21)),
]

ORGANISATIONS = {
    "birmingham": [
        ("Birmingham City Council", Sector.EDUCATION),
        ("Birmingham Children's Trust", Sector.SOCIAL_CARE),
        ("NHS Birmingham and Solihull CCG", Sector.HEALTH),
        ("Birmingham Community Healthcare NHS Trust", Sector.HEALTH),
        ("Forward Thinking Birmingham", Sector.HEALTH),
        ("University Hospitals Birmingham", Sector.HEALTH),
        ("Birmingham Women's and Children's Hospital", Sector.HEALTH),
        ("Birmingham Educational Psychology Service", Sector.EDUCATION),
        ("Birmingham Adult Education Service", Sector.EDUCATION),
        ("Longwill School for Deaf Children", Sector.EDUCATION),
        ("Oasis Academy Blakenhale", Sector.EDUCATION),
        ("Castle Vale Nursery", Sector.EDUCATION),
        ("Early Years Forum", Sector.EDUCATION),
        ("Birmingham Children's Partnership", Sector.SOCIAL_CARE),
        ("Ladywood & Perry Barr Integrated Care Partnership", Sector.HEALTH),
        ("Birmingham Parent Carer Forum", Sector.PARENT_CARERS),
        ("Forward Carers Birmingham", Sector.VOLUNTARY),
        ("Midlands Mencap", Sector.VOLUNTARY),
        ("Spurgeons", Sector.VOLUNTARY),
        ("Autism West Midlands", Sector.VOLUNTARY),
        ("The Children's Society", Sector.VOLUNTARY),
        ("Birmingham Voluntary Service Council", Sector.VOLUNTARY),
        ("Bfriends Charity", Sector.VOLUNTARY),
        ("ATHAC", Sector.VOLUNTARY),
        ("Independent parent carer facilitator", Sector.PARENT_CARERS),
        ("RISE Youth Forum", Sector.YOUNG_PEOPLE),
        ("Birmingham Wellbeing Youth Forum", Sector.YOUNG_PEOPLE),
    ],
    "leeds": [
        ("Leeds City Council Children's Services", Sector.EDUCATION),
        ("Leeds City Council Social Care and Complex Needs", Sector.SOCIAL_CARE),
        ("NHS Leeds", Sector.HEALTH),
        ("Leeds Community Healthcare NHS Trust", Sector.HEALTH),
        ("Epic Leeds", Sector.PARENT_CARERS),
        ("People in Action", Sector.VOLUNTARY),
        ("Carers Leeds", Sector.VOLUNTARY),
        ("Leeds Youth Council", Sector.YOUNG_PEOPLE),
    ],
    "west-sussex": [
        ("West Sussex County Council", Sector.EDUCATION),
        ("West Sussex County Council Social Care", Sector.SOCIAL_CARE),
        ("NHS Sussex", Sector.HEALTH),
        ("West Sussex Parent Carer Forum", Sector.PARENT_CARERS),
        ("West Sussex Youth Cabinet", Sector.YOUNG_PEOPLE),
    ],
}

# email, display name, {area slug: (roles, organisation name)}
ACCOUNTS = [
    (
        "parent@example.org",
        "Sam Okafor",
        {"birmingham": ([Role.PARENT_CARER], "Birmingham Parent Carer Forum")},
    ),
    (
        "youngperson@example.org",
        "Jordan Lee",
        {"birmingham": ([Role.YOUNG_PERSON], "RISE Youth Forum")},
    ),
    (
        "officer@example.org",
        "Olivia Bennett",
        {
            "birmingham": ([Role.OFFICER], "Birmingham City Council"),
            "leeds": ([Role.OFFICER], "Leeds City Council Children's Services"),
        },
    ),
    (
        "commissioner@example.org",
        "Chris Morgan",
        {"birmingham": ([Role.COMMISSIONER], "NHS Birmingham and Solihull CCG")},
    ),
    (
        "chair@example.org",
        "Helen Ward",
        {"birmingham": ([Role.OFFICER], "Birmingham Children's Trust")},
    ),
    (
        "board@example.org",
        "Ravi Bhatti",
        {"birmingham": ([Role.BOARD_MEMBER], "Birmingham Children's Trust")},
    ),
    (
        "admin@example.org",
        "Alex Admin",
        {"birmingham": ([Role.AREA_ADMIN], "Birmingham City Council")},
    ),
]


def demo_account(email: str, display_name: str) -> Person:
    """The demo person, created once with the demo password and a confirmed email."""
    person = Person.objects.filter(email=email).first()
    if person is None:
        person = Person.objects.create_user(
            email=email, password=DEMO_PASSWORD, display_name=display_name
        )
    EmailAddress.objects.get_or_create(
        user=person, email=email, defaults={"verified": True, "primary": True}
    )
    return person


@transaction.atomic
def seed() -> dict[str, LocalArea]:
    areas = {}
    for name, slug in AREAS:
        area, _ = LocalArea.objects.get_or_create(slug=slug, defaults={"name": name})
        areas[slug] = area
        for term_name, starts_on, ends_on in TERMS:
            Term.objects.get_or_create(
                area=area, name=term_name, defaults={"starts_on": starts_on, "ends_on": ends_on}
            )
        for org_name, sector in ORGANISATIONS[slug]:
            Organisation.objects.get_or_create(
                area=area, name=org_name, defaults={"sector": sector}
            )

    for email, display_name, places in ACCOUNTS:
        person = demo_account(email, display_name)
        for slug, (roles, org_name) in places.items():
            AreaMembership.objects.get_or_create(
                person=person,
                area=areas[slug],
                defaults={
                    "roles": list(roles),
                    "organisation": Organisation.objects.get(area=areas[slug], name=org_name),
                },
            )

    admin = Person.objects.get(email="admin@example.org")
    if not Authenticator.objects.filter(user=admin, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(admin, DEMO_TOTP_SECRET)
    return areas
