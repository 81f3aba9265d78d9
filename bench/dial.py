"""Bench data and pages for the engagement dial (evaluation/dial).

In bench area 0 (built by bench/people.py and bench/forums.py): one strategic dial subject
for each of the area's 200 bodies, 5,000 assessments between them (25 each, over five years,
moving up and down), each with two people taking part; one meeting of "Bench body 150"
declared, with 30 experienced answers. Pages timed: the dial overview (200 subjects), one
subject's timeline (25 assessments) and declared against experienced (the list and the
meeting's page).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from bench.people import area_slug
from coproduction.people.models import AreaMembership, LocalArea, Person, Role
from evaluation.dial.models import (
    ActivityDeclaration,
    DialAssessment,
    DialSubject,
    ExperiencedAnswer,
)
from forums.meetings.models import Attendance, Meeting
from forums.models import Body

ASSESSMENTS = 5_000
ANSWERS = 30
SUBJECT_BODY = "Bench body 150"


def build() -> str:
    area = LocalArea.objects.get(slug=area_slug(0))
    bodies = list(Body.objects.filter(area=area).order_by("pk"))
    summary = f"dial: {len(bodies)} subjects with {ASSESSMENTS} assessments, {ANSWERS} answers"
    if DialAssessment.objects.filter(subject__area=area).count() >= ASSESSMENTS:
        return summary + " (already built)"
    people = list(Person.objects.filter(memberships__area=area).order_by("pk")[:20])
    officer = (
        Person.objects.filter(memberships__area=area, memberships__roles__contains=[Role.OFFICER])
        .order_by("pk")
        .first()
    )
    today = timezone.localdate()
    per_subject = ASSESSMENTS // len(bodies)
    with transaction.atomic():
        subjects = DialSubject.objects.bulk_create(
            DialSubject(area=area, dial="strategic", kind="body", name=body.name, body=body)
            for body in bodies
        )
        assessments = DialAssessment.objects.bulk_create(
            DialAssessment(
                subject=subject,
                level=3 + (s + a) % 5,
                aimed_level=6,
                aim_reason="Bench.",
                evidence="Bench evidence.",
                answers={"where_we_sit": "Bench."},
                assessed_on=today - timedelta(days=5 * 365 - a * (5 * 365 // per_subject)),
                recorded_by=officer,
                co_produced=a % 2 == 0,
            )
            for s, subject in enumerate(subjects)
            for a in range(per_subject)
        )
        through = DialAssessment.participants.through
        through.objects.bulk_create(
            through(dialassessment_id=assessment.pk, person_id=people[(i + k) % len(people)].pk)
            for i, assessment in enumerate(assessments)
            for k in range(2)
        )
        meeting = Meeting.objects.filter(body__area=area, body__name=SUBJECT_BODY).first()
        if meeting is None:
            start = timezone.now() - timedelta(days=10)
            meeting = Meeting.objects.create(
                body=Body.objects.get(area=area, name=SUBJECT_BODY),
                title="Bench declared meeting",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                mode="online",
                join_link="https://meet.example.org/bench",
            )
        declaration = ActivityDeclaration.objects.create(
            area=area, meeting=meeting, aimed_level=7, reached_level=6, declared_by=officer
        )
        family = list(
            Person.objects.filter(
                memberships__area=area,
                memberships__roles__overlap=[Role.PARENT_CARER, Role.YOUNG_PERSON],
            ).order_by("pk")[:ANSWERS]
        )
        Attendance.objects.bulk_create(
            [Attendance(meeting=meeting, person=p, status="present") for p in family],
            ignore_conflicts=True,
        )
        ExperiencedAnswer.objects.bulk_create(
            ExperiencedAnswer(declaration=declaration, person=p, level=3 + i % 5)
            for i, p in enumerate(family)
        )
    return summary


def pages():
    area = LocalArea.objects.get(slug=area_slug(0))
    board_member = (
        AreaMembership.objects.filter(area=area, roles__contains=[Role.BOARD_MEMBER])
        .select_related("person")
        .first()
        .person
    )
    subject = DialSubject.objects.get(area=area, name=SUBJECT_BODY)
    declaration = ActivityDeclaration.objects.filter(area=area).first()
    base = f"/{area.slug}/self-evaluation/"
    return [
        ("dial overview (200 subjects, 5,000 assessments)", base + "dial/", board_member),
        ("dial timeline (25 assessments)", f"{base}dial/{subject.pk}/", board_member),
        ("dial: declared and experienced list", base + "declared-and-experienced/", board_member),
        (
            f"dial: declared and experienced page ({ANSWERS} answers)",
            f"{base}declared-and-experienced/{declaration.pk}/",
            board_member,
        ),
    ]
