"""Demo training register for Birmingham (loaded after people).

- a course held this school year, co-delivered by the parent carer forum, with attendance
  recorded (it shows on the attendees' account pages and in the area's figures);
- a staff course that is full, with two people on its waiting list;
- a course for parent carers with free places, which parent@example.org can sign up for.

Safe to run again: courses are found by area and title, sign-ups by course and person.
"""

from __future__ import annotations

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Organisation, Person
from coproduction.training import services
from coproduction.training.models import Course, CourseAudience, SignUp


def _course(area: LocalArea, title: str, **fields) -> Course:
    course = Course.objects.filter(area=area, title=title).first()
    if course is None:
        course = Course(area=area, title=title, **fields)
        course.full_clean()
        course.save()
    return course


@transaction.atomic
def seed() -> None:
    area = LocalArea.objects.filter(slug="birmingham").first()
    if area is None:
        return
    people = {p.email: p for p in Person.objects.filter(email__endswith="@example.org")}
    forum = Organisation.objects.filter(area=area, name="Birmingham Parent Carer Forum").first()
    council = Organisation.objects.filter(area=area, name="Birmingham City Council").first()
    officer = people.get("officer@example.org")
    today = timezone.localdate()

    held = _course(
        area,
        "Co-production in practice: working together with families",
        description="What co-production is and is not, the four Co's, and how to plan a piece "
        "of work with parent carers and young people from the start. Told through local "
        "stories by the parent carers who lived them.",
        audience=CourseAudience.MIXED,
        delivered_by_organisation=forum,
        trainers="Sam Okafor and Priya Shah (parent carers), with Helen Ward",
        co_delivered=True,
        starts_on=today - timedelta(days=20),
        start_time=time(10, 0),
        end_time=time(13, 0),
        place="Northfield Library, 77 Church Road, Birmingham B31 2LB",
        capacity=20,
        created_by=officer,
    )
    attendees = [
        "parent@example.org",
        "youngperson@example.org",
        "officer@example.org",
        "chair@example.org",
        "commissioner@example.org",
        "board@example.org",
    ]
    for email in attendees:
        if email in people:
            SignUp.objects.get_or_create(
                course=held,
                person=people[email],
                defaults={
                    "status": SignUp.Status.PLACE,
                    "place_given_at": timezone.now(),
                    "attended": True,
                    "attendance_recorded_at": timezone.now(),
                },
            )

    full = _course(
        area,
        "Working with parent carer forums: an introduction for staff",
        description="How the parent carer forum works, what representatives need from you "
        "(papers on time, meetings families can reach, expenses paid) and how to give "
        "feedback on what changed.",
        audience=CourseAudience.STAFF,
        delivered_by_organisation=council,
        trainers="Helen Ward",
        starts_on=today + timedelta(days=21),
        start_time=time(13, 30),
        end_time=time(15, 30),
        online=True,
        capacity=2,
        created_by=officer,
    )
    # Two places, then two people on the waiting list, in this order.
    for email in ["officer@example.org", "chair@example.org", "commissioner@example.org",
                  "board@example.org"]:  # fmt: skip
        if email in people:
            services.course_sign_up(course=full, person=people[email])

    _course(
        area,
        "Being a parent carer representative",
        description="For parent carers who want to represent other families on boards and "
        "work streams: reading papers, speaking up in meetings, bringing other families' "
        "views and claiming your expenses.",
        audience=CourseAudience.PARENT_CARERS,
        delivered_by_organisation=forum,
        trainers="Birmingham Parent Carer Forum trainers",
        co_delivered=True,
        starts_on=today + timedelta(days=35),
        start_time=time(9, 45),
        end_time=time(12, 15),
        sessions="Also the following week, same time",
        place="Ladywood Community Hub, Ladywood Middleway, Birmingham B16 8HA",
        capacity=12,
        created_by=officer,
    )
