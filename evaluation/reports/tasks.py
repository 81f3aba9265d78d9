"""The report worker's task. Thin: it calls `services.report_make` and records the outcome."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from evaluation.reports import services

logger = logging.getLogger(__name__)

TRANSIENT = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
GAVE_UP = (
    "The report could not be made because the portal's database did not answer. "
    "Ask for it again in a few minutes."
)
TOO_LONG = "The report took too long to make. Ask for a shorter period, or one board's report."
BROKEN = (
    "Something went wrong while making the report. Ask for it again; if it fails again, "
    "tell the portal's administrators."
)


@shared_task(name="reports.make_report", bind=True, max_retries=3, acks_late=True)
def make_report(self, report_id: int) -> int | None:
    """Make report `report_id` (see `services.report_make`): safe to run twice, since only a
    waiting report is claimed. Passing failures are retried 3 times (after 30 s, 60 s,
    120 s), then recorded as failed; any other error is recorded at once."""
    try:
        report = services.report_make(report_id=report_id)
    except TRANSIENT as error:
        if self.request.retries >= self.max_retries:
            services.report_fail(report_id=report_id, message=GAVE_UP)
            return None
        services.report_requeue(report_id=report_id)
        raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error
    except SoftTimeLimitExceeded:
        logger.warning("report %s took longer than the time limit", report_id)
        services.report_fail(report_id=report_id, message=TOO_LONG)
        return None
    except Exception:
        logger.exception("report %s could not be made", report_id)
        services.report_fail(report_id=report_id, message=BROKEN)
        return None
    return report.pk if report is not None else None


@shared_task(name="reports.sweep_stuck_reports")
def sweep_stuck_reports() -> dict[str, int]:
    """Every 5 minutes (a beat entry made by a data migration): queue again, or fail,
    reports left "being made" by a killed worker (see `services.stuck_reports_sweep`)."""
    return services.stuck_reports_sweep()
