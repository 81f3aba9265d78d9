"""Recording feedback items and answering them."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import OFFICER_ROLES, LocalArea, Person
from evaluation.feedback import selectors
from evaluation.feedback.models import (
    FeedbackItem,
    FeedbackSettings,
    FeedbackStatusChange,
    ResponseKind,
    Source,
    Topic,
)
from evaluation.feedback.services.answered import feedback_answered_notify

RECEIVED = "Received"


def due_date(*, area: LocalArea, said_on: date, settings: FeedbackSettings | None = None) -> date:
    """When a response is due: the area's "weeks to respond" (default 8) after the day the
    feedback was given (the feedback issue; Leeds' strategy asks for a timely, visible reply)."""
    settings = settings or selectors.feedback_settings_for(area=area)
    return said_on + timedelta(weeks=settings.weeks_to_respond)


def _check_links(*, area: LocalArea, body=None, initiative=None, meeting=None) -> dict:
    """Errors for links to another area's body, initiative or meeting, by field."""
    errors = {}
    if body is not None and body.area_id != area.pk:
        errors["body"] = "Choose a board or work stream of this area."
    if initiative is not None and initiative.area_id != area.pk:
        errors["initiative"] = "Choose an initiative of this area."
    if meeting is not None and meeting.body.area_id != area.pk:
        errors["meeting"] = "Choose a meeting of this area."
    return errors


def _is_officer_of(person: Person | None, area: LocalArea) -> bool:
    if person is None:
        return True
    roles = person.area_roles().get(area.pk, frozenset())
    return bool(set(roles) & OFFICER_ROLES)


def _record_change(item: FeedbackItem, *, by: Person | None, status: str, note: str = "") -> None:
    FeedbackStatusChange.objects.create(item=item, changed_by=by, status=status[:300], note=note)


@transaction.atomic
def feedback_record(
    *,
    area: LocalArea,
    by: Person | None,
    text: str,
    source: str,
    topic: str,
    said_on: date,
    service_name: str = "",
    said_by: Person | None = None,
    body=None,
    initiative=None,
    meeting=None,
    owner: Person | None = None,
) -> FeedbackItem:
    """Record one feedback item (an officer's entry, or a family's own). The response is due
    the area's "weeks to respond" after `said_on`. Raises ValidationError, by field, for no
    text, a named service without its name, links to another area's records, an owner who
    is not an officer of the area, or a date in the future."""
    errors = _check_links(area=area, body=body, initiative=initiative, meeting=meeting)
    if topic == Topic.SERVICE and not service_name.strip():
        errors["service_name"] = "Enter the name of the service."
    if said_on and said_on > timezone.localdate():
        errors["said_on"] = "The date said must be today or in the past."
    if not _is_officer_of(owner, area):
        errors["owner"] = "Choose an officer of this area."
    if errors:
        raise ValidationError(errors)
    item = FeedbackItem(
        area=area,
        text=text.strip(),
        source=source,
        topic=topic,
        service_name=service_name.strip() if topic == Topic.SERVICE else "",
        said_on=said_on,
        said_by=said_by,
        body=body,
        initiative=initiative,
        meeting=meeting,
        recorded_by=by,
        owner=owner,
        due_on=due_date(area=area, said_on=said_on),
    )
    item.full_clean()
    item.save()
    _record_change(item, by=by, status=RECEIVED)
    return item


def feedback_send(
    *, area: LocalArea, person: Person, text: str, topic: str, service_name: str = ""
) -> FeedbackItem:
    """A parent carer or young person sends their own feedback, said today. Only they and
    the area's officers ever see it with their name; see `feedback_record` for errors."""
    return feedback_record(
        area=area,
        by=person,
        text=text,
        source=Source.PORTAL,
        topic=topic,
        said_on=timezone.localdate(),
        service_name=service_name,
        said_by=person,
    )


@transaction.atomic
def feedback_respond(
    *,
    item: FeedbackItem,
    by: Person,
    kind: str,
    text: str,
    owner: Person | None,
    due_on: date,
    will_by: date | None = None,
    could_not_why: str = "",
    evidence_initiative=None,
    evidence_meeting=None,
    evidence_url: str = "",
) -> FeedbackItem:
    """Give or change the response to `item` (locked for the change). Each change of kind,
    owner or due date is recorded with who and when.

    The person who sent the item (a parent carer or young person) is emailed once per
    version of the response (`feedback_answered_notify`).

    Raises ValidationError, by field: "we will" without its date or with a date before the
    day the item was said (or, when the date is set now, before today), "we could not"
    without why, a due date before the day the item was said (or a changed due date
    before today), an owner who is not an officer of
    the area, evidence from another area.
    """
    item = FeedbackItem.objects.select_for_update().select_related("area").get(pk=item.pk)
    area = item.area
    errors = {}
    if kind == ResponseKind.WILL and will_by is None:
        errors["will_by"] = "Enter the date by which we will do it."
    if kind == ResponseKind.WILL and will_by is not None:
        if will_by < item.said_on:
            errors["will_by"] = (
                "The date we will do it by must be on or after the day it was said "
                f"({item.said_on:%-d %B %Y})."
            )
        elif will_by != item.will_by and will_by < timezone.localdate():
            # A date set now is a promise: it cannot already have passed. A date set
            # earlier that has since passed stays as it was promised.
            errors["will_by"] = "The date we will do it by must be today or in the future."
    if kind == ResponseKind.COULD_NOT and not could_not_why.strip():
        errors["could_not_why"] = "Say why we could not do it."
    if due_on is not None and due_on < item.said_on:
        errors["due_on"] = (
            f"The due date must be on or after the day it was said ({item.said_on:%-d %B %Y})."
        )
    elif due_on is not None and due_on != item.due_on and due_on < timezone.localdate():
        errors["due_on"] = "A new due date must be today or in the future."
    if not _is_officer_of(owner, area):
        errors["owner"] = "Choose an officer of this area."
    if evidence_initiative is not None and evidence_initiative.area_id != area.pk:
        errors["evidence_initiative"] = "Choose an initiative of this area."
    if evidence_meeting is not None and evidence_meeting.body.area_id != area.pk:
        errors["evidence_meeting"] = "Choose a meeting of this area."
    if errors:
        raise ValidationError(errors)
    changes = []
    if kind != item.response_kind or text.strip() != item.response_text:
        label = ResponseKind(kind).label if kind else "No response"
        changes.append(label)
    if owner != item.owner:
        changes.append(f"Owner: {owner.display_name if owner else 'nobody'}")
    if due_on != item.due_on:
        changes.append(f"Due {due_on:%-d %B %Y}")
    item.response_kind = kind
    item.response_text = text.strip()
    item.will_by = will_by if kind == ResponseKind.WILL else None
    item.could_not_why = could_not_why.strip() if kind == ResponseKind.COULD_NOT else ""
    item.owner = owner
    item.due_on = due_on
    item.evidence_initiative = evidence_initiative
    item.evidence_meeting = evidence_meeting
    item.evidence_url = evidence_url
    if kind and item.first_answered_on is None:
        item.first_answered_on = timezone.localdate()
    item.full_clean()
    item.save()
    if changes:
        _record_change(item, by=by, status="; ".join(changes), note=item.response_text[:500])
    feedback_answered_notify(item=item)
    return item
