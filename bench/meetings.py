"""Bench data and measurements for meetings.

Pages: your meetings, a body's meetings and a meeting page with 20 agenda items and papers,
in bench area 0 (built on bench/people.py and bench/forums.py).

Dispatch (`measure()`): 500 meetings x 20 invitees x 3 papers, all due, dispatched by one
process (each email queued and, as a worker would, sent at once with Celery eager and the
local memory email backend, so 10,000 emails do not flood the terminal); then the time to
queue and send 10,000 plain outbox emails the same way, the ratio of the two (target: at most
2), and the number of duplicates (recipient and paper version sent more than once: must be 0).
"""

from __future__ import annotations

import time
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.utils import timezone

from bench.people import area_slug
from coproduction.people.models import AreaMembership, LocalArea, Person, Role
from forums.meetings.models import AgendaItem, Meeting, Paper, PaperDispatch, PaperVersion
from forums.models import Body, BodyMembership

DISPATCH_MEETINGS = 500
DISPATCH_INVITEES = 20
DISPATCH_PAPERS = 3
PAGE_MEETINGS = 40
PAGE_ITEMS = 20
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _paper(item: AgendaItem, title: str, stored_name: str | None) -> str:
    """A paper with one version; the file is stored once and shared by name after that."""
    paper = Paper.objects.create(agenda_item=item, title=title, summary="What it says, briefly.")
    version = PaperVersion(
        paper=paper,
        number=1,
        original_name="paper.pdf",
        content_type="application/pdf",
        extension="pdf",
        size=len(PDF),
    )
    if stored_name:
        version.file.name = stored_name
    else:
        version.file.save("pdf-file.pdf", ContentFile(PDF), save=False)
    version.save()
    return version.file.name


def build() -> str:
    summary = f"meetings: {PAGE_MEETINGS} meetings of one body with {PAGE_ITEMS} papers each"
    area = LocalArea.objects.get(slug=area_slug(0))
    body = Body.objects.get(area=area, name="Bench body 150")
    if Meeting.objects.filter(body=body).count() >= PAGE_MEETINGS:
        return summary + " (already built)"
    now = timezone.now()
    stored = None
    with transaction.atomic():
        for index in range(PAGE_MEETINGS):
            start = now + timedelta(days=index - PAGE_MEETINGS // 2, hours=1)
            meeting = Meeting.objects.create(
                body=body,
                title=f"Bench meeting {index}",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                mode="online",
                join_link="https://meet.example.org/bench",
            )
            for position in range(PAGE_ITEMS if index == PAGE_MEETINGS // 2 else 2):
                item = AgendaItem.objects.create(
                    meeting=meeting, position=position, title=f"Item {position}"
                )
                stored = _paper(item, f"Paper {position}", stored)
    return summary


def _dispatch_world(area: LocalArea, meetings: int, invitees: int, papers: int):
    """`meetings` bodies with `invitees` members each and one meeting each, due now."""
    people = list(Person.objects.filter(memberships__area=area).order_by("pk")[: invitees * 2])
    if len(people) < invitees:
        raise RuntimeError("Not enough people in the bench area.")
    start = timezone.now() + timedelta(days=1)
    stored = None
    with transaction.atomic():
        bodies = Body.objects.bulk_create(
            Body(
                area=area,
                name=f"Dispatch body {n}",
                kind="work_stream",
                level="operational",
                purpose="Bench.",
            )
            for n in range(meetings)
        )
        BodyMembership.objects.bulk_create(
            BodyMembership(
                body=body,
                person=people[(b + i) % len(people)],
                started_on=timezone.localdate() - timedelta(days=30),
            )
            for b, body in enumerate(bodies)
            for i in range(invitees)
        )
        for body in bodies:
            meeting = Meeting.objects.create(
                body=body,
                title="Dispatch",
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                mode="online",
                join_link="https://meet.example.org/bench",
            )
            item = AgendaItem.objects.create(meeting=meeting, title="Papers")
            for n in range(papers):
                stored = _paper(item, f"Paper {n}", stored)
    return bodies


def measure_dispatch(
    *,
    area: LocalArea,
    meetings: int = DISPATCH_MEETINGS,
    invitees: int = DISPATCH_INVITEES,
    papers: int = DISPATCH_PAPERS,
) -> dict:
    """Dispatch `meetings` x `invitees` recipient-sends and queue as many plain emails; the
    times, their ratio and the duplicates. Leaves its rows (in the bench database)."""
    from coproduction.celery import app
    from coproduction.outbox.services import email_queue
    from forums.meetings.services.dispatch import papers_dispatch_meeting

    bodies = _dispatch_world(area, meetings, invitees, papers)
    meeting_ids = list(Meeting.objects.filter(body__in=bodies).values_list("pk", flat=True))
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            started = time.perf_counter()
            sent = sum(papers_dispatch_meeting(meeting_id=pk) for pk in meeting_ids)
            dispatch_s = time.perf_counter() - started
            started = time.perf_counter()
            for n in range(sent):
                with transaction.atomic():
                    email_queue(
                        to=f"plain{n}@example.org",
                        subject="Plain",
                        body_text="Plain email.",
                        purpose="bench",
                    )
            plain_s = time.perf_counter() - started
    finally:
        app.conf.task_always_eager = eager
    duplicates = (
        PaperDispatch.objects.filter(paper_version__paper__agenda_item__meeting_id__in=meeting_ids)
        .values("to", "paper_version_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    return {
        "recipient_sends": sent,
        "dispatch_seconds": round(dispatch_s, 1),
        "plain_emails_seconds": round(plain_s, 1),
        "ratio": round(dispatch_s / plain_s, 2) if plain_s else None,
        "duplicates": duplicates,
    }


def measure() -> dict:
    area = LocalArea.objects.get(slug=area_slug(1))
    if not AreaMembership.objects.filter(area=area, roles__contains=[Role.PARENT_CARER]).exists():
        raise RuntimeError("Build bench/people.py first.")
    return {"papers dispatch (500 meetings x 20 invitees)": measure_dispatch(area=area)}


def pages():
    area = LocalArea.objects.get(slug=area_slug(0))
    body = Body.objects.get(area=area, name="Bench body 150")
    member = (
        BodyMembership.objects.filter(body=body, ended_on=None).select_related("person").first()
    )
    meeting = Meeting.objects.get(body=body, title=f"Bench meeting {PAGE_MEETINGS // 2}")
    slug = area.slug
    return [
        ("your meetings (40 meetings)", f"/{slug}/meetings/", member.person),
        (
            "a body's meetings (40 meetings)",
            f"/{slug}/governance/{body.pk}/meetings/",
            member.person,
        ),
        (f"meeting page ({PAGE_ITEMS} papers)", f"/{slug}/meetings/{meeting.pk}/", member.person),
    ]
