"""Bench data for the initiatives app, in the areas bench/people.py builds.

20,000 initiatives: the first area holds 2,000 (the pages are timed there, the worst case)
and the other 49 share the rest. Each has 5 outcomes (100,000 rows), 1 or 2 lead
organisations, 1 or 2 options and 3 history lines; 5,000 opportunities (one initiative in
four) with 2 expressions of interest each. Text is made from SEND words so searches match
a realistic share of rows.
"""

import random
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from bench.people import AREAS, area_slug
from coproduction.people.models import AreaMembership, LocalArea, Organisation, Person, Role
from initiatives.models import (
    CO_ORDER,
    CODE_PREFIXES,
    Audience,
    Initiative,
    InitiativeChange,
    InitiativeCodeCounter,
    InitiativeStatus,
    Interest,
    Opportunity,
    Option,
    Outcome,
    Publication,
)
from initiatives.services import initiatives_refresh_search

INITIATIVES = 20_000
FIRST_AREA_INITIATIVES = 2_000
OUTCOMES_PER_INITIATIVE = 5
OPPORTUNITY_EVERY = 4  # one initiative in four has an opportunity: 5,000
OPTIONS_PER_AREA = 20
BATCH = 2_000

TOPICS = [
    "autism",
    "short breaks",
    "transition to adulthood",
    "speech and language",
    "hospital passports",
    "Local Offer website",
    "EHC plan reviews",
    "mental health",
    "supported internships",
    "peer support",
    "early years inclusion",
    "school exclusions",
    "personal budgets",
    "sensory needs",
    "travel training",
]
KINDS = ["forum", "work stream", "pilot", "review", "workshops", "survey", "programme"]
GROUPS = ["parent carers", "young people", "families", "schools", "health staff"]


def _text(rng: random.Random, n: int) -> tuple[str, str]:
    topic, kind, group = rng.choice(TOPICS), rng.choice(KINDS), rng.choice(GROUPS)
    title = f"{topic.capitalize()} {kind} {n}"
    summary = (
        f"{group.capitalize()} and professionals work together on {topic}, "
        f"with {rng.choice(TOPICS)} as a second theme."
    )
    return title, summary


def _counts_per_area() -> list[int]:
    rest, extra = divmod(INITIATIVES - FIRST_AREA_INITIATIVES, AREAS - 1)
    return [FIRST_AREA_INITIATIVES] + [rest + (1 if i < extra else 0) for i in range(AREAS - 1)]


def build() -> str:
    summary = (
        f"{INITIATIVES} initiatives ({FIRST_AREA_INITIATIVES} in the timed area), "
        f"{INITIATIVES * OUTCOMES_PER_INITIATIVE} outcomes, "
        f"{INITIATIVES // OPPORTUNITY_EVERY} opportunities"
    )
    last = LocalArea.objects.get(slug=area_slug(AREAS - 1))
    if Initiative.objects.filter(area=last).exists():
        return summary + " (already built)"
    rng = random.Random(2026)  # noqa: S311 (bench data, not security)
    areas = list(LocalArea.objects.filter(slug__startswith="bench-area-").order_by("slug"))
    now = timezone.now()
    today = timezone.localdate()
    for area, count in zip(areas, _counts_per_area(), strict=True):
        organisations = list(Organisation.objects.filter(area=area))
        options = Option.objects.bulk_create(
            [
                Option(
                    area=area,
                    theme_number=1 + n // 5,
                    theme=f"Theme {1 + n // 5}",
                    number=1 + n % 5,
                    text=f"Option about {TOPICS[n % len(TOPICS)]}",
                )
                for n in range(OPTIONS_PER_AREA)
            ]
        )
        officer = (
            AreaMembership.objects.filter(area=area, roles__contains=[Role.OFFICER])
            .values_list("person_id", flat=True)
            .first()
        )
        families = list(
            AreaMembership.objects.filter(
                area=area, roles__overlap=[Role.PARENT_CARER, Role.YOUNG_PERSON]
            ).values_list("person_id", flat=True)
        )
        numbers = dict.fromkeys(CO_ORDER, 0)
        rows = []
        for n in range(count):
            co = CO_ORDER[n % 4]
            numbers[co] += 1
            title, summary_text = _text(rng, n)
            rows.append(
                Initiative(
                    area=area,
                    code=f"{CODE_PREFIXES[co]}{numbers[co]}",
                    code_number=numbers[co],
                    title=title,
                    summary=summary_text,
                    main_co=co,
                    cos=[co],
                    sectors=sorted({rng.choice(organisations).sector for _ in range(2)}),
                    level=rng.choice(["individual", "service", "strategic"]),
                    status=rng.choice(InitiativeStatus.values),
                    end_date=today if n % 17 == 0 else None,
                    publication=Publication.DRAFT if n % 25 == 0 else Publication.PUBLISHED,
                    created_by_id=officer,
                    created_at=now,
                    updated_at=now,
                )
            )
        # ended initiatives need an end date; the rule is the model's, so keep rows valid
        for initiative in rows:
            if initiative.status == InitiativeStatus.ENDED and initiative.end_date is None:
                initiative.end_date = today
        created = Initiative.objects.bulk_create(rows, batch_size=BATCH)
        InitiativeCodeCounter.objects.bulk_create(
            [
                InitiativeCodeCounter(area=area, co=co, last_number=number)
                for co, number in numbers.items()
            ]
        )
        Initiative.lead_organisations.through.objects.bulk_create(
            [
                Initiative.lead_organisations.through(initiative=i, organisation=org)
                for i in created
                for org in rng.sample(organisations, rng.choice([1, 2]))
            ],
            batch_size=BATCH,
        )
        Initiative.options.through.objects.bulk_create(
            [
                Initiative.options.through(initiative=i, option=option)
                for i in created
                for option in rng.sample(options, rng.choice([1, 2]))
            ],
            batch_size=BATCH,
        )
        Outcome.objects.bulk_create(
            [
                Outcome(
                    initiative=i,
                    description=f"Families see better {rng.choice(TOPICS)} ({k + 1})",
                    indicators=f"Feedback from {rng.choice(GROUPS)}",
                    timescale="By July 2027",
                    responsible="SEND team",
                    position=k + 1,
                )
                for i in created
                for k in range(OUTCOMES_PER_INITIATIVE)
            ],
            batch_size=BATCH * 5,
        )
        InitiativeChange.objects.bulk_create(
            [
                InitiativeChange(
                    initiative=i,
                    changed_by_id=officer,
                    changed_at=now - timedelta(days=k),
                    action="changed",
                    field="Title",
                    old_value="Earlier title",
                    new_value=i.title,
                )
                for i in created
                for k in range(3)
            ],
            batch_size=BATCH * 3,
        )
        opportunities = Opportunity.objects.bulk_create(
            [
                Opportunity(
                    area=area,
                    initiative=i,
                    title=f"Help with {i.title.lower()}",
                    kind=rng.choice(Opportunity.Kind.values),
                    description="Come and share your experience.",
                    audience=rng.choice(Audience.values),
                    time_asked="Two hours",
                    hours_asked=2,
                    support_offered=["expenses", "online"],
                    closes_on=today + timedelta(days=rng.randint(-20, 60)),
                    places=rng.choice([None, 2, 5, 10]),
                    opened_by_id=officer,
                )
                for i in created[::OPPORTUNITY_EVERY]
            ],
            batch_size=BATCH,
        )
        Interest.objects.bulk_create(
            [
                Interest(
                    opportunity=opportunity,
                    person_id=person,
                    status=rng.choice(Interest.Status.values),
                )
                for opportunity in opportunities
                for person in rng.sample(families, 2)
            ],
            batch_size=BATCH,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    ids = list(Initiative.objects.filter(area__in=areas).values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        initiatives_refresh_search(initiative_ids=ids[start : start + BATCH])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return summary


def pages():
    slug = area_slug(0)
    area = LocalArea.objects.get(slug=slug)
    officer = Person.objects.get(email="bench0-2@example.org")
    parent = Person.objects.get(email="bench0-5@example.org")
    initiative = (
        Initiative.objects.filter(area=area, publication=Publication.PUBLISHED)
        .filter(opportunities__isnull=False)
        .order_by("pk")
        .first()
    )
    register = f"/{slug}/initiatives/"
    return [
        ("register (2,000 initiatives)", register, parent),
        (
            "register filtered (Co, sector, status)",
            register + "?co=co_design&sector=health&status=active",
            parent,
        ),
        ("register searched", register + "?q=autism+parent+carers", parent),
        (
            "register searched and filtered (officer)",
            register + "?q=short+breaks&sector=education&level=service",
            officer,
        ),
        ("initiatives summary", f"/{slug}/initiatives/summary/", parent),
        ("initiative page (officer, with history)", initiative.get_absolute_url(), officer),
        ("get involved (parent carer)", f"/{slug}/get-involved/", parent),
    ]
