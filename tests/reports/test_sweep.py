"""Reports left "being made" by a killed worker: the periodic sweep queues them again once
the task's hard time limit has passed, and fails them after three tries."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from evaluation.reports import tasks
from evaluation.reports.models import Report, ReportStatus
from evaluation.reports.services import (
    MAX_ATTEMPTS,
    WORKER_STOPPED,
    hard_time_limit,
    stuck_reports_sweep,
)
from tests.reports.factories import ask

pytestmark = pytest.mark.django_db


def left_making(area, *, ago: timedelta, attempts: int = 1) -> Report:
    report = ask(area)
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.MAKING, started_at=timezone.now() - ago, attempts=attempts
    )
    return report


def test_a_report_stuck_past_the_hard_time_limit_is_made_again(
    area, django_capture_on_commit_callbacks
):
    stuck = left_making(area, ago=hard_time_limit() + timedelta(minutes=2))
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert tasks.sweep_stuck_reports() == {"requeued": 1, "failed": 0}
    assert len(queued) == 1
    stuck.refresh_from_db()
    # The eager test worker made it at once: ready, on its second attempt.
    assert stuck.status == ReportStatus.READY
    assert stuck.attempts == 2


def test_a_report_still_within_the_time_limit_is_left_to_its_worker(
    area, django_capture_on_commit_callbacks
):
    busy = left_making(area, ago=timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert stuck_reports_sweep() == {"requeued": 0, "failed": 0}
    assert queued == []
    busy.refresh_from_db()
    assert busy.status == ReportStatus.MAKING


def test_after_three_tries_it_is_recorded_as_failed_with_a_message(
    area, django_capture_on_commit_callbacks
):
    stuck = left_making(area, ago=timedelta(hours=1), attempts=MAX_ATTEMPTS)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert stuck_reports_sweep() == {"requeued": 0, "failed": 1}
    assert queued == []
    stuck.refresh_from_db()
    assert stuck.status == ReportStatus.FAILED
    assert stuck.failure_message == WORKER_STOPPED


def test_sweeping_twice_queues_once(area, django_capture_on_commit_callbacks):
    left_making(area, ago=timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=False) as queued:
        first = stuck_reports_sweep()
        second = stuck_reports_sweep()
    assert (first["requeued"], second["requeued"]) == (1, 0)
    assert len(queued) == 1
    assert Report.objects.get().status == ReportStatus.QUEUED


def test_a_swept_report_is_claimed_by_the_next_worker_as_a_new_attempt(area):
    """The killed worker's claim is no longer current, so a late result of it is dropped."""
    from evaluation.reports.services import report_claim

    stuck = left_making(area, ago=timedelta(hours=1))
    stuck_reports_sweep()
    retried = report_claim(report_id=stuck.pk)
    assert retried is not None
    assert retried.attempts == 2


def test_the_sweep_runs_every_five_minutes():
    task = PeriodicTask.objects.get(task="reports.sweep_stuck_reports")
    assert (task.interval.every, task.interval.period) == (5, "minutes")
    assert task.enabled
