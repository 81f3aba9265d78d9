"""Demo meetings for the demo bodies of every area (loaded after people and forums).

Birmingham's "Objective 3: Working Together Well" (chaired by chair@example.org) gets the
full set: a past meeting with attendance, minutes and actions; one whose papers were sent;
one whose papers fall due today, so the worker sends them within the first minutes of
`make run`; one with a late paper; and one held on a Saturday evening with its warning
acknowledged. The first bodies of the other areas get a past and an upcoming meeting.
Safe to run again: meetings are found by body and title.
"""

from __future__ import annotations

import io
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from coproduction.people.calendar import working_days_before
from coproduction.people.models import LocalArea, Person
from forums.meetings.models import (
    AgendaItem,
    Attendance,
    ItemPurpose,
    Meeting,
    MeetingAction,
    MeetingStatus,
    Paper,
    PaperVersion,
    Rsvp,
    SchedulingWarning,
    Venue,
    WarningCode,
)
from forums.meetings.services.dispatch import late_paper_tell_chair, papers_dispatch_meeting
from forums.models import Body

VENUES = {
    "birmingham": [
        (
            "Northfield Library",
            "77 Church Road, Birmingham B31 2LB",
            "Buses 18 and 61 stop outside.",
            ["step_free", "lift", "accessible_toilet", "hearing_loop", "public_transport"],
            30,
        ),
        (
            "Ladywood Community Hub",
            "Ladywood Middleway, Birmingham B16 8HA",
            "Free parking at the back.",
            ["step_free", "accessible_toilet", "parking", "quiet_room", "baby_changing"],
            20,
        ),
    ],
    "leeds": [
        (
            "Leeds Civic Hall, Committee Room 6",
            "Calverley Street, Leeds LS1 1UR",
            "Ten minutes' walk from the station.",
            [
                "step_free",
                "lift",
                "accessible_toilet",
                "changing_places",
                "hearing_loop",
                "public_transport",
            ],
            40,
        ),
    ],
    "west-sussex": [
        (
            "Chichester County Hall",
            "West Street, Chichester PO19 1RQ",
            "Parking in the Avenue de Chartres car park.",
            ["step_free", "lift", "accessible_toilet", "parking", "public_transport"],
            35,
        ),
    ],
}


def _pdf(title: str) -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Title"] = title
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _day_papers_due_today(area: LocalArea):
    """The first day whose papers fall due today (so the worker sends them at once)."""
    today = timezone.localdate()
    day = today + timedelta(days=1)
    while working_days_before(day, area.papers_ahead_working_days) < today:
        day += timedelta(days=1)
    return day


def _meeting(body, title, starts_at, *, venue, chair, status=MeetingStatus.SCHEDULED):
    meeting, created = Meeting.objects.get_or_create(
        body=body,
        title=title,
        defaults={
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(hours=2),
            "venue": venue,
            "chair": chair,
            "created_by": chair,
            "status": status,
        },
    )
    if created:
        AgendaItem.objects.create(
            meeting=meeting,
            position=1,
            title="Co-production: how families shaped this work",
            is_coproduction=True,
        )
    return meeting, created


def _paper(
    meeting, item_title, title, summary, *, purpose=ItemPurpose.DISCUSSION, late=False, by=None
):
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=meeting.agenda_items.count() + 1,
        title=item_title,
        purpose=purpose,
        presenter=getattr(by, "display_name", ""),
    )
    paper = Paper.objects.create(agenda_item=item, title=title, summary=summary, is_late=late)
    version = PaperVersion(
        paper=paper,
        number=1,
        original_name=f"{title}.pdf",
        content_type="application/pdf",
        extension="pdf",
        size=0,
        uploaded_by=by,
    )
    content = _pdf(title)
    version.size = len(content)
    version.file.save("pdf-file.pdf", ContentFile(content), save=False)
    version.save()
    return paper


@transaction.atomic
def seed() -> None:
    venues: dict[str, list[Venue]] = {}
    for slug, rows in VENUES.items():
        area = LocalArea.objects.filter(slug=slug).first()
        if area is None:
            continue
        for name, address, travel, features, capacity in rows:
            venues.setdefault(slug, []).append(
                Venue.objects.get_or_create(
                    area=area,
                    name=name,
                    defaults={
                        "address": address,
                        "travel_notes": travel,
                        "features": features,
                        "capacity": capacity,
                    },
                )[0]
            )
    chair = Person.objects.filter(email="chair@example.org").first()
    body = Body.objects.filter(
        area__slug="birmingham", name="Objective 3: Working Together Well"
    ).first()
    if body is not None and chair is not None and "birmingham" in venues:
        _birmingham(body, chair, venues["birmingham"])
    for slug in ("leeds", "west-sussex"):
        first = (
            Body.objects.filter(area__slug=slug, memberships__isnull=False).order_by("name").first()
        )
        if first is not None and slug in venues:
            _simple(first, venues[slug][0])


def _birmingham(body, chair, venues):
    today = timezone.localdate()
    library, hub = venues
    members = list(
        Person.objects.filter(body_memberships__body=body, body_memberships__ended_on=None)
    )

    past, created = _meeting(
        body,
        "Co-production framework: first draft",
        _at(today - timedelta(days=35), 10, 30),
        venue=library,
        chair=chair,
        status=MeetingStatus.HELD,
    )
    if created:
        _paper(
            past,
            "The draft definition of co-production",
            "Draft co-production definition",
            "A one-page definition of co-production for education, health and care, "
            "written with the "
            "parent carer forum. We are asked to agree it for wider comment.",
            purpose=ItemPurpose.DECISION,
            by=chair,
        )
        for index, person in enumerate(members):
            Attendance.objects.create(
                meeting=past, person=person, status="apologies" if index == 1 else "present"
            )
        item = past.agenda_items.order_by("position").last()
        item.outcome = "Agreed for wider comment, with plainer words in the values statement."
        item.save()
        past.minutes = (
            "The group agreed the draft definition for comment. Parent carers asked for "
            "plainer words and an easy-read version."
        )
        past.save()
        MeetingAction.objects.create(
            meeting=past,
            description="Make an easy-read version of the definition",
            owner=chair,
            due_on=today + timedelta(days=10),
        )
        MeetingAction.objects.create(
            meeting=past,
            description="Share the draft with the youth forum",
            owner=chair,
            due_on=today - timedelta(days=5),
            status="done",
        )

    sent, created = _meeting(
        body,
        "Values and behaviours workshop",
        _at(today + timedelta(days=3), 10, 30),
        venue=hub,
        chair=chair,
    )
    if created:
        _paper(
            sent,
            "Values and behaviours",
            "Values and behaviours statement",
            "Eight values for working together, with examples of what good looks like. "
            "We are asked "
            "which ones matter most to families.",
            by=chair,
        )
        papers_dispatch_meeting(meeting_id=sent.pk)

    due_day = _day_papers_due_today(body.area)
    due, created = _meeting(
        body, "Co-production charter sign-off", _at(due_day, 11), venue=library, chair=chair
    )
    if created:
        _paper(
            due,
            "The charter",
            "Co-production charter",
            "The final charter for partners to sign. "
            "We are asked to agree it and recommend it to the partnership board.",
            purpose=ItemPurpose.DECISION,
            by=chair,
        )

    late, created = _meeting(
        body, "Awards scheme planning", _at(today + timedelta(days=2), 12), venue=hub, chair=chair
    )
    if created:
        paper = _paper(
            late,
            "Awards scheme",
            "Awards scheme budget",
            "How much the awards scheme costs and who pays. Added late: the costs came in "
            "this week.",
            late=True,
            by=chair,
        )
        late_paper_tell_chair(paper=paper)

    saturday = today + timedelta(days=21)
    saturday += timedelta(days=(5 - saturday.weekday()) % 7)
    evening, created = _meeting(
        body,
        "Family evening: what co-production means to you",
        _at(saturday, 17),
        venue=hub,
        chair=chair,
    )
    if created:
        SchedulingWarning.objects.create(
            meeting=evening,
            code=WarningCode.PARENT_CARER_HOURS,
            message="Parent carers are invited. Meetings with parent carers should be on a "
            "weekday in "
            "term time, between 10:00 and 14:00, so they can come between the school runs.",
            reason="Working parents asked for a weekend evening; a crèche is booked.",
            acknowledged_by=chair,
        )
        youngperson = Person.objects.filter(email="youngperson@example.org").first()
        if youngperson is not None:
            Rsvp.objects.create(
                meeting=evening,
                person=youngperson,
                answer="attending",
                needed_features=["quiet_room"],
                access_needs="A break halfway through.",
            )


def _simple(body, venue):
    today = timezone.localdate()
    leader = Person.objects.filter(
        body_memberships__body=body, body_memberships__role__in=["chair", "co_chair", "lead"]
    ).first()
    past, created = _meeting(
        body,
        "Quarterly meeting",
        _at(today - timedelta(days=28), 10, 30),
        venue=venue,
        chair=leader,
        status=MeetingStatus.HELD,
    )
    if created:
        past.minutes = "Members reviewed progress on the local offer and agreed next steps."
        past.save()
    upcoming, created = _meeting(
        body,
        "Next quarterly meeting",
        _at(today + timedelta(days=30), 10, 30),
        venue=venue,
        chair=leader,
    )
    if created:
        _paper(
            upcoming,
            "Progress report",
            "Progress report",
            "What has changed since the last meeting, and what families told us.",
            purpose=ItemPurpose.INFORMATION,
            by=leader,
        )
