"""Celery tasks of "You said, we did". Thin: each calls one service and is safe to run twice."""

from celery import shared_task
from django.db import OperationalError

from evaluation.feedback.services import digest


@shared_task(
    name="feedback.send_overdue_digest",
    bind=True,
    autoretry_for=(OperationalError,),
    retry_backoff=60,
    max_retries=5,
)
def send_overdue_digest(self) -> int:
    """Weekly (Celery beat, see feedback/migrations/0002): email each owner their overdue
    responses, once per person per ISO week (the outbox's idempotency key decides). Returns
    how many emails were queued."""
    return digest.overdue_digest_send()
