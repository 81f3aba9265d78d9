"""Factories for the training register: courses and sign-ups."""

from datetime import time, timedelta

import factory
from django.utils import timezone

from coproduction.training.models import Course, CourseAudience, SignUp
from tests.people.factories import LocalAreaFactory


class CourseFactory(factory.django.DjangoModelFactory):
    """A course for everyone, three weeks from today, in person, with 10 places."""

    class Meta:
        model = Course

    area = factory.SubFactory(LocalAreaFactory)
    title = factory.Sequence(lambda n: f"Co-production course {n}")
    description = "What co-production means and how to do it."
    audience = CourseAudience.MIXED
    trainers = "Sam Okafor"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=21))
    start_time = time(10, 0)
    end_time = time(12, 0)
    place = "Northfield Library"
    capacity = 10


def past_course(area, **fields) -> Course:
    """A course held ten days ago."""
    return CourseFactory(area=area, starts_on=timezone.localdate() - timedelta(days=10), **fields)


def attended(course, person) -> SignUp:
    """A place on `course` that `person` used (attendance recorded)."""
    return SignUp.objects.create(
        course=course,
        person=person,
        status=SignUp.Status.PLACE,
        place_given_at=timezone.now(),
        attended=True,
        attendance_recorded_at=timezone.now(),
    )
