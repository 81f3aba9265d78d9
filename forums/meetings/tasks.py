"""Celery tasks of meetings. Thin: each calls one service and is safe to run twice."""

from celery import shared_task
from django.db import OperationalError

from forums.meetings.services import dispatch


@shared_task(
    name="meetings.dispatch_papers",
    bind=True,
    autoretry_for=(OperationalError,),
    retry_backoff=60,
    max_retries=5,
)
def dispatch_papers(self) -> int:
    """Every few minutes (Celery beat, see meetings/migrations/0002): queue papers, updated
    papers and day-before reminders. Exactly once per recipient and paper version (see
    `services.dispatch`)."""
    return dispatch.papers_dispatch_due() + dispatch.meeting_reminders_send()
