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

from coproduction.consultation.models import ConsultationRequest
from coproduction.people.models import AreaMembership, LocalArea, Organisation, Person
from forums.demo.data import (
    BIRMINGHAM_POPULATION,
    BIRMINGHAM_REQUESTS,
    BODIES,
    EQUALITY_RECORDS,
    GROUPS,
    MEMBERSHIP_START,
    PEOPLE,
)
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    Body,
    BodyMembership,
    EqualityRecord,
    FundingPeriod,
    GroupMembership,
    JoinRequest,
    ParticipationGroup,
    PartnershipAgreement,
    PaymentKind,
    PopulationFigure,
    RagStatus,
    RateUnit,
)
from forums.services import equality_snapshots_take


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
