"""Bench data for the forums app: in each of the 50 bench areas, 200 boards and work streams
(nested four deep) with 30 members each, 10 participation groups, 3 terms and 2,000
consultation requests. Uses the areas and people bench/people.py builds."""

from datetime import timedelta
from decimal import Decimal

from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import is_mfa_enabled
from django.db import connection
from django.utils import timezone

from bench.people import AREAS, MEMBERS_PER_AREA, area_slug
from coproduction.consultation.models import ConsultationRequest, RequestKind
from coproduction.people.models import AreaMembership, LocalArea, Person, Role, Sector, Term
from forums.models import (
    Body,
    BodyMembership,
    BodyRole,
    EqualityRecord,
    GroupMembership,
    JoinRequest,
    ParticipationGroup,
)

BODIES_PER_AREA = 200
MEMBERS_PER_BODY = 30
GROUPS_PER_AREA = 10
REQUESTS_PER_AREA = 2000
BATCH = 5000
SERVICES = [Sector.EDUCATION, Sector.HEALTH, Sector.SOCIAL_CARE, Sector.VOLUNTARY]
SECTOR_OF_ROLE = {
    Role.PARENT_CARER: Sector.PARENT_CARERS,
    Role.YOUNG_PERSON: Sector.YOUNG_PEOPLE,
    Role.COMMISSIONER: Sector.HEALTH,
    Role.BOARD_MEMBER: Sector.SOCIAL_CARE,
}
KINDS = list(RequestKind)


def _parent_index(index: int) -> int | None:
    """Four levels: 1 board at the top, 10 boards under it, work streams under those, and
    some work streams under work streams."""
    if index == 0:
        return None
    if index <= 10:
        return 0
    if index < 100:
        return 1 + (index - 11) % 10
    return index - 89


def build() -> str:
    summary = (
        f"forums: {AREAS} areas x {BODIES_PER_AREA} bodies x {MEMBERS_PER_BODY} members, "
        f"{GROUPS_PER_AREA} groups and {REQUESTS_PER_AREA} consultation requests per area"
    )
    last = LocalArea.objects.get(slug=area_slug(AREAS - 1))
    if Body.objects.filter(area=last, name=f"Bench body {BODIES_PER_AREA - 1}").exists():
        return summary + " (already built); " + build_large()
    today = timezone.localdate()
    areas = list(LocalArea.objects.filter(slug__startswith="bench-area-").order_by("slug"))
    roles = {
        (m.area_id, m.person_id): m.roles[0] for m in AreaMembership.objects.filter(area__in=areas)
    }
    people = {
        area.pk: list(
            Person.objects.filter(memberships__area=area)
            .filter(email__startswith="bench")
            .order_by("pk")[:MEMBERS_PER_AREA]
        )
        for area in areas
    }

    Term.objects.bulk_create(
        [
            Term(
                area=area,
                name=f"Term {n}",
                starts_on=today - timedelta(days=100 * (2 - n) + 10),
                ends_on=today - timedelta(days=100 * (2 - n) - 40),
            )
            for area in areas
            for n in range(3)
            if not Term.objects.filter(area=area).exists()
        ]
    )

    bodies = Body.objects.bulk_create(
        [
            Body(
                area=area,
                name=f"Bench body {i}",
                kind="board" if i <= 10 else "work_stream",
                level="strategic" if i <= 10 else "operational",
                purpose="Plan and improve SEND services with families.",
                sectors=SERVICES if i <= 10 else SERVICES[i % 4 : i % 4 + 2],
                needs_young_people=i % 3 == 0,
                open_to_requests=i % 4 == 0,
                hours_per_term=Decimal(6),
            )
            for area in areas
            for i in range(BODIES_PER_AREA)
        ],
        batch_size=BATCH,
    )
    by_area = {}
    for body in bodies:
        by_area.setdefault(body.area_id, []).append(body)
    for area_bodies in by_area.values():
        for index, body in enumerate(area_bodies):
            parent = _parent_index(index)
            body.parent = area_bodies[parent] if parent is not None else None
    Body.objects.bulk_update(bodies, ["parent"], batch_size=BATCH)

    memberships = []
    started = today - timedelta(days=200)
    for area in areas:
        persons = people[area.pk]
        for index, body in enumerate(by_area[area.pk]):
            for k in range(MEMBERS_PER_BODY):
                person = persons[(index + k) % len(persons)]
                role = roles[(area.pk, person.pk)]
                if k == 0:
                    body_role = BodyRole.CHAIR if index <= 10 else BodyRole.LEAD
                elif k == MEMBERS_PER_BODY - 1:
                    body_role = BodyRole.COPIED
                else:
                    body_role = BodyRole.MEMBER
                memberships.append(
                    BodyMembership(
                        body=body,
                        person=person,
                        role=body_role,
                        represents_sector=SECTOR_OF_ROLE.get(role, SERVICES[k % 4]),
                        started_on=started,
                    )
                )
        if len(memberships) >= BATCH * 4:
            BodyMembership.objects.bulk_create(memberships, batch_size=BATCH)
            memberships = []
    BodyMembership.objects.bulk_create(memberships, batch_size=BATCH)

    groups = ParticipationGroup.objects.bulk_create(
        [
            ParticipationGroup(
                area=area,
                name=f"Bench group {n}",
                kind="parent_carer_forum" if n == 0 else "support_group",
                description="A group of families.",
                how_to_contact="group@example.org",
            )
            for area in areas
            for n in range(GROUPS_PER_AREA)
        ]
    )
    groups_of = {}
    for group in groups:
        groups_of.setdefault(group.area_id, []).append(group)
    families = {
        area.pk: [
            p
            for p in people[area.pk]
            if roles[(area.pk, p.pk)] in (Role.PARENT_CARER, Role.YOUNG_PERSON)
        ]
        for area in areas
    }
    GroupMembership.objects.bulk_create(
        [
            GroupMembership(group=group, person=person, joined_on=started)
            for area in areas
            for index, person in enumerate(families[area.pk])
            for group in groups_of[area.pk][index % 3 :: 3]
        ],
        batch_size=BATCH,
    )
    EqualityRecord.objects.bulk_create(
        [
            EqualityRecord(
                person=person,
                age_band=["25_34", "35_44", "45_54"][index % 3],
                ethnicity=["white", "asian", "black", "mixed", "other"][index % 5],
                disability=["no", "a_little"][index % 2],
                carer="yes",
                main_language="english",
            )
            for area in areas
            for index, person in enumerate(families[area.pk])
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    ConsultationRequest.objects.bulk_create(
        [
            ConsultationRequest(
                area=area,
                group=groups_of[area.pk][n % GROUPS_PER_AREA] if n % 2 else None,
                person=None if n % 2 else families[area.pk][n % len(families[area.pk])],
                kind=KINDS[n % len(KINDS)],
                title=f"Request {n}",
                asked_on=today - timedelta(days=n % 300),
                hours_asked=Decimal("1.5"),
            )
            for area in areas
            for n in range(REQUESTS_PER_AREA)
        ],
        batch_size=BATCH,
    )
    # Requests to join waiting for the first area's chairs and leads.
    area = areas[0]
    open_bodies = [b for b in by_area[area.pk] if b.open_to_requests]
    member_ids = set(
        BodyMembership.objects.filter(body__in=open_bodies).values_list("body_id", "person_id")
    )
    JoinRequest.objects.bulk_create(
        [
            JoinRequest(body=body, person=person, note="I would like to join.")
            for body in open_bodies
            for person in families[area.pk][:3]
            if (body.pk, person.pk) not in member_ids
        ]
    )
    # Fresh planner statistics, as autovacuum would give a live database after a bulk load.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return summary + "; " + build_large()


LARGE_SLUG = "bench-large"
LARGE_BODIES = 1000


def _large_parent_index(index: int) -> int | None:
    """1 board at the top, 10 boards under it, 89 work streams under those, and 900 work
    streams spread under the 89: four levels, as in the smaller areas."""
    if index < 100:
        return _parent_index(index)
    return 11 + (index - 100) % 89


def build_large() -> str:
    """One more area with 1,000 boards and work streams of 30 members each, for the
    in-process times of the governance tree and representation table at that size. Its
    people are bench area 1's, with the same roles."""
    summary = f"1 area x {LARGE_BODIES} bodies x {MEMBERS_PER_BODY} members"
    if Body.objects.filter(area__slug=LARGE_SLUG, name=f"Bench body {LARGE_BODIES - 1}").exists():
        return summary + " (already built)"
    source = LocalArea.objects.get(slug=area_slug(1))
    area = LocalArea.objects.create(name="Bench large area", slug=LARGE_SLUG)
    source_memberships = list(
        AreaMembership.objects.filter(area=source, person__email__startswith="bench")
        .select_related("person")
        .order_by("person_id")
    )
    AreaMembership.objects.bulk_create(
        [AreaMembership(person=m.person, area=area, roles=m.roles) for m in source_memberships]
    )
    persons = [m.person for m in source_memberships]
    large_admin = Person.objects.get(email="bench1-0@example.org")  # area admin of both
    if not is_mfa_enabled(large_admin):
        TOTP.activate(large_admin, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    roles = {m.person_id: m.roles[0] for m in source_memberships}
    bodies = Body.objects.bulk_create(
        [
            Body(
                area=area,
                name=f"Bench body {i}",
                kind="board" if i <= 10 else "work_stream",
                level="strategic" if i <= 10 else "operational",
                purpose="Plan and improve SEND services with families.",
                sectors=SERVICES if i <= 10 else SERVICES[i % 4 : i % 4 + 2],
                needs_young_people=i % 3 == 0,
                open_to_requests=i % 4 == 0,
                hours_per_term=Decimal(6),
            )
            for i in range(LARGE_BODIES)
        ],
        batch_size=BATCH,
    )
    for index, body in enumerate(bodies):
        parent = _large_parent_index(index)
        body.parent = bodies[parent] if parent is not None else None
    Body.objects.bulk_update(bodies, ["parent"], batch_size=BATCH)
    started = timezone.localdate() - timedelta(days=200)
    BodyMembership.objects.bulk_create(
        [
            BodyMembership(
                body=body,
                person=persons[(index + k) % len(persons)],
                role=(
                    (BodyRole.CHAIR if index <= 10 else BodyRole.LEAD)
                    if k == 0
                    else BodyRole.COPIED
                    if k == MEMBERS_PER_BODY - 1
                    else BodyRole.MEMBER
                ),
                represents_sector=SECTOR_OF_ROLE.get(
                    roles[persons[(index + k) % len(persons)].pk], SERVICES[k % 4]
                ),
                started_on=started,
            )
            for index, body in enumerate(bodies)
            for k in range(MEMBERS_PER_BODY)
        ],
        batch_size=BATCH,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return summary


def pages():
    large = LocalArea.objects.get(slug=LARGE_SLUG)
    large_admin = Person.objects.get(email="bench1-0@example.org")
    area = LocalArea.objects.get(slug=area_slug(0))
    admin = Person.objects.get(email="bench0-0@example.org")
    parent = Person.objects.get(email="bench0-5@example.org")  # a parent carer representative
    body = Body.objects.get(area=area, name="Bench body 150")
    group = ParticipationGroup.objects.get(area=area, name="Bench group 0")
    slug = area.slug
    return [
        ("governance tree (200 bodies)", f"/{slug}/governance/", admin),
        ("body page (30 members)", f"/{slug}/governance/{body.pk}/", admin),
        ("work streams you can join", f"/{slug}/governance/join/", parent),
        ("representation table (200 bodies)", f"/{slug}/governance/representation/", admin),
        ("consultation load overview", f"/{slug}/consultation/", admin),
        ("consultation load of a group", f"/{slug}/consultation/groups/{group.pk}/", admin),
        ("consultation load of a person", f"/{slug}/consultation/people/{parent.pk}/", admin),
        ("participation group page", f"/{slug}/groups/{group.pk}/", parent),
        ("home page (forums sections)", "/", parent),
        ("governance tree (1,000 bodies)", f"/{large.slug}/governance/", large_admin),
        (
            "representation table (1,000 bodies)",
            f"/{large.slug}/governance/representation/",
            large_admin,
        ),
    ]
