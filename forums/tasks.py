"""Celery tasks of the forums app. Thin: each calls one service."""

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from forums import services


@shared_task(
    name="forums.send_agreement_review_reminders",
    bind=True,
    autoretry_for=(OperationalError,),
    retry_backoff=60,
    max_retries=5,
)
def send_agreement_review_reminders(self) -> int:
    """Daily (Celery beat, see forums/migrations/0002): email signatories of partnership
    agreements a month before their review date and on the day. Safe to run twice: a row
    per reminder sent, with a unique constraint, decides."""
    return services.agreement_review_reminders_send(today=timezone.localdate())


@shared_task(
    name="forums.take_equality_snapshots",
    bind=True,
    autoretry_for=(OperationalError,),
    retry_backoff=60,
    max_retries=5,
)
def take_equality_snapshots(self) -> int:
    """Monthly (Celery beat, see forums/migrations/0005): publish every group's equality
    figures as at the first of the month. Safe to run twice: one snapshot per group and date
    (a unique constraint decides)."""
    return services.equality_snapshots_take(today=timezone.localdate())
