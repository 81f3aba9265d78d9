"""Reads of the forums app. Each returns what a page needs in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from coproduction.people.models import (
    FAMILY_ROLES,
    AreaMembership,
    LocalArea,
    Organisation,
    Person,
    Sector,
    Term,
)
from forums.models import (
    CHAIR_ROLES,
    EQUALITY_QUESTIONS,
    SEAT_ROLES,
    AgreementOutcome,
    Body,
    BodyMembership,
    BodyRole,
    BodyStatus,
    ConsultationRequest,
    EqualityRecord,
    GroupMembership,
    JoinRequest,
    ParticipationGroup,
    PartnershipAgreement,
    PopulationFigure,
    current_on,
)
from forums.representation import Representation, Seat, check_representation

# Area people ------------------------------------------------------------------------------


def area_people(*, area: LocalArea) -> QuerySet[Person]:
    """Everyone who belongs to the area, for choosing members and signatories."""
    return Person.objects.filter(memberships__area=area).order_by("display_name", "email")


def area_family_people(*, area: LocalArea) -> QuerySet[Person]:
    """Parent carer representatives and young people of the area."""
    return area_people(area=area).filter(memberships__roles__overlap=list(FAMILY_ROLES))


def area_organisations(*, area: LocalArea) -> QuerySet[Organisation]:
    return Organisation.objects.filter(area=area).order_by("name")


def area_roles_subquery(area_id: int):
    """The roles in area `area_id` of the person of each row, as an annotation."""
    return Subquery(
        AreaMembership.objects.filter(person_id=OuterRef("person_id"), area_id=area_id).values(
            "roles"
        )[:1]
    )


# Participation groups ---------------------------------------------------------------------


def area_groups(*, area: LocalArea) -> QuerySet[ParticipationGroup]:
    return (
        ParticipationGroup.objects.filter(area=area)
        .select_related("area")
        .annotate(member_count=Count("memberships", filter=Q(memberships__left_on=None)))
        .order_by("kind", "name")
    )


def group_get(*, area: LocalArea, pk: int) -> ParticipationGroup | None:
    return (
        ParticipationGroup.objects.filter(area=area, pk=pk)
        .select_related("area", "organisation")
        .first()
    )


def group_current_members(*, group: ParticipationGroup) -> QuerySet[GroupMembership]:
    return (
        GroupMembership.objects.filter(group=group, left_on=None)
        .select_related("person")
        .order_by("role", "person__display_name")
    )


def group_membership_get(*, group: ParticipationGroup, pk: int) -> GroupMembership | None:
    return (
        GroupMembership.objects.filter(group=group, pk=pk, left_on=None)
        .select_related("person", "group__area")
        .first()
    )


# Equality monitoring: aggregates only, small counts suppressed ----------------------------

SMALL_COUNT = 5


@dataclass
class EqualityCell:
    label: str
    count: int | None  # None when suppressed
    percent: int | None
    population_percent: Decimal | None

    @property
    def suppressed(self) -> bool:
        return self.count is None


@dataclass
class EqualityQuestion:
    question: str
    answered: int | None  # None when fewer than SMALL_COUNT answered: nothing is shown
    cells: list[EqualityCell]


def _suppress(counts: dict[str, int]) -> set[str]:
    """Categories to hide: every count under 5, plus the next smallest when only one would be
    hidden (otherwise it could be worked out from the total)."""
    hidden = {category for category, count in counts.items() if count < SMALL_COUNT}
    if len(hidden) == 1:
        shown = sorted(
            (count, category) for category, count in counts.items() if category not in hidden
        )
        if shown:
            hidden.add(shown[0][1])
    return hidden


def group_equality_summary(*, group: ParticipationGroup) -> list[EqualityQuestion]:
    """Counts of the consented answers of the group's current members, question by question,
    against the area's population figures. Two queries whatever the group's size."""
    aggregates = {"total": Count("pk")}
    for name, _question, choices in EQUALITY_QUESTIONS:
        for value in choices.values:
            aggregates[f"{name}__{value}"] = Count("pk", filter=Q(**{name: value}))
    counts = EqualityRecord.objects.filter(
        person__group_memberships__group=group, person__group_memberships__left_on=None
    ).aggregate(**aggregates)
    population = {
        (figure.question, figure.category): figure.percent
        for figure in PopulationFigure.objects.filter(area_id=group.area_id)
    }
    summary = []
    for name, question, choices in EQUALITY_QUESTIONS:
        by_category = {value: counts[f"{name}__{value}"] for value in choices.values}
        answered = sum(by_category.values())
        if answered < SMALL_COUNT:
            summary.append(EqualityQuestion(question=question, answered=None, cells=[]))
            continue
        hidden = _suppress(by_category)
        cells = []
        for value, label in choices.choices:
            count = None if value in hidden else by_category[value]
            cells.append(
                EqualityCell(
                    label=label,
                    count=count,
                    percent=None if count is None else round(count * 100 / answered),
                    population_percent=population.get((name, value)),
                )
            )
        summary.append(EqualityQuestion(question=question, answered=answered, cells=cells))
    return summary


def equality_record_of(*, person: Person) -> EqualityRecord | None:
    """A person's own answers. Only ever for pages that person sees."""
    return EqualityRecord.objects.filter(person=person).first()


def area_population_figures(*, area: LocalArea) -> dict[tuple[str, str], Decimal]:
    return {
        (figure.question, figure.category): figure.percent
        for figure in PopulationFigure.objects.filter(area=area)
    }


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


def governance_tree(*, area: LocalArea) -> list[dict]:
    """The area's bodies as a flat list of steps for drawing nested lists.

    Two queries: the bodies, and their current chairs and leads. Each step is a dict:
    "open" (start a nested list before this item), "body", "leaf" (close the item at once: it
    has no bodies under it) and "closes" (how many nested lists, with the item holding each,
    end after this item).
    """
    today = timezone.localdate()
    bodies = list(
        Body.objects.filter(area=area)
        .select_related("area")
        .annotate(
            member_count=Count(
                "memberships",
                filter=current_on(today, "memberships__")
                & Q(memberships__role__in=list(SEAT_ROLES)),
            )
        )
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=BodyMembership.objects.filter(
                    current_on(today), role__in=list(CHAIR_ROLES)
                )
                .select_related("person")
                .order_by("role", "person__display_name"),
                to_attr="leaders",
            )
        )
        .order_by("name")
    )
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


def body_agreements(*, body: Body) -> QuerySet[PartnershipAgreement]:
    """Partnership agreements this body reviews."""
    return PartnershipAgreement.objects.filter(reviewing_body=body).order_by("title", "-version")


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


def area_representation(*, area: LocalArea) -> list[BodyRepresentationRow]:
    """The representation check for every body of the area that has not ended.

    Three queries: the bodies, every current seat on them, and the roles of the people
    holding those seats.
    """
    today = timezone.localdate()
    bodies = list(Body.objects.filter(area=area).exclude(status=BodyStatus.ENDED).order_by("name"))
    current_seats = BodyMembership.objects.filter(
        current_on(today), body_id__in=[body.pk for body in bodies], role__in=list(SEAT_ROLES)
    ).order_by()
    roles = dict(
        AreaMembership.objects.filter(area=area, person_id__in=current_seats.values("person_id"))
        .order_by()
        .values_list("person_id", "roles")
    )
    seats = defaultdict(list)
    for body_id, person_id, role, sector in current_seats.values_list(
        "body_id", "person_id", "role", "represents_sector"
    ):
        seats[body_id].append(_seat(role, sector, roles.get(person_id)))
    return [
        BodyRepresentationRow(
            body=body,
            representation=check_representation(
                sectors=body.sectors,
                needs_young_people=body.needs_young_people,
                seats=seats[body.pk],
                family_share=area.family_share_percent,
            ),
        )
        for body in bodies
    ]


def joinable_bodies(*, area: LocalArea, person: Person) -> QuerySet[Body]:
    """Bodies open to requests that `person` is not on now and that have a chair or lead to
    answer, each with its chairs and leads and whether `person` has a request waiting.
    Two queries."""
    today = timezone.localdate()
    current_member = BodyMembership.objects.filter(
        current_on(today), body_id=OuterRef("pk"), person=person
    )
    pending = JoinRequest.objects.filter(
        body_id=OuterRef("pk"), person=person, status=JoinRequest.Status.PENDING
    )
    led = BodyMembership.objects.filter(
        current_on(today), body_id=OuterRef("pk"), role__in=list(CHAIR_ROLES)
    )
    return (
        Body.objects.filter(area=area, open_to_requests=True)
        .exclude(status=BodyStatus.ENDED)
        .exclude(Exists(current_member))
        .filter(Exists(led))
        .select_related("area", "parent")
        .annotate(request_pending=Exists(pending))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=BodyMembership.objects.filter(
                    current_on(today), role__in=list(CHAIR_ROLES)
                )
                .select_related("person")
                .order_by("role", "person__display_name"),
                to_attr="leaders",
            )
        )
        .order_by("kind", "name")
    )


def person_join_requests(*, area: LocalArea, person: Person) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(body__area=area, person=person)
        .select_related("body", "body__area")
        .order_by("-created_at")
    )


def body_pending_requests(*, body: Body) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(body=body, status=JoinRequest.Status.PENDING)
        .select_related("person", "body__area")
        .annotate(area_roles=area_roles_subquery(body.area_id))
        .order_by("created_at")
    )


def has_pending_request(*, body: Body, person: Person) -> bool:
    return JoinRequest.objects.filter(
        body=body, person=person, status=JoinRequest.Status.PENDING
    ).exists()


def join_request_get(*, area: LocalArea, pk: int) -> JoinRequest | None:
    return (
        JoinRequest.objects.filter(body__area=area, pk=pk)
        .select_related("body", "body__area", "person")
        .first()
    )


def chaired_body_ids(person: Person) -> frozenset[int]:
    """Bodies `person` chairs, co-chairs or leads today. Read once and kept on the instance,
    like `Person.area_memberships`, so permission checks in a page cost one query."""
    cached = person.__dict__.get("_chaired_body_ids")
    if cached is None:
        cached = frozenset(
            BodyMembership.objects.filter(
                current_on(timezone.localdate()), person_id=person.pk, role__in=list(CHAIR_ROLES)
            ).values_list("body_id", flat=True)
        )
        person._chaired_body_ids = cached
    return cached


def forget_chaired_bodies(person: Person) -> None:
    person.__dict__.pop("_chaired_body_ids", None)


# Home page --------------------------------------------------------------------------------


def person_current_groups(*, person: Person, area: LocalArea | None = None):
    memberships = GroupMembership.objects.filter(person=person, left_on=None).select_related(
        "group", "group__area"
    )
    if area is not None:
        memberships = memberships.filter(group__area=area)
    return memberships.order_by("group__area__name", "group__name")


def person_current_bodies(*, person: Person, area: LocalArea | None = None):
    """The person's current places on bodies (not those where they are only copied in)."""
    memberships = (
        BodyMembership.objects.filter(current_on(timezone.localdate()), person=person)
        .exclude(role=BodyRole.COPIED)
        .select_related("body", "body__area")
    )
    if area is not None:
        memberships = memberships.filter(body__area=area)
    return memberships.order_by("body__area__name", "body__name")


def person_pending_requests(*, person: Person, area: LocalArea | None = None):
    requests = JoinRequest.objects.filter(
        person=person, status=JoinRequest.Status.PENDING
    ).select_related("body", "body__area")
    if area is not None:
        requests = requests.filter(body__area=area)
    return requests.order_by("created_at")


def requests_waiting_for(*, person: Person, area: LocalArea | None = None):
    """Pending requests to join the bodies `person` chairs, co-chairs or leads."""
    chaired = BodyMembership.objects.filter(
        current_on(timezone.localdate()), person=person, role__in=list(CHAIR_ROLES)
    ).values("body_id")
    requests = JoinRequest.objects.filter(
        status=JoinRequest.Status.PENDING, body_id__in=chaired
    ).select_related("body", "body__area", "person")
    if area is not None:
        requests = requests.filter(body__area=area)
    return requests.order_by("created_at")


# Consultation load ------------------------------------------------------------------------


@dataclass
class TermPeriod:
    """A term and the days whose requests count towards it: from the day after the previous
    term ended (so holiday requests count towards the next term) to its last day."""

    term: Term
    starts_on: date
    ends_on: date

    def __contains__(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def term_periods(*, area: LocalArea) -> list[TermPeriod]:
    periods = []
    previous_end = None
    for term in Term.objects.filter(area=area).order_by("starts_on"):
        starts_on = previous_end + timedelta(days=1) if previous_end else term.starts_on
        periods.append(TermPeriod(term=term, starts_on=starts_on, ends_on=term.ends_on))
        previous_end = term.ends_on
    return periods


def period_for(periods: list[TermPeriod], day: date) -> TermPeriod | None:
    return next((period for period in periods if day in period), None)


@dataclass
class TermLoad:
    period: TermPeriod
    requests: int
    hours: Decimal
    limit: int

    @property
    def at_or_over_limit(self) -> bool:
        return self.requests >= self.limit

    @property
    def over_limit(self) -> bool:
        return self.requests > self.limit


def _requests_of(*, group: ParticipationGroup | None, person: Person | None):
    if group is not None:
        return ConsultationRequest.objects.filter(group=group)
    return ConsultationRequest.objects.filter(person=person)


def consultation_load_by_term(
    *,
    area: LocalArea,
    periods: list[TermPeriod],
    group: ParticipationGroup | None = None,
    person: Person | None = None,
) -> list[TermLoad]:
    """Requests and hours per term for one group or one person: one query."""
    limit = area.group_requests_per_term if group is not None else area.person_requests_per_term
    if not periods:
        return []
    aggregates = {}
    for period in periods:
        in_period = Q(asked_on__range=(period.starts_on, period.ends_on))
        aggregates[f"n{period.term.pk}"] = Count("pk", filter=in_period)
        aggregates[f"h{period.term.pk}"] = Sum("hours_asked", filter=in_period)
    totals = _requests_of(group=group, person=person).filter(area=area).aggregate(**aggregates)
    return [
        TermLoad(
            period=period,
            requests=totals[f"n{period.term.pk}"],
            hours=totals[f"h{period.term.pk}"] or Decimal(0),
            limit=limit,
        )
        for period in periods
    ]


def consultation_requests_of(
    *, area: LocalArea, group: ParticipationGroup | None = None, person: Person | None = None
) -> QuerySet[ConsultationRequest]:
    return (
        _requests_of(group=group, person=person)
        .filter(area=area)
        .select_related("group", "person", "made_by")
        .order_by("-asked_on", "-created_at")
    )


def consultation_load_warnings(
    *,
    area: LocalArea,
    asked_on: date,
    group: ParticipationGroup | None = None,
    person: Person | None = None,
) -> list[str]:
    """Sentences warning that the group or person already has as many requests as the area's
    limit (or more) in the term `asked_on` counts towards. Empty when within the limit or when
    the area has no term covering that day."""
    periods = term_periods(area=area)
    period = period_for(periods, asked_on)
    if period is None:
        return []
    checks = []
    if group is not None:
        checks.append((group, "group", area.group_requests_per_term))
    if person is not None:
        checks.append((person, "person", area.person_requests_per_term))
    warnings = []
    for who, kind, limit in checks:
        requests = (
            ConsultationRequest.objects.filter(**{kind: who}, area=area)
            .filter(asked_on__range=(period.starts_on, period.ends_on))
            .count()
        )
        if requests >= limit:
            warnings.append(
                f"{who} has already had {requests} request{'s' if requests != 1 else ''} "
                f"in {period.term.name}. The limit for a {kind} is {limit} a term."
            )
    return warnings


@dataclass
class LoadRow:
    """A group or person with their requests this term."""

    who: ParticipationGroup | Person
    requests: int
    hours: Decimal
    limit: int

    @property
    def at_or_over_limit(self) -> bool:
        return self.requests >= self.limit


def consultation_overview(*, area: LocalArea, period: TermPeriod | None):
    """Every group, and every parent carer and young person with a request this term, with
    their requests this term. Two queries."""
    if period is None:
        in_term = Q(pk__in=[])
    else:
        in_term = Q(
            consultation_requests__asked_on__range=(period.starts_on, period.ends_on),
            consultation_requests__area=area,
        )
    groups = (
        ParticipationGroup.objects.filter(area=area)
        .select_related("area")
        .annotate(
            requests=Count("consultation_requests", filter=in_term),
            hours=Coalesce(Sum("consultation_requests__hours_asked", filter=in_term), Decimal(0)),
        )
        .order_by("-requests", "name")
    )
    people = (
        Person.objects.filter(memberships__area=area)
        .annotate(
            requests=Count("consultation_requests", filter=in_term),
            hours=Coalesce(Sum("consultation_requests__hours_asked", filter=in_term), Decimal(0)),
        )
        .filter(requests__gt=0)
        .order_by("-requests", "display_name")
    )
    return (
        [
            LoadRow(who=g, requests=g.requests, hours=g.hours, limit=area.group_requests_per_term)
            for g in groups
        ],
        [
            LoadRow(who=p, requests=p.requests, hours=p.hours, limit=area.person_requests_per_term)
            for p in people
        ],
    )


def area_membership_of(*, area: LocalArea, person_id: int) -> AreaMembership | None:
    return (
        AreaMembership.objects.filter(area=area, person_id=person_id)
        .select_related("person", "area")
        .first()
    )


# Partnership agreements -------------------------------------------------------------------


def area_agreements(*, area: LocalArea) -> QuerySet[PartnershipAgreement]:
    """Every version of every agreement of the area, newest version first within each."""
    return (
        PartnershipAgreement.objects.filter(area=area)
        .select_related("area", "reviewing_body")
        .prefetch_related(Prefetch("parties", queryset=Organisation.objects.order_by("name")))
        .order_by("title", "-version")
    )


def agreement_get(*, area: LocalArea, pk: int) -> PartnershipAgreement | None:
    return (
        PartnershipAgreement.objects.filter(area=area, pk=pk)
        .select_related("area", "reviewing_body", "previous_version")
        .prefetch_related(
            Prefetch("parties", queryset=Organisation.objects.order_by("name")),
            Prefetch("signatories", queryset=Person.objects.order_by("display_name")),
            "payments",
            "schedule",
            Prefetch("outcomes", queryset=AgreementOutcome.objects.order_by("pk")),
        )
        .first()
    )


def agreement_versions(*, agreement: PartnershipAgreement) -> QuerySet[PartnershipAgreement]:
    first = agreement.first_version_id or agreement.pk
    return PartnershipAgreement.objects.filter(Q(pk=first) | Q(first_version_id=first)).order_by(
        "-version"
    )


def agreement_reminders(*, agreement: PartnershipAgreement):
    return agreement.reminders.select_related("person").order_by("sent_at")


def agreement_part_get(*, agreement: PartnershipAgreement, model, pk: int):
    """One payment, schedule item or outcome (`model`) of the agreement, or None."""
    return model.objects.filter(agreement=agreement, pk=pk).first()
