"""Every change to outbound email happens here: queueing, sending, re-queueing, cancelling.

Any app sends email through `email_queue` (or `email_queue_template`). Nothing is sent in the
web request: a Celery task sends each row after the transaction commits. If the broker is down
at that moment the person's action still succeeds; the row stays queued and the sweeper
(`emails_hand_due_to_worker`, run every minute by Celery beat) hands it over once the broker is
back. Sending is idempotent, so an email handed over twice is still sent once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from coproduction.outbox import selectors
from coproduction.outbox.models import EmailAttachment, OutboundEmail
from coproduction.people.models import LocalArea

logger = logging.getLogger(__name__)

# A handed-over email still queued after this long was lost (a worker died before taking it,
# a purged queue): the sweeper hands it over again. Longer than the send task's longest
# retry back-off (30 minutes), so a retry waiting in a worker is not doubled.
LOST_AFTER = timedelta(minutes=45)

# The most emails one sweep hands over, so a long backlog drains in steady steps.
SWEEP_BATCH = 1000


@dataclass(frozen=True)
class Attachment:
    """A file to send with an email: bytes made now (`content`, e.g. a calendar invite), or
    the name of a file in Django's default storage (`stored_name`, e.g. a meeting paper)."""

    filename: str
    content_type: str
    content: bytes = b""
    stored_name: str = ""


def email_queue(
    *,
    to: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    purpose: str,
    send_after: datetime | None = None,
    idempotency_key: str | None = None,
    area: LocalArea | None = None,
    attachments: Iterable[Attachment] = (),
) -> OutboundEmail:
    """Record an email and have a Celery worker send it once the transaction commits.

    `send_after` (aware datetime) holds it back until then; the sweeper sends it when due.
    `idempotency_key` names the logical message: queueing the same key again returns the
    first row and queues nothing (a unique constraint decides, so two concurrent callers get
    one row). `area` ties the email to a local area: it is sent only if the recipient still
    belongs to that area when the worker sends it. Raises ValidationError for a bad address.
    """
    if idempotency_key:
        existing = OutboundEmail.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    email = OutboundEmail(
        to=to,
        subject=" ".join(subject.split()),
        body_text=body_text,
        body_html=body_html,
        purpose=purpose,
        send_after=send_after or timezone.now(),
        idempotency_key=idempotency_key or None,
        area=area,
    )
    email.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            email.save()
            for attachment in attachments:
                EmailAttachment.objects.create(
                    email=email,
                    filename=attachment.filename,
                    content_type=attachment.content_type,
                    content=attachment.content,
                    file=attachment.stored_name,
                )
    except IntegrityError:
        existing = OutboundEmail.objects.filter(idempotency_key=idempotency_key).first()
        if idempotency_key and existing is not None:
            return existing
        raise
    if email.send_after <= timezone.now():
        email_id = email.pk
        transaction.on_commit(lambda: emails_hand_to_worker(email_ids=[email_id]))
    return email


def email_queue_message(*, message: EmailMessage, purpose: str) -> list[OutboundEmail]:
    """Queue an already rendered Django email message (allauth's), one row per recipient."""
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next((str(body) for body, kind in message.alternatives if kind == "text/html"), "")
    return [
        email_queue(
            to=to,
            subject=str(message.subject),
            body_text=str(message.body),
            body_html=html,
            purpose=purpose,
        )
        for to in message.to
    ]


def email_queue_template(
    *,
    to: str,
    template: str,
    context: dict,
    purpose: str,
    area: LocalArea | None = None,
    send_after: datetime | None = None,
    idempotency_key: str | None = None,
    attachments: Iterable[Attachment] = (),
) -> OutboundEmail:
    """Queue an email from `templates/<template>_subject.txt` and `<template>_message.txt`.

    The templates get `service_name` and `site_url` (links in emails are built from SITE_URL,
    never from a request's host). Other arguments as for `email_queue`.
    """
    context = {"service_name": settings.SERVICE_NAME, "site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"{template}_subject.txt", context)
    body = render_to_string(f"{template}_message.txt", context)
    return email_queue(
        to=to,
        subject=subject,
        body_text=body,
        purpose=purpose,
        area=area,
        send_after=send_after,
        idempotency_key=idempotency_key,
        attachments=attachments,
    )


def emails_hand_to_worker(*, email_ids: list[int]) -> int:
    """Put a send task on the broker for each email; returns how many were handed over.

    Never raises: with the broker down the emails stay queued (and are logged), and the
    sweeper hands them over later. Called after commit, outside the request's transaction.
    """
    from coproduction.outbox.tasks import send_outbound_email

    handed = []
    for email_id in email_ids:
        try:
            send_outbound_email.apply_async((email_id,), retry=False)
        except Exception as error:  # the broker is down or refused: the sweeper retries
            logger.warning(
                "Could not hand email %s to a worker (%s: %s); it stays queued and is retried.",
                email_id,
                type(error).__name__,
                error,
            )
            break  # the broker is down: the rest would fail the same way
        handed.append(email_id)
    if handed:
        OutboundEmail.objects.filter(pk__in=handed).update(handed_to_worker_at=timezone.now())
    return len(handed)


def emails_hand_due_to_worker(*, now: datetime | None = None) -> int:
    """The sweeper: hand over every queued email that is due and not with a worker.

    Due means `send_after` has passed. Not with a worker means never handed over (the broker
    was down, or it was scheduled) or handed over longer than LOST_AFTER ago. At most
    SWEEP_BATCH a run; returns how many were handed over. Safe to run at any time.
    """
    ids = selectors.email_ids_due(now=now or timezone.now(), lost_after=LOST_AFTER)[:SWEEP_BATCH]
    return emails_hand_to_worker(email_ids=list(ids))


def emails_cancel_for_area_member(*, email: str, area: LocalArea, reason: str) -> int:
    """Mark queued emails to `email` about `area` as not sent (the person left the area)."""
    return OutboundEmail.objects.filter(
        to__iexact=email, area=area, status=OutboundEmail.Status.QUEUED
    ).update(status=OutboundEmail.Status.CANCELLED, last_error=reason)


def outbound_email_send(*, email_id: int, final_try: bool = False) -> str:
    """Send one queued email and record the outcome; returns what happened, in a word or two.

    Idempotent: the row stays locked while sending, and an email already sent (or cancelled)
    is left alone. An email not yet due is left for the sweeper. An email tied to an area is
    not sent, and marked so, when its recipient no longer belongs to that area. A failure is
    recorded and re-raised so the Celery task retries it; on the final try the email is marked
    failed instead.
    """
    failure = None
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None:
            return "missing"
        if email.status != OutboundEmail.Status.QUEUED:
            return f"already {email.status}"
        if email.send_after > timezone.now():
            return "not due"
        if not selectors.recipient_belongs_to_area(email=email):
            email.status = OutboundEmail.Status.CANCELLED
            email.last_error = "Not sent: the recipient no longer belongs to the area."
            email.save(update_fields=["status", "last_error"])
            return "cancelled"
        email.attempts += 1
        try:
            _message_for(email).send()
        except Exception as error:
            failure = error
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if final_try:
                email.status = OutboundEmail.Status.FAILED
        else:
            email.status = OutboundEmail.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
        email.handed_to_worker_at = timezone.now()
        email.save(
            update_fields=["attempts", "last_error", "status", "sent_at", "handed_to_worker_at"]
        )
    if failure is not None:
        logger.warning("Email %s to %s failed: %s", email.pk, email.to, email.last_error)
        if final_try:
            return "failed"
        raise failure
    logger.info("Email %s (%s) sent to %s", email.pk, email.purpose, email.to)
    return "sent"


def message_id(email: OutboundEmail) -> str:
    """The email's Message-ID, the same on every try: if a worker dies after the mail server
    took a message but before the row says sent, the retry carries the same id, so receiving
    mail systems can recognise it as the same message."""
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<outbox-{email.pk}@{domain}>"


def _message_for(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        connection=get_connection(fail_silently=False),
        headers={"Message-ID": message_id(email)},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments.all():
        message.attach(attachment.filename, attachment.read(), attachment.content_type)
    return message
