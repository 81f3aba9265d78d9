"""Demo feedback for the three demo areas (loaded after people, forums, initiatives and
meetings). Safe to run again: items are found by area and text.

Each area gets items on the Local Offer's content, its information and how it was developed,
and on named services: some answered ("we did", "we are doing", "we will", "we could not"),
some overdue, some left out with a reason, and last year's Local Offer publication (answered,
anonymised, published items said last year). Birmingham's pages are public; parent@example.org
has sent items with responses (seen on "What you told us"). Wording follows the Leeds strategy
(a feedback loop for the Local Offer) and Birmingham's "you said, we are doing / have done".
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Person
from evaluation.feedback import selectors
from evaluation.feedback.anonymise import mask_personal_details
from evaluation.feedback.models import (
    FeedbackItem,
    FeedbackSettings,
    FeedbackStatusChange,
    LeaveOutReason,
    Source,
    Topic,
    Visibility,
)

# (text, source, topic, service, days ago said (or (month, day) of last year), response
#  kind, response text, published, left out, sent by the demo parent)
ITEMS: list[tuple[Any, ...]] = [
    (
        "The Local Offer website does not say which short breaks are open in the school holidays.",
        Source.LOCAL_OFFER,
        Topic.LOCAL_OFFER_CONTENT,
        "",
        (3, 12),
        "did",
        "We added a holiday short breaks page, checked each term with providers.",
        True,
        "",
        False,
    ),
    (
        "Information about EHCP assessments is hard to read on a phone, and the PDFs are not "
        "accessible.",
        Source.SURVEY,
        Topic.ACCESSIBILITY,
        "",
        (5, 20),
        "doing",
        "We are rewriting the EHCP pages as web pages with the parent carer forum; the first "
        "ones are live.",
        True,
        "",
        False,
    ),
    (
        "Families were not asked before the Local Offer was changed last spring.",
        Source.GROUP,
        Topic.DEVELOPMENT,
        "",
        (9, 15),
        "will",
        "We will review every Local Offer change with the parent carer forum's Local Offer "
        "working group.",
        True,
        "",
        False,
    ),
    (
        "There is nothing on the Local Offer about support after 16 for young people who do "
        "not go to college.",
        Source.BODY,
        Topic.LOCAL_OFFER_CONTENT,
        "",
        (11, 3),
        "could_not",
        "We could not add a new service this year.",
        True,
        "",
        False,
    ),
    (
        "Waiting times for speech and language therapy are not on the Local Offer.",
        Source.PORTAL,
        Topic.SERVICE,
        "Speech and language therapy",
        70,
        "did",
        "We now publish waiting times each month on the speech and language therapy page.",
        False,
        "",
        True,
    ),
    (
        "I could not find who to call about school transport; Sam Okafor, 07700 900123.",
        Source.PORTAL,
        Topic.ACCESSIBILITY,
        "",
        40,
        "doing",
        "We are adding a contact box for school transport to every transport page.",
        False,
        "",
        True,
    ),
    (
        "My son's annual review at his school was late again.",
        Source.PORTAL,
        Topic.OTHER,
        "",
        30,
        "",
        "",
        False,
        LeaveOutReason.OWN_SERVICES,
        True,
    ),
    (
        "The Local Offer search does not find autism support groups.",
        Source.SURVEY,
        Topic.LOCAL_OFFER_CONTENT,
        "",
        90,
        "",
        "",
        False,
        "",
        False,
    ),
    (
        "The Local Offer search still does not find autism support groups.",
        Source.SURVEY,
        Topic.LOCAL_OFFER_CONTENT,
        "",
        85,
        "",
        "",
        False,
        LeaveOutReason.DUPLICATE,
        False,
    ),
    (
        "Easy-read versions of the short breaks statement would help young people.",
        Source.MEETING,
        Topic.ACCESSIBILITY,
        "",
        10,
        "",
        "",
        False,
        "",
        False,
    ),
]


def _officers(area: LocalArea) -> list[Person]:
    return list(selectors.area_officers(area=area)[:3])


@transaction.atomic
def seed() -> None:
    today = timezone.localdate()
    parent = Person.objects.filter(email="parent@example.org").first()
    for area in LocalArea.objects.filter(slug__in=["birmingham", "leeds", "west-sussex"]):
        FeedbackSettings.objects.get_or_create(
            area=area,
            defaults={
                "visibility": Visibility.PUBLIC
                if area.slug == "birmingham"
                else Visibility.MEMBERS,
            },
        )
        officers = _officers(area)
        owner = officers[0] if officers else None
        names = selectors.known_names(area=area)
        first_duplicate = None
        for index, row in enumerate(ITEMS):
            (text, source, topic, service, days_ago, kind, response, publish, left_out, mine) = row
            if FeedbackItem.objects.filter(area=area, text=text).exists():
                continue
            if isinstance(days_ago, tuple):
                said_on = today.replace(year=today.year - 1, month=days_ago[0], day=days_ago[1])
            else:
                said_on = today - timedelta(days=days_ago)
            item = FeedbackItem(
                area=area,
                text=text,
                source=source,
                topic=topic,
                service_name=service,
                said_on=said_on,
                said_by=parent if mine and area.slug == "birmingham" else None,
                owner=officers[index % len(officers)] if officers else None,
                recorded_by=owner,
                due_on=said_on + timedelta(weeks=8),
            )
            if kind:
                item.response_kind = kind
                item.response_text = response
                item.first_answered_on = said_on + timedelta(days=20 if index % 3 else 70)
                if kind == "will":
                    item.will_by = today + timedelta(days=60)
                if kind == "could_not":
                    item.could_not_why = (
                        "The post-16 budget for this year was already committed; we have asked "
                        "for it in next year's commissioning plan."
                    )
            if left_out:
                item.leave_out_reason = left_out
                item.leave_out_note = "Recorded when the item was reviewed."
                if left_out == LeaveOutReason.DUPLICATE:
                    item.duplicate_of = first_duplicate
            if publish:
                item.masked_text = mask_personal_details(text, known_names=names)
                item.confirmed_text = item.masked_text
                item.confirmed_by = owner
                item.confirmed_at = timezone.now()
                item.published_at = timezone.now()
            item.full_clean(validate_constraints=False)
            item.save()
            if "autism support groups" in text and first_duplicate is None:
                first_duplicate = item
            FeedbackStatusChange.objects.create(item=item, changed_by=owner, status="Received")
            if kind:
                FeedbackStatusChange.objects.create(
                    item=item, changed_by=owner, status=item.get_response_kind_display()
                )
            if publish:
                FeedbackStatusChange.objects.create(item=item, changed_by=owner, status="Published")
