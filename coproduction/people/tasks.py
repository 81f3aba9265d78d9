"""Celery tasks of the people app. Thin: each takes an id and calls one service."""

import logging
import smtplib
import socket

from celery import shared_task

from coproduction.people import services

logger = logging.getLogger(__name__)

# Failures worth another try: the mail server is down, busy or slow.
TRANSIENT_MAIL_ERRORS = (smtplib.SMTPException, socket.error, TimeoutError)


@shared_task(
    name="people.send_outbound_email",
    bind=True,
    autoretry_for=TRANSIENT_MAIL_ERRORS,
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    max_retries=6,
)
def send_outbound_email(self, email_id: int) -> str:
    """Send one queued email. Safe to run twice: a sent email is not sent again."""
    final_try = self.request.retries >= self.max_retries
    return services.outbound_email_send(email_id=email_id, final_try=final_try)
