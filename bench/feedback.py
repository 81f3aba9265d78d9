"""Bench data and measurements for "You said, we did".

10,000 feedback items in bench area 0 (built on bench/people.py), two in three answered,
anonymised and published; the area's pages are public. Pages timed: the "You said, we did"
page (first page, and filtered by topic and school year) as a member and as a visitor, the
yearly Local Offer publication, and the officers' feedback list (target p95 under 150 ms,
fixed query count whatever the number of items).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from bench.people import admin_of_first_area, area_slug
from coproduction.people.models import LocalArea, Person, Role
from evaluation.feedback.models import (
    FeedbackItem,
    FeedbackSettings,
    ResponseKind,
    Source,
    Topic,
    Visibility,
)
from evaluation.figures import academic_year

ITEMS = 10_000
TOPICS = list(Topic.values)
KINDS = list(ResponseKind.values)


def build() -> str:
    summary = f"feedback: {ITEMS:,} items in one area, two in three published"
    area = LocalArea.objects.get(slug=area_slug(0))
    if FeedbackItem.objects.filter(area=area).count() >= ITEMS:
        _analyze()
        return summary + " (already built)"
    today = timezone.localdate()
    now = timezone.now()
    owner = Person.objects.filter(
        memberships__area=area, memberships__roles__contains=[Role.OFFICER]
    ).first()
    items = []
    for index in range(ITEMS):
        said_on = today - timedelta(days=index % 730)
        published = index % 3 != 0
        text = f"Bench feedback {index}: the Local Offer page about short breaks is out of date."
        items.append(
            FeedbackItem(
                area=area,
                text=text,
                source=Source.SURVEY,
                topic=TOPICS[index % len(TOPICS)],
                service_name="Short breaks" if TOPICS[index % len(TOPICS)] == Topic.SERVICE else "",
                said_on=said_on,
                due_on=said_on + timedelta(weeks=8),
                owner=owner,
                response_kind=KINDS[index % len(KINDS)] if published else "",
                response_text="We updated the page with the parent carer forum."
                if published
                else "",
                will_by=today + timedelta(days=30) if published and index % 4 == 2 else None,
                first_answered_on=said_on + timedelta(days=20) if published else None,
                confirmed_text=text if published else "",
                confirmed_at=now if published else None,
                published_at=now if published else None,
            )
        )
    with transaction.atomic():
        FeedbackItem.objects.bulk_create(items, batch_size=1000)
        FeedbackSettings.objects.update_or_create(
            area=area, defaults={"visibility": Visibility.PUBLIC}
        )
    _analyze()
    return summary


def _analyze() -> None:
    """Fresh statistics after a bulk load, as autovacuum would soon give a live site."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE feedback_feedbackitem")


def pages():
    admin = admin_of_first_area()
    slug = area_slug(0)
    today = timezone.localdate()
    period = academic_year(today).slug
    return [
        ("you said, we did (10,000 items)", f"/{slug}/you-said-we-did/", admin),
        (
            "you said, we did, filtered",
            f"/{slug}/you-said-we-did/?topic=accessibility&period={period}&page=3",
            admin,
        ),
        ("you said, we did, public visitor", f"/{slug}/you-said-we-did/", None),
        ("Local Offer publication", f"/{slug}/you-said-we-did/local-offer/{today.year}/", admin),
        ("feedback list for officers", f"/{slug}/feedback/?show=overdue", admin),
    ]
