"""Health of the services the portal depends on, for /healthz.

/healthz is public, so each part's state is one of a few fixed words; what went wrong
(the exception) is logged here, on the server, never shown.
"""

import logging

import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from coproduction.celery import app as celery_app
from coproduction.outbox.selectors import email_backlog

OK = "ok"

logger = logging.getLogger(__name__)


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database is unreachable")
        return "unreachable"
    return OK


def redis_state() -> str:
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2
        )
        client.ping()
    except Exception:
        logger.exception("Health check: Redis is unreachable")
        return "unreachable"
    return OK


def celery_state(timeout: float = 2.0) -> str:
    """Ping the workers through the broker; one reply is enough."""
    try:
        with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            replies = celery_app.control.ping(timeout=timeout, limit=1, connection=conn)
    except Exception:
        logger.exception("Health check: the Celery broker is unreachable")
        return "broker unreachable"
    if not replies:
        return "no worker answered"
    return OK


def outbox_state() -> str:
    """ "ok", or how many due emails have waited over 5 minutes unsent (the broker or the
    workers were down; the outbox sweeper sends them once both are back)."""
    try:
        waiting = email_backlog(now=timezone.now())
    except Exception:
        logger.exception("Health check: the outbox could not be read")
        return "unreadable"
    if waiting:
        return f"{waiting} email{'s' if waiting != 1 else ''} waiting over 5 minutes"
    return OK


def health_report() -> dict[str, str]:
    """The state of each part. Celery is only asked when its broker (Redis) is up."""
    report = {"database": database_state(), "redis": redis_state()}
    report["celery"] = celery_state() if report["redis"] == OK else "not checked: redis is down"
    report["outbox"] = outbox_state() if report["database"] == OK else "not checked"
    return report
