"""Reads of boards and work streams, their members and the representation check."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import (
    Count,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import JSONObject
from django.utils import timezone

from coproduction.people.models import (
    FAMILY_ROLES,
    OFFICER_ROLES,
    AreaMembership,
    LocalArea,
    Person,
    Sector,
)
from forums.models import (
    CHAIR_ROLES,
    SEAT_ROLES,
    Body,
    BodyMembership,
    BodyRole,
    BodyStatus,
    current_on,
)
from forums.representation import (
    Representation,
    Seat,
    SeatFigures,
    check_representation,
    representation_from_figures,
)
from forums.selectors.groups import area_roles_subquery

# Bodies -----------------------------------------------------------------------------------


def body_get(*, area: LocalArea, pk: int) -> Body | None:
    return Body.objects.filter(area=area, pk=pk).select_related("area", "parent").first()


def area_bodies(*, area: LocalArea) -> QuerySet[Body]:
    return Body.objects.filter(area=area).order_by("name")


def body_ancestors(*, body: Body) -> list[Body]:
    """The bodies above `body`, from the top down, read with one recursive query."""
    ids = body_ancestor_ids(body_id=body.parent_id) if body.parent_id else []
    by_id = Body.objects.in_bulk(ids)
    return [by_id[pk] for pk in reversed(ids) if pk in by_id]


def body_ancestor_ids(*, body_id: int) -> list[int]:
    """`body_id` and every body above it, nearest first (recursive CTE; UNION stops at a
    cycle should one ever exist)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH RECURSIVE ancestors(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM forums_body WHERE id = %s
                UNION
                SELECT body.id, body.parent_id, ancestors.depth + 1
                FROM forums_body body JOIN ancestors ON body.id = ancestors.parent_id
                WHERE ancestors.depth < 1000
            )
            SELECT id FROM ancestors ORDER BY depth
            """,
            [body_id],
        )
        return [row[0] for row in cursor.fetchall()]


@dataclass(frozen=True, slots=True)
class TreeBody:
    """What the governance tree shows of a body: plain values, no model instance (a tree of
    200 to 1,000 bodies would build one per body, leader and person: the speed issue)."""

    pk: int
    parent_id: int | None
    name: str
    status: str
    status_label: str
    kind_label: str
    level_label: str
    member_count: int
    leaders: tuple[tuple[str, str], ...]  # (role label, display name), chairs first


def governance_tree(*, area: LocalArea) -> list[dict]:
    """The area's bodies as a flat list of steps for drawing nested lists.

    One query: the bodies with their count of current seat holders and their current chairs
    and leads (an array subquery). Each step is a dict: "open" (start a nested list before
    this item), "body" (a `TreeBody`), "leaf" (close the item at once: it has no bodies under
    it) and "closes" (how many nested lists, with the item holding each, end after this item).
    """
    today = timezone.localdate()
    current_seats = (
        BodyMembership.objects.filter(
            current_on(today), body=OuterRef("pk"), role__in=list(SEAT_ROLES)
        )
        .order_by()
        .values("body")
        .annotate(count=Count("pk"))
        .values("count")
    )
    leaders = ArraySubquery(
        BodyMembership.objects.filter(
            current_on(today), body=OuterRef("pk"), role__in=list(CHAIR_ROLES)
        )
        .order_by("role", "person__display_name")
        .values(pair=JSONObject(role="role", name="person__display_name"))
    )
    role_labels = dict(BodyRole.choices)
    status_labels = dict(BodyStatus.choices)
    kind_labels = dict(Body._meta.get_field("kind").flatchoices)
    level_labels = dict(Body._meta.get_field("level").flatchoices)
    bodies = [
        TreeBody(
            pk=row["pk"],
            parent_id=row["parent_id"],
            name=row["name"],
            status=row["status"],
            status_label=status_labels.get(row["status"], row["status"]),
            kind_label=kind_labels.get(row["kind"], row["kind"]),
            level_label=level_labels.get(row["level"], row["level"]),
            member_count=row["member_count"] or 0,
            leaders=tuple(
                (role_labels.get(leader["role"], leader["role"]), leader["name"])
                for leader in row["leaders"]
            ),
        )
        for row in Body.objects.filter(area=area)
        .annotate(member_count=Subquery(current_seats), leaders=leaders)
        .order_by("name")
        .values("pk", "parent_id", "name", "status", "kind", "level", "member_count", "leaders")
    ]
    children = defaultdict(list)
    ids = {body.pk for body in bodies}
    for body in bodies:
        # A body whose parent is missing (never expected) is shown at the top level.
        children[body.parent_id if body.parent_id in ids else None].append(body)

    steps: list[dict] = []

    def walk(parent_id, depth):
        kids = children.get(parent_id, [])
        for index, body in enumerate(kids):
            steps.append(
                {
                    "open": index == 0 and depth > 0,
                    "body": body,
                    "leaf": body.pk not in children,
                    "closes": 0,
                }
            )
            walk(body.pk, depth + 1)
        if kids and depth > 0:
            steps[-1]["closes"] += 1

    walk(None, 0)
    for step in steps:
        step["close_range"] = range(step["closes"])
    return steps


def body_leaders(*, body: Body) -> QuerySet[BodyMembership]:
    """The body's chairs, co-chairs and leads today."""
    return (
        BodyMembership.objects.filter(
            current_on(timezone.localdate()), body=body, role__in=list(CHAIR_ROLES)
        )
        .select_related("person")
        .order_by("role", "person__display_name")
    )


def body_children(*, body: Body) -> QuerySet[Body]:
    return Body.objects.filter(parent=body).order_by("name")


def body_memberships(*, body: Body) -> QuerySet[BodyMembership]:
    """Every membership of the body, past and present, with what the page shows of each."""
    return (
        BodyMembership.objects.filter(body=body)
        .select_related("person", "represents_organisation", "represents_group")
        .annotate(area_roles=area_roles_subquery(body.area_id))
        .order_by("person__display_name", "-started_on")
    )


def body_membership_get(*, body: Body, pk: int) -> BodyMembership | None:
    return (
        BodyMembership.objects.filter(body=body, pk=pk)
        .select_related("person", "body__area", "represents_organisation", "represents_group")
        .first()
    )


ROLE_ORDER = {role: index for index, role in enumerate(BodyRole.values)}
SECTOR_ORDER = {sector: index for index, sector in enumerate(Sector.values)}


@dataclass
class BodyPeople:
    """A body's memberships sorted for its page."""

    leaders: list[BodyMembership]
    by_sector: list[tuple[str, list[BodyMembership]]]  # (what they represent, members)
    observers: list[BodyMembership]
    copied: list[BodyMembership]
    past: list[BodyMembership]
    representation: Representation

    def is_current_member(self, person) -> bool:
        """Whether `person` holds a seat or observes (being copied in is not membership)."""
        current = [*self.leaders, *(m for _s, ms in self.by_sector for m in ms), *self.observers]
        return any(membership.person_id == person.pk for membership in current)


def body_people(*, body: Body, memberships: list[BodyMembership]) -> BodyPeople:
    """Sort memberships (from `body_memberships`) into what the body page shows."""
    today = timezone.localdate()
    current = [m for m in memberships if m.is_current(today)]
    leaders = sorted(
        (m for m in current if m.role in CHAIR_ROLES), key=lambda m: ROLE_ORDER[m.role]
    )
    groups: dict[str, list[BodyMembership]] = defaultdict(list)
    for membership in current:
        if membership.role in SEAT_ROLES:
            groups[membership.represents_sector].append(membership)
    by_sector = [
        (Sector(sector).label if sector else "Not stated", people)
        for sector, people in sorted(
            groups.items(), key=lambda item: SECTOR_ORDER.get(item[0], len(SECTOR_ORDER))
        )
    ]
    representation = check_representation(
        sectors=body.sectors,
        needs_young_people=body.needs_young_people,
        seats=[_seat(m.role, m.represents_sector, m.area_roles) for m in current],
        family_share=body.area.family_share_percent,
    )
    return BodyPeople(
        leaders=leaders,
        by_sector=by_sector,
        observers=[m for m in current if m.role == BodyRole.OBSERVER],
        copied=[m for m in current if m.role == BodyRole.COPIED],
        past=sorted(
            (m for m in memberships if m.ended_on and m.ended_on < today),
            key=lambda m: m.ended_on,
            reverse=True,
        ),
        representation=representation,
    )


def _seat(role, sector, area_roles) -> Seat:
    return Seat(role=role, represents_sector=sector, area_roles=frozenset(area_roles or ()))


@dataclass
class BodyRepresentationRow:
    body: Body
    representation: Representation


# The figures of the representation check for each body of an area, in one query: current
# seats (not observers, not those copied in) with the seat holder's roles in the area.
_SEAT_FIGURES_SQL = """
    SELECT body_id,
           count(*),
           {sectors},
           coalesce(bool_or(is_chair AND officer), false),
           coalesce(bool_or(commissioner), false),
           coalesce(bool_or(parent_carer), false),
           coalesce(bool_or(young_person), false),
           count(*) FILTER (WHERE family)
    FROM (
        SELECT seat.body_id,
               seat.represents_sector AS sector,
               seat.role = ANY(%(chair_roles)s) AS is_chair,
               member.officer, member.commissioner, member.parent_carer, member.young_person,
               member.family
        FROM forums_bodymembership seat
        JOIN forums_body body ON body.id = seat.body_id
        LEFT JOIN (
            -- Each member's roles read once, not once per seat they hold.
            SELECT person_id,
                   roles::text[] && %(officer_roles)s AS officer,
                   roles::text[] @> ARRAY['commissioner'] AS commissioner,
                   roles::text[] @> ARRAY['parent_carer'] AS parent_carer,
                   roles::text[] @> ARRAY['young_person'] AS young_person,
                   roles::text[] && %(family_roles)s AS family
            FROM people_areamembership WHERE area_id = %(area_id)s
        ) member ON member.person_id = seat.person_id
        WHERE body.area_id = %(area_id)s AND body.status <> %(ended)s
          AND seat.role = ANY(%(seat_roles)s)
          AND seat.started_on <= %(today)s
          AND (seat.ended_on IS NULL OR seat.ended_on >= %(today)s)
    ) seats
    GROUP BY body_id
""".replace(
    # One yes/no per sector (our own fixed list) rather than array_agg(DISTINCT ...), which
    # sorts.
    "{sectors}",
    ", ".join(f"bool_or(sector = '{sector}')" for sector in Sector.values),
)


def area_seat_figures(*, area: LocalArea) -> dict[int, SeatFigures]:
    """The representation figures of each body of the area with current seats, by body id
    (one query; bodies without seats are absent)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _SEAT_FIGURES_SQL,
            {
                "area_id": area.pk,
                "ended": BodyStatus.ENDED,
                "today": timezone.localdate(),
                "seat_roles": sorted(SEAT_ROLES),
                "chair_roles": sorted(CHAIR_ROLES),
                "officer_roles": sorted(OFFICER_ROLES),
                "family_roles": sorted(FAMILY_ROLES),
            },
        )
        sectors = Sector.values
        figures = {}
        for row in cursor.fetchall():
            body_id, seats, covered = row[0], row[1], row[2 : 2 + len(sectors)]
            authority, commissioner, parent_carers, young_people, families = row[2 + len(sectors) :]
            figures[body_id] = SeatFigures(
                seats=seats,
                covered_sectors=frozenset(
                    s for s, yes in zip(sectors, covered, strict=True) if yes
                ),
                has_authority=authority,
                has_commissioner=commissioner,
                has_parent_carers=parent_carers,
                has_young_people=young_people,
                families=families,
            )
        return figures


NO_SEATS = SeatFigures(
    seats=0,
    covered_sectors=frozenset(),
    has_authority=False,
    has_commissioner=False,
    has_parent_carers=False,
    has_young_people=False,
    families=0,
)


def area_representation(*, area: LocalArea) -> list[BodyRepresentationRow]:
    """The representation check for every body of the area that has not ended.

    Two queries: the bodies, and the figures of their current seats, counted in the database
    (no per-seat objects: 200 bodies hold about 5,800 seats).
    """
    bodies = list(
        Body.objects.filter(area=area)
        .exclude(status=BodyStatus.ENDED)
        .only("pk", "area_id", "name", "sectors", "needs_young_people")
        .order_by("name")
    )
    figures = area_seat_figures(area=area)
    return [
        BodyRepresentationRow(
            body=body,
            representation=representation_from_figures(
                sectors=body.sectors,
                needs_young_people=body.needs_young_people,
                figures=figures.get(body.pk, NO_SEATS),
                family_share=area.family_share_percent,
            ),
        )
        for body in bodies
    ]


def _chaired(person: Person) -> frozenset[tuple[int, int]]:
    """(body id, area id) of the bodies `person` chairs, co-chairs or leads today. Read once
    and kept on the instance, like `Person.area_memberships`, so permission checks in a page
    cost one query."""
    cached = person.__dict__.get("_chaired_bodies")
    if cached is None:
        cached = frozenset(
            BodyMembership.objects.filter(
                current_on(timezone.localdate()), person_id=person.pk, role__in=list(CHAIR_ROLES)
            ).values_list("body_id", "body__area_id")
        )
        person._chaired_bodies = cached
    return cached


def chaired_body_ids(person: Person) -> frozenset[int]:
    """Bodies `person` chairs, co-chairs or leads today (see `_chaired`)."""
    return frozenset(body_id for body_id, _area_id in _chaired(person))


def chaired_area_ids(person: Person) -> frozenset[int]:
    """Areas where `person` chairs, co-chairs or leads a body today (see `_chaired`)."""
    return frozenset(area_id for _body_id, area_id in _chaired(person))


def forget_chaired_bodies(person: Person) -> None:
    person.__dict__.pop("_chaired_bodies", None)


def person_current_bodies(*, person: Person, area: LocalArea | None = None):
    """The person's current places on bodies (not those where they are only copied in), in
    the areas they belong to."""
    memberships = (
        BodyMembership.objects.filter(
            current_on(timezone.localdate()),
            person=person,
            body__area_id__in=AreaMembership.objects.filter(person=person).values("area_id"),
        )
        .exclude(role=BodyRole.COPIED)
        .select_related("body", "body__area")
    )
    if area is not None:
        memberships = memberships.filter(body__area=area)
    return memberships.order_by("body__area__name", "body__name")
