"""Factories for the engagement dial: subjects, assessments, declarations and answers,
characteristics checks and stakeholders. Each makes a valid row with sensible defaults."""

from datetime import timedelta

import factory
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.dial.models import (
    ActivityDeclaration,
    Characteristic,
    CharacteristicCheck,
    CharacteristicRating,
    DialAssessment,
    DialSubject,
    ExperiencedAnswer,
    MissingStakeholder,
    Stakeholder,
)
from forums.meetings.models import Attendance
from tests.forums.factories import BodyFactory
from tests.meetings.factories import MeetingFactory
from tests.people.factories import LocalAreaFactory, member


class DialSubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DialSubject

    area = factory.SubFactory(LocalAreaFactory)
    dial = "strategic"
    kind = "service"
    name = factory.Sequence(lambda n: f"Service {n}")


class DialAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DialAssessment

    subject = factory.SubFactory(DialSubjectFactory)
    level = 4
    aimed_level = 5
    aim_reason = "Families should shape the plan."
    evidence = "Minutes of the March workshop."
    assessed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))


class ActivityDeclarationFactory(factory.django.DjangoModelFactory):
    """A declaration for a past meeting of a new body in the area."""

    class Meta:
        model = ActivityDeclaration

    area = factory.SubFactory(LocalAreaFactory)
    meeting = factory.LazyAttribute(
        lambda o: MeetingFactory(
            body=BodyFactory(area=o.area), starts_at=timezone.now() - timedelta(days=7)
        )
    )
    aimed_level = 6
    reached_level = 6


def attendee(declaration, role=Role.PARENT_CARER, **person_fields):
    """A family member of the area recorded present at the declaration's meeting."""
    person = member(declaration.area, role, **person_fields)
    Attendance.objects.create(meeting=declaration.meeting, person=person, status="present")
    return person


def answers(declaration, *levels):
    """One answer per level in `levels`, each from a different attendee."""
    for level in levels:
        ExperiencedAnswer.objects.create(
            declaration=declaration, person=attendee(declaration), level=level
        )


def characteristics_check(area, body=None, status="present", on=None, by=None):
    check = CharacteristicCheck.objects.create(
        area=area,
        body=body,
        checked_on=on or timezone.localdate() - timedelta(days=3),
        recorded_by=by,
    )
    CharacteristicRating.objects.bulk_create(
        CharacteristicRating(
            check_record=check, characteristic=value, status=status, evidence="Seen in minutes"
        )
        for value in Characteristic.values
    )
    return check


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    area = factory.SubFactory(LocalAreaFactory)
    name = factory.Sequence(lambda n: f"Community group {n}")
    kind = "group"
    brings = factory.LazyFunction(lambda: ["venues", "networks"])


class MissingStakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MissingStakeholder

    area = factory.SubFactory(LocalAreaFactory)
    name = "Fathers' groups"
    why_it_matters = "Fathers are rarely heard."
