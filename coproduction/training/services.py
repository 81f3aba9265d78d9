"""Writes of the training register: courses, sign-ups with a waiting list, attendance.

Every step that reads places then writes locks the course row first (`select_for_update`),
so sign-ups, withdrawals and capacity changes on one course run one at a time: a freed place
goes to exactly one person, and two places freed at once go to two different people.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from datetime import date, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.outbox.services import email_queue_template
from coproduction.people.models import AreaMembership, LocalArea, Organisation, Person
from coproduction.people.rules import roles_in_area
from coproduction.training.models import Course, CourseAudience, SignUp, audience_fits

logger = logging.getLogger(__name__)

Status = SignUp.Status


@dataclass(kw_only=True)
class CourseDetails:
    """Everything the course form says about a course."""

    title: str
    description: str
    audience: str
    delivered_by_organisation: Organisation | None = None
    trainers: str = ""
    co_delivered: bool = False
    starts_on: date
    start_time: time
    end_time: time
    sessions: str = ""
    online: bool = False
    place: str = ""
    capacity: int

    def apply_to(self, course: Course) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            setattr(course, field.name, value.strip() if isinstance(value, str) else value)


def _places_taken(course: Course) -> int:
    return course.sign_ups.filter(status=Status.PLACE).count()


@transaction.atomic
def course_create(*, area: LocalArea, by: Person, details: CourseDetails) -> Course:
    """Add a course to `area`'s register. Its date must be today or later."""
    if details.starts_on < timezone.localdate():
        raise ValidationError({"starts_on": "The date of a new course must be today or later"})
    course = Course(area=area, created_by=by)
    details.apply_to(course)
    course.full_clean()
    course.save()
    return course


@transaction.atomic
def course_update(*, course: Course, by: Person, details: CourseDetails) -> Course:
    """Change a course. Places cannot go below the number of people who already have one
    (they would lose it without being told); raising them gives the new places to the
    waiting list in order (`places_fill`)."""
    course = Course.objects.select_for_update().select_related("area").get(pk=course.pk)
    taken = _places_taken(course)
    if details.capacity is not None and details.capacity < taken:
        raise ValidationError(
            {
                "capacity": f"{taken} people already have a place. Enter {taken} places or "
                "more, or ask people to withdraw first"
            }
        )
    details.apply_to(course)
    course.full_clean()
    course.save()
    places_fill(course=course)
    return course


def _course_url(course: Course) -> str:
    return settings.SITE_URL + course.get_absolute_url()


def places_fill(*, course: Course) -> list[SignUp]:
    """Give the course's free places to the people waiting, first come first served, and
    email each that they now have a place.

    The caller must hold the course row's lock (`select_for_update`, inside its
    transaction): this is what makes a freed place go to one person once. The email's
    idempotency key names the person, the course and which place this is for them
    (`places_given`), so a retry never sends it twice. Returns the sign-ups given a place.
    """
    free = course.capacity - _places_taken(course)
    if free <= 0:
        return []
    promoted = list(
        SignUp.objects.select_for_update()
        .filter(course=course, status=Status.WAITING)
        .select_related("person")
        .order_by("queued_at", "pk")[:free]
    )
    now = timezone.now()
    for sign_up in promoted:
        sign_up.status = Status.PLACE
        sign_up.place_given_at = now
        sign_up.places_given += 1
        sign_up.save(update_fields=["status", "place_given_at", "places_given"])
        email_queue_template(
            to=sign_up.person.email,
            template="training/email/place_given",
            context={"person": sign_up.person, "course": course, "url": _course_url(course)},
            purpose="training place from the waiting list",
            area=course.area,
            idempotency_key=(
                f"training-place:{course.pk}:{sign_up.person_id}:{sign_up.places_given}"
            ),
        )
    return promoted


def _check_can_sign_up(course: Course, person: Person) -> None:
    roles = roles_in_area(person, course)
    if not roles:
        raise ValidationError("You need to be a member of this area to sign up.")
    if not audience_fits(course.audience, roles):
        label = CourseAudience(course.audience).label.lower()
        raise ValidationError(f"This course is for {label}, so you cannot sign up for it.")
    if course.has_started():
        raise ValidationError("This course has already started, so sign-up has closed.")


@transaction.atomic
def course_sign_up(*, course: Course, person: Person) -> SignUp:
    """Sign `person` up: a place if one is free and nobody is waiting, otherwise the end of
    the waiting list. Signing up again while signed up changes nothing and returns the
    same sign-up (one sign-up per person and course: a unique constraint). Someone who
    withdrew and signs up again joins at the end of the list.

    Raises ValidationError when the person's role does not fit the course's audience, or
    the course has started.
    """
    course = Course.objects.select_for_update().select_related("area").get(pk=course.pk)
    _check_can_sign_up(course, person)
    sign_up = SignUp.objects.filter(course=course, person=person).first()
    if sign_up is not None and sign_up.status != Status.WITHDRAWN:
        return sign_up
    waiting = course.sign_ups.filter(status=Status.WAITING).exists()
    status = Status.PLACE if not waiting and _places_taken(course) < course.capacity else None
    if sign_up is None:
        sign_up = SignUp(course=course, person=person)
    sign_up.status = status or Status.WAITING
    sign_up.queued_at = timezone.now()
    sign_up.place_given_at = sign_up.queued_at if status else None
    sign_up.attended = None
    sign_up.full_clean()
    sign_up.save()
    return sign_up


@transaction.atomic
def course_withdraw(*, course: Course, person: Person) -> SignUp | None:
    """Take `person` off the course (their place or their place on the waiting list). A
    place they held goes to the next person waiting. Safe to repeat; None when they had not
    signed up. A course that has started cannot be withdrawn from (attendance is recorded
    instead)."""
    course = Course.objects.select_for_update().select_related("area").get(pk=course.pk)
    sign_up = SignUp.objects.filter(course=course, person=person).first()
    if sign_up is None or sign_up.status == Status.WITHDRAWN:
        return sign_up
    if course.has_started():
        raise ValidationError("This course has started. Ask the organiser to record attendance.")
    had_place = sign_up.status == Status.PLACE
    sign_up.status = Status.WITHDRAWN
    sign_up.place_given_at = None
    sign_up.save(update_fields=["status", "place_given_at"])
    if had_place:
        places_fill(course=course)
    return sign_up


@transaction.atomic
def attendance_record(*, course: Course, by: Person, attended_ids: set[int]) -> int:
    """Record who came: people with a place whose ids are in `attended_ids` attended, the
    others with a place did not. Only once the course has started. Returns how many
    attended. Recording again replaces the earlier record."""
    course = Course.objects.select_for_update().get(pk=course.pk)
    if not course.has_started():
        raise ValidationError("You can record attendance on or after the day of the course.")
    now = timezone.now()
    with_place = list(course.sign_ups.filter(status=Status.PLACE))
    unknown = set(attended_ids) - {s.person_id for s in with_place}
    if unknown:
        raise ValidationError({"attended": "Choose people from the list of places"})
    for sign_up in with_place:
        sign_up.attended = sign_up.person_id in attended_ids
        sign_up.attendance_recorded_at = now
        sign_up.save(update_fields=["attended", "attendance_recorded_at"])
    logger.info("Attendance of course %s recorded by %s", course.pk, by.pk)
    return sum(1 for s in with_place if s.attended)


def sign_ups_end_for_area_member(*, membership: AreaMembership) -> None:
    """When someone leaves an area, their sign-ups for its courses still to come are
    withdrawn and their places go to the waiting list (attended courses stay on their
    record). Runs inside the transaction that ends the membership."""
    courses = Course.objects.filter(
        area_id=membership.area_id,
        starts_on__gt=timezone.localdate(),
        sign_ups__person_id=membership.person_id,
        sign_ups__status__in=[Status.PLACE, Status.WAITING],
    ).order_by("pk")
    for course in courses:
        locked = Course.objects.select_for_update().select_related("area").get(pk=course.pk)
        sign_up = SignUp.objects.get(course=locked, person_id=membership.person_id)
        had_place = sign_up.status == Status.PLACE
        sign_up.status = Status.WITHDRAWN
        sign_up.place_given_at = None
        sign_up.save(update_fields=["status", "place_given_at"])
        if had_place:
            places_fill(course=locked)
