"""Telling the parent carer or young person who sent feedback that it has been answered.

Families stop taking part when nothing visibly changes (the feedback issue; Leeds' strategy
asks for a timely, visible reply): when an officer records a response, or publishes the
item, the person who said it gets one email with a link to "What you told us". Young people
get a version in short, plain words.
"""

from __future__ import annotations

import hashlib

from django.urls import reverse

from coproduction.outbox.models import OutboundEmail
from coproduction.outbox.services import email_queue_template
from coproduction.people.models import FAMILY_ROLES, Role
from evaluation.feedback.models import FeedbackItem, ResponseKind

# What young people read for each kind of response.
YOUNG_PERSON_KINDS = {
    ResponseKind.DID: "We did it",
    ResponseKind.DOING: "We are doing it now",
    ResponseKind.WILL: "We will do it",
    ResponseKind.COULD_NOT: "We could not do it",
}


def is_young_person_only(person, area) -> bool:
    """`person` is a young person in `area` and not also a parent carer there: pages and
    emails for them use short, plain words."""
    roles = person.area_roles().get(area.pk, frozenset())
    return Role.YOUNG_PERSON in roles and Role.PARENT_CARER not in roles


def response_version(item: FeedbackItem) -> str:
    """A short fingerprint of what the family reads as the response (its kind, text, date
    and reason): the same response gives the same version, any change a new one."""
    parts = [item.response_kind, item.response_text, str(item.will_by or ""), item.could_not_why]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def answered_key(item: FeedbackItem) -> str:
    """The outbox idempotency key of the email about `item`'s current response."""
    return f"feedback-answered:{item.pk}:{response_version(item)}"


def feedback_answered_notify(*, item: FeedbackItem) -> OutboundEmail | None:
    """Queue the email to the person who sent `item`, about its response; call it (inside
    the writing transaction) after a response is saved or the item is published.

    Nothing is queued when there is no response yet, when nobody is named as having said it,
    or when that person is not (or no longer) a parent carer or young person of the area,
    or has no active account. One email per item and response version: the outbox's unique
    idempotency key (`answered_key`) decides, so saving the same response again, or
    publishing it afterwards, sends nothing more; a changed response sends again. Returns
    the queued (or already queued) email, or None.
    """
    person = item.said_by
    if not item.response_kind or person is None or not person.is_active or not person.email:
        return None
    area = item.area
    if not set(person.area_roles().get(area.pk, frozenset())) & FAMILY_ROLES:
        return None
    young = is_young_person_only(person, area)
    kind = ResponseKind(item.response_kind)
    return email_queue_template(
        to=person.email,
        template="feedback/email/answered_young" if young else "feedback/email/answered",
        context={
            "person": person,
            "area": area,
            "item": item,
            "kind": YOUNG_PERSON_KINDS[kind] if young else kind.label,
            "published": item.published_at is not None,
            "url": reverse("feedback:yours", kwargs={"area_slug": area.slug}),
        },
        purpose="feedback answered",
        area=area,
        idempotency_key=answered_key(item),
    )
