"""Reads of the training register. Each runs a fixed number of queries whatever the data size."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from coproduction.people.models import AreaMembership, LocalArea, Person, Role, Sector
from coproduction.small_counts import suppress
from coproduction.training.models import Course, CourseAudience, SignUp, audience_fits

Status = SignUp.Status


def academic_year_of(day: date) -> tuple[date, date]:
    """The first and last day of the school year (1 September to 31 August) `day` is in.
    The same bounds as `evaluation.figures.academic_year`."""
    start = day.year if day.month >= 9 else day.year - 1
    return date(start, 9, 1), date(start + 1, 8, 31)


def _with_places(courses: QuerySet[Course]) -> QuerySet[Course]:
    return courses.select_related("area", "delivered_by_organisation").annotate(
        places_taken=Count("sign_ups", filter=Q(sign_ups__status=Status.PLACE)),
        waiting_count=Count("sign_ups", filter=Q(sign_ups__status=Status.WAITING)),
    )


def free_places(course) -> int:
    """Places left on a course annotated with `places_taken` (see `_with_places`)."""
    return max(course.capacity - course.places_taken, 0)


def course_get(*, area: LocalArea, pk: int) -> Course | None:
    """One course of `area` with its place counts, or None (another area's id included)."""
    return _with_places(Course.objects.filter(area=area, pk=pk)).first()


def courses_upcoming(*, area: LocalArea, today: date | None = None) -> list[Course]:
    """Courses of `area` from today on, soonest first, with `free_places` set on each."""
    today = today or timezone.localdate()
    courses = list(_with_places(Course.objects.filter(area=area, starts_on__gte=today)))
    for course in courses:
        course.free_places = free_places(course)
    return courses


def courses_past(*, area: LocalArea, today: date | None = None) -> QuerySet[Course]:
    """Courses of `area` before today, latest first, with attendance counts."""
    today = today or timezone.localdate()
    return (
        _with_places(Course.objects.filter(area=area, starts_on__lt=today))
        .annotate(
            attended_count=Count("sign_ups", filter=Q(sign_ups__attended=True)),
            recorded_count=Count("sign_ups", filter=Q(sign_ups__attended__isnull=False)),
        )
        .order_by("-starts_on", "-pk")
    )


def course_sign_ups(*, course: Course) -> dict[str, list[SignUp]]:
    """The course's sign-ups split into places and the waiting list (in order)."""
    split: dict[str, list[SignUp]] = {"places": [], "waiting": []}
    for sign_up in course.sign_ups.exclude(status=Status.WITHDRAWN).select_related("person"):
        split["places" if sign_up.status == Status.PLACE else "waiting"].append(sign_up)
    return split


def sign_up_of(*, course: Course, person: Person) -> SignUp | None:
    """The person's sign-up, with `position` on the waiting list (1 is next; None when they
    are not waiting). Two queries at most."""
    sign_up = SignUp.objects.filter(course=course, person_id=person.pk).first()
    if sign_up is None:
        return None
    sign_up.position = None
    if sign_up.status == Status.WAITING:
        ahead = SignUp.objects.filter(course=course, status=Status.WAITING).filter(
            Q(queued_at__lt=sign_up.queued_at) | Q(queued_at=sign_up.queued_at, pk__lt=sign_up.pk)
        )
        sign_up.position = ahead.count() + 1
    return sign_up


def person_training_record(*, person: Person) -> list[SignUp]:
    """The courses the person attended, in every area, latest first (one query)."""
    return list(
        SignUp.objects.filter(person_id=person.pk, attended=True)
        .select_related("course__area", "course__delivered_by_organisation")
        .order_by("-course__starts_on", "-course__pk")
    )


def area_training_records(*, area: LocalArea) -> list[AreaMembership]:
    """The people of `area`, each with `courses` (their attended sign-ups in this area,
    latest first). Two queries."""
    attended = (
        SignUp.objects.filter(attended=True, course__area=area)
        .select_related("course__delivered_by_organisation")
        .order_by("-course__starts_on", "-course__pk")
    )
    return list(
        AreaMembership.objects.filter(area=area)
        .select_related("person", "organisation")
        .prefetch_related(
            Prefetch("person__training_sign_ups", queryset=attended, to_attr="courses")
        )
        .order_by("person__display_name", "person__email")
    )


@dataclass(frozen=True)
class TrainedSummary:
    """Who was trained in a period: counts of people (suppressed) by role and by sector."""

    starts_on: date
    ends_on: date
    total: int | str | None
    by_role: list[tuple[str, int | str | None]]
    by_sector: list[tuple[str, int | str | None]]


@dataclass(frozen=True)
class TrainedCounts:
    """Raw counts of people trained (not suppressed: for code that suppresses them itself,
    such as the board dashboard's figures). `by_sector` is keyed by sector value, with None
    for people without an organisation."""

    total: int
    by_role: dict[str, int]
    by_sector: dict[str | None, int]


def trained_counts(*, area: LocalArea, starts_on: date, ends_on: date) -> TrainedCounts:
    """People of `area` who attended at least one of its courses held from `starts_on` to
    `ends_on` (both included), by role (a person with two roles counts under each) and by
    their organisation's sector. People who have since left the area are not counted. Two
    queries whatever the numbers."""
    trained = AreaMembership.objects.filter(area=area).filter(
        Exists(
            SignUp.objects.filter(
                person_id=OuterRef("person_id"),
                attended=True,
                course__area=area,
                course__starts_on__gte=starts_on,
                course__starts_on__lte=ends_on,
            )
        )
    )
    roles: Counter[str] = Counter()
    total = 0
    for row in trained.values("roles").annotate(n=Count("pk")).order_by():
        total += row["n"]
        for role in row["roles"]:
            roles[role] += row["n"]
    sectors = {
        row["organisation__sector"]: row["n"]
        for row in trained.values("organisation__sector").annotate(n=Count("pk")).order_by()
    }
    return TrainedCounts(total=total, by_role=dict(roles), by_sector=sectors)


def trained_summary(*, area: LocalArea, starts_on: date, ends_on: date) -> TrainedSummary:
    """`trained_counts` for the area view, every role and sector listed and counts of 1 to 4
    shown as "fewer than 5" (`suppress`). Two queries."""
    counts = trained_counts(area=area, starts_on=starts_on, ends_on=ends_on)
    by_sector = [
        (label, suppress(counts.by_sector.get(value, 0))) for value, label in Sector.choices
    ]
    if counts.by_sector.get(None):
        by_sector.append(("Not recorded", suppress(counts.by_sector[None])))
    return TrainedSummary(
        starts_on=starts_on,
        ends_on=ends_on,
        total=suppress(counts.total),
        by_role=[(label, suppress(counts.by_role.get(value, 0))) for value, label in Role.choices],
        by_sector=by_sector,
    )


def courses_held(*, area: LocalArea, starts_on: date, ends_on: date) -> tuple[int, int]:
    """How many of the area's courses were held in the period, and how many of them were
    co-delivered by parent carers or young people (one query)."""
    totals = Course.objects.filter(
        area=area, starts_on__gte=starts_on, starts_on__lte=ends_on
    ).aggregate(held=Count("pk"), co_delivered=Count("pk", filter=Q(co_delivered=True)))
    return totals["held"], totals["co_delivered"]


def _audiences_for(roles) -> list[str]:
    return [value for value in CourseAudience.values if audience_fits(value, roles)]


def courses_for_home(*, person: Person, area: LocalArea | None = None) -> QuerySet[Course]:
    """Courses still to come in the person's areas (or `area`): their own (a place or on the
    waiting list) first, then those whose audience fits their roles there, soonest first;
    full courses included (they can join the waiting list). One query.

    Each course has `my_status` (SignUp.Status, or None when they have not signed up) and
    `my_ahead` (how many are ahead of them on the waiting list; their number is one more).
    """
    today = timezone.localdate()
    areas = [
        membership
        for membership in person.area_memberships()
        if area is None or membership.area_id == area.pk
    ]
    mine = SignUp.objects.filter(
        course=OuterRef("pk"), person_id=person.pk, status__in=[Status.PLACE, Status.WAITING]
    )
    match = Q(pk__in=[])
    for membership in areas:
        match |= Q(area_id=membership.area_id, audience__in=_audiences_for(membership.roles))
    match |= Q(Exists(mine), area_id__in=[membership.area_id for membership in areas])
    ahead = (
        SignUp.objects.filter(course=OuterRef("pk"), status=Status.WAITING)
        .filter(
            Q(queued_at__lt=OuterRef("my_queued_at"))
            | Q(queued_at=OuterRef("my_queued_at"), pk__lt=OuterRef("my_sign_up"))
        )
        .order_by()
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        _with_places(Course.objects.filter(match, starts_on__gt=today))
        .annotate(
            my_status=Subquery(mine.values("status")[:1]),
            my_queued_at=Subquery(mine.values("queued_at")[:1]),
            my_sign_up=Subquery(mine.values("pk")[:1]),
        )
        .annotate(my_ahead=Coalesce(Subquery(ahead), 0))
        .order_by(F("my_status").asc(nulls_last=True), "starts_on", "start_time", "pk")
    )
