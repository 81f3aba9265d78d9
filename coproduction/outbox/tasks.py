"""Celery tasks of the outbox. Thin: each takes an id (or nothing) and calls one service."""

import smtplib
import socket

from celery import shared_task

from coproduction.outbox import services

# Failures worth another try: the mail server is down, busy or slow.
TRANSIENT_MAIL_ERRORS = (smtplib.SMTPException, socket.error, TimeoutError)

SEND_OPTIONS = {
    "bind": True,
    "autoretry_for": TRANSIENT_MAIL_ERRORS,
    "retry_backoff": 30,
    "retry_backoff_max": 30 * 60,
    "retry_jitter": True,
    "max_retries": 6,
}


def _send(task, email_id: int) -> str:
    final_try = task.request.retries >= task.max_retries
    return services.outbound_email_send(email_id=email_id, final_try=final_try)


@shared_task(name="outbox.send_outbound_email", **SEND_OPTIONS)
def send_outbound_email(self, email_id: int) -> str:
    """Send one queued email. Safe to run twice: a sent email is not sent again."""
    return _send(self, email_id)


@shared_task(name="people.send_outbound_email", **SEND_OPTIONS)
def send_outbound_email_by_old_name(self, email_id: int) -> str:
    """The same task under the name it had before the outbox app: tasks already waiting on
    the broker when the portal is upgraded are still sent."""
    return _send(self, email_id)


@shared_task(name="outbox.send_due_emails")
def send_due_emails() -> int:
    """Every minute (Celery beat): hand over due emails that no worker has, for example those
    queued while Redis was down, and scheduled ones whose time has come."""
    return services.emails_hand_due_to_worker()
