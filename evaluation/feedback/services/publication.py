"""Leaving items out of publication, anonymising and publishing them.

Regulation 56 of the SEND Regulations 2014: comments are published with the response so
that no individual can be identified; vexatious comments and comments about one person's own
services need not be. Only text an officer confirmed is ever published.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import Person
from evaluation.feedback.models import FeedbackItem, LeaveOutReason
from evaluation.feedback.services.answered import feedback_answered_notify
from evaluation.feedback.services.items import _record_change

NOT_CONFIRMED = (
    "Run the anonymising step and confirm the text before publishing. Only text you have "
    "checked is published."
)
NOT_ANSWERED = "Give a response before publishing: it is published with what we did."
LEFT_OUT = "This item is left out of publication. Put it back before publishing it."


def _locked(item: FeedbackItem) -> FeedbackItem:
    return FeedbackItem.objects.select_for_update().select_related("area").get(pk=item.pk)


@transaction.atomic
def feedback_leave_out(
    *,
    item: FeedbackItem,
    by: Person,
    reason: str,
    note: str = "",
    duplicate_of: FeedbackItem | None = None,
) -> FeedbackItem:
    """Leave `item` out of publication for `reason` (a LeaveOutReason), recorded with who
    and when; a published item is taken down. A duplicate names the item it repeats (of the
    same area, not itself). Raises ValidationError by field."""
    item = _locked(item)
    errors = {}
    if reason not in LeaveOutReason.values:
        errors["reason"] = "Choose why it is left out."
    if reason == LeaveOutReason.DUPLICATE:
        if duplicate_of is None:
            errors["duplicate_of"] = "Choose the item it repeats."
        elif duplicate_of.area_id != item.area_id or duplicate_of.pk == item.pk:
            errors["duplicate_of"] = "Choose another item of this area."
    if errors:
        raise ValidationError(errors)
    item.leave_out_reason = reason
    item.leave_out_note = note.strip()
    item.duplicate_of = duplicate_of if reason == LeaveOutReason.DUPLICATE else None
    item.published_at = None
    item.full_clean()
    item.save()
    detail = LeaveOutReason(reason).label
    if item.duplicate_of_id:
        detail += f" (of item {item.duplicate_of_id})"
    _record_change(
        item, by=by, status=f"Left out of publication: {detail}", note=item.leave_out_note
    )
    return item


@transaction.atomic
def feedback_put_back(*, item: FeedbackItem, by: Person) -> FeedbackItem:
    """Undo leaving `item` out: it can be published again (the reason stays in the history)."""
    item = _locked(item)
    if item.leave_out_reason:
        item.leave_out_reason = ""
        item.leave_out_note = ""
        item.duplicate_of = None
        item.save(update_fields=["leave_out_reason", "leave_out_note", "duplicate_of"])
        _record_change(item, by=by, status="Put back for publication")
    return item


@transaction.atomic
def feedback_anonymise_confirm(
    *, item: FeedbackItem, by: Person, text: str, suggested: str = ""
) -> FeedbackItem:
    """Keep `text` (the masked suggestion as the officer checked or edited it) as the text to
    publish, with who confirmed it and when. Raises ValidationError for empty text."""
    item = _locked(item)
    if not text.strip():
        raise ValidationError({"text": "Enter the text to publish."})
    item.masked_text = suggested or item.masked_text
    item.confirmed_text = text.strip()
    item.confirmed_by = by
    item.confirmed_at = timezone.now()
    item.full_clean()
    item.save()
    _record_change(item, by=by, status="Anonymised text confirmed")
    return item


@transaction.atomic
def feedback_publish(*, item: FeedbackItem, by: Person) -> FeedbackItem:
    """Publish `item`'s confirmed text with its response. Refused (ValidationError) when the
    text was not confirmed through the anonymising step, there is no response yet, or it is
    left out. Publishing twice changes nothing. The person who sent it is told, unless they
    were already told about this response (`feedback_answered_notify`)."""
    item = _locked(item)
    if item.leave_out_reason:
        raise ValidationError(LEFT_OUT, code="left_out")
    if not item.confirmed_text:
        raise ValidationError(NOT_CONFIRMED, code="not_confirmed")
    if not item.response_kind:
        raise ValidationError(NOT_ANSWERED, code="not_answered")
    if item.published_at is None:
        item.published_at = timezone.now()
        item.save(update_fields=["published_at"])
        _record_change(item, by=by, status="Published")
        # Nothing more if the family was already told about this response.
        feedback_answered_notify(item=item)
    return item


@transaction.atomic
def feedback_unpublish(*, item: FeedbackItem, by: Person) -> FeedbackItem:
    """Take `item` off the "You said, we did" pages."""
    item = _locked(item)
    if item.published_at is not None:
        item.published_at = None
        item.save(update_fields=["published_at"])
        _record_change(item, by=by, status="Taken off the published pages")
    return item
