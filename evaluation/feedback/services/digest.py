"""The weekly email to owners of responses that are overdue."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone

from coproduction.outbox.services import email_queue_template
from coproduction.people.models import Person
from evaluation.feedback import selectors

# The digest lists at most this many items; it says how many more there are.
DIGEST_ITEMS = 30


def digest_key(*, person_id: int, today: date) -> str:
    """The outbox idempotency key of one person's digest for the ISO week of `today`."""
    year, week, _weekday = today.isocalendar()
    return f"feedback-overdue-digest:{person_id}:{year}-W{week:02d}"


def overdue_digest_send_one(*, person: Person, today: date) -> bool:
    """Queue `person`'s overdue digest for this ISO week, if they own overdue responses.

    Once a week per person, never twice: the outbox's unique idempotency key decides (a
    second run in the same week finds the first email and queues nothing). Returns whether a
    new email was queued."""
    key = digest_key(person_id=person.pk, today=today)
    overdue = list(
        selectors.owner_overdue(person=person, area=None, today=today)[: DIGEST_ITEMS + 1]
    )
    if not overdue:
        return False
    from coproduction.outbox.models import OutboundEmail

    if OutboundEmail.objects.filter(idempotency_key=key).exists():
        return False
    areas = {item.area_id: item.area for item in overdue}
    email_queue_template(
        to=person.email,
        template="feedback/email/overdue_digest",
        context={
            "person": person,
            "items": [
                {
                    "area": item.area.name,
                    "text": item.text[:200],
                    "due_on": item.due_on,
                    "url": reverse(
                        "feedback:item", kwargs={"area_slug": item.area.slug, "pk": item.pk}
                    ),
                }
                for item in overdue[:DIGEST_ITEMS]
            ],
            "more": len(overdue) > DIGEST_ITEMS,
        },
        purpose="feedback overdue digest",
        area=next(iter(areas.values())) if len(areas) == 1 else None,
        idempotency_key=key,
    )
    return True


def overdue_digest_send(*, today: date | None = None) -> int:
    """Weekly (Celery beat): queue each owner's overdue digest for this ISO week. Safe to run
    any number of times: one email per person per week. Returns how many were queued."""
    today = today or timezone.localdate()
    sent = 0
    owners = Person.objects.filter(
        pk__in=selectors.overdue_owner_ids(today=today), is_active=True
    ).order_by("pk")
    # A database error stops the run; the task retries, and the emails already queued this
    # week are not queued again.
    for person in owners:
        sent += overdue_digest_send_one(person=person, today=today)
    return sent
