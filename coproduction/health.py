"""Health of the services the portal depends on, for /healthz."""

import redis
from django.conf import settings
from django.db import connection

from coproduction.celery import app as celery_app

OK = "ok"


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return f"unreachable: {type(error).__name__}"
    return OK


def redis_state() -> str:
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2
        )
        client.ping()
    except Exception as error:
        return f"unreachable: {type(error).__name__}"
    return OK


def celery_state(timeout: float = 2.0) -> str:
    """Ping the workers through the broker; one reply is enough."""
    try:
        with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            replies = celery_app.control.ping(timeout=timeout, limit=1, connection=conn)
    except Exception as error:
        return f"broker unreachable: {type(error).__name__}"
    if not replies:
        return "no worker answered"
    return OK


def health_report() -> dict[str, str]:
    """The state of each part. Celery is only asked when its broker (Redis) is up."""
    report = {"database": database_state(), "redis": redis_state()}
    report["celery"] = celery_state() if report["redis"] == OK else "not checked: redis is down"
    return report
