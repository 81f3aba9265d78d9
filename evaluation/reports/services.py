"""Asking for a report and making it. `report_request` is called by the page; `report_make`
only by the worker (`tasks.make_report`), never in a web request."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone

from evaluation.figures import Period
from evaluation.reports.content import ReportScope, css_string, report_sections
from evaluation.reports.models import IN_THE_MAKING, Report, ReportKind, ReportStatus
from evaluation.reports.rendering import check_tagged, html_to_pdf

logger = logging.getLogger(__name__)

# A report claimed this long ago and still "being made" was left by a worker that died: the
# next run may claim it again.
STALE_AFTER = timedelta(minutes=15)
# A report whose worker died is made again at most this many times in all, then failed.
MAX_ATTEMPTS = 3
# Past the hard time limit the worker making it has certainly been killed; a minute more
# for the kill and the row's update to land.
SWEEP_GRACE = timedelta(minutes=1)
WORKER_STOPPED = (
    "The report could not be made: the worker stopped while making it, "
    f"{MAX_ATTEMPTS} times. Ask for a shorter period, or tell the portal's administrators."
)
LONGEST_PERIOD_DAYS = 5 * 366
AREA_OR_BODY_KINDS = (ReportKind.SELF_EVALUATION, ReportKind.INSPECTION_PACK)
FUTURE_START = (
    "The first day must be today or in the past: a report can only cover a period that has started"
)


def _check_request(*, area, kind, body, initiative, local_offer, period_start, period_end) -> None:
    errors: dict[str, str] = {}
    if kind not in ReportKind.values:
        errors["kind"] = "Choose which report you want"
    if body is not None and body.area_id != area.pk:
        errors["scope"] = "Choose a board or work stream of this area"
    if initiative is not None and initiative.area_id != area.pk:
        errors["scope"] = "Choose an initiative of this area"
    if body is not None and initiative is not None:
        errors["scope"] = "Choose a board or an initiative, not both"
    if initiative is not None and kind in AREA_OR_BODY_KINDS:
        errors["scope"] = (
            "The self-evaluation summary and the inspection pack are about the whole area or "
            "one board: choose one of those, or ask for “You said, we did” for this initiative"
        )
    if local_offer and kind != ReportKind.YOU_SAID_WE_DID:
        errors["kind"] = "The Local Offer publication is a “You said, we did” report"
    if period_start and period_start > timezone.localdate():
        errors["period_start"] = FUTURE_START
    elif period_start and period_end:
        if period_end < period_start:
            errors["period_end"] = "The last day must be the same as or after the first day"
        elif (period_end - period_start).days > LONGEST_PERIOD_DAYS:
            errors["period_end"] = "A report can cover 5 years at most"
    if errors:
        raise ValidationError(errors)


def _stuck(report: Report) -> bool:
    """Waiting or being made for longer than STALE_AFTER: the broker lost the job or the
    worker died. Asking again queues it again (the claim takes a stale one back)."""
    stale = timezone.now() - STALE_AFTER
    if report.status == ReportStatus.MAKING:
        return report.started_at is not None and report.started_at < stale
    return report.requested_at < stale


def _in_the_making(key: dict) -> Report | None:
    return Report.objects.filter(**key, status__in=IN_THE_MAKING).first()


def report_request(
    *,
    area,
    by,
    kind: str,
    period_start: date,
    period_end: date,
    period_label: str,
    body=None,
    initiative=None,
    local_offer: bool = False,
    queue: bool = True,
) -> tuple[Report, bool]:
    """Ask for a report; returns `(report, made_new)`.

    If the same report (kind, scope and period) is already waiting or being made, that one
    is returned and nothing new is made (if it has been stuck for longer than STALE_AFTER,
    it is queued again): the partial unique constraint
    `report_one_in_the_making` decides, so two requests at the same moment make one job
    (the loser's IntegrityError is caught and the winner's row returned). Otherwise a new
    version is added (1, 2, 3 ... per kind, scope and period; older versions stay) and the
    worker is asked to make it once the transaction commits.

    Raises ValidationError (at `kind`, `scope`, `period_start` or `period_end`) for a scope
    of another area, an initiative with a kind that covers the area or a body, a period that
    starts after today (there is nothing to report yet), or a period ending before it
    starts. Who may ask is checked by the view (`reports.request_report`). `queue=False`
    leaves the making to the caller (the demo loader makes its reports at once).
    """
    _check_request(
        area=area,
        kind=kind,
        body=body,
        initiative=initiative,
        local_offer=local_offer,
        period_start=period_start,
        period_end=period_end,
    )
    key = {
        "area": area,
        "body": body,
        "initiative": initiative,
        "kind": kind,
        "local_offer": local_offer,
        "period_start": period_start,
        "period_end": period_end,
    }
    for _attempt in range(5):
        existing = _in_the_making(key)
        if existing is not None:
            if _stuck(existing):
                _queue(existing.pk)
            return existing, False
        try:
            with transaction.atomic():
                latest = Report.objects.filter(**key).aggregate(latest=Max("version"))["latest"]
                report = Report(
                    **key,
                    period_label=period_label,
                    version=(latest or 0) + 1,
                    requested_by=by,
                    requested_at=timezone.now(),
                )
                # The constraints are checked by the database itself, race included.
                report.full_clean(validate_constraints=False)
                report.save()
        except IntegrityError:
            # Someone asked for the same report at the same moment: theirs won.
            continue
        if queue:
            _queue(report.pk)
        return report, True
    raise ValidationError("Too many people asked for this report at once. Try again.")


def _queue(report_id: int) -> None:
    from evaluation.reports.tasks import make_report

    transaction.on_commit(lambda: make_report.delay(report_id))


def report_claim(*, report_id: int) -> Report | None:
    """Mark a waiting report as being made, under a row lock; None when there is nothing to
    make (already made, failed, being made by another worker, or gone). A report left
    "being made" for longer than STALE_AFTER is claimed again."""
    stale = timezone.now() - STALE_AFTER
    with transaction.atomic():
        report = (
            Report.objects.select_for_update(skip_locked=True)
            .filter(pk=report_id)
            .filter(
                Q(status=ReportStatus.QUEUED) | Q(status=ReportStatus.MAKING, started_at__lt=stale)
            )
            .first()
        )
        if report is None:
            return None
        report.status = ReportStatus.MAKING
        report.started_at = timezone.now()
        report.attempts += 1
        report.save(update_fields=["status", "started_at", "attempts"])
    return report


def report_scope(report: Report, *, today: date | None = None) -> ReportScope:
    return ReportScope(
        area=report.area,
        body=report.body,
        initiative=report.initiative,
        local_offer=report.local_offer,
        period=Period(
            slug=f"{report.period_start:%Y-%m-%d}-{report.period_end:%Y-%m-%d}",
            label=report.period_label,
            starts_on=report.period_start,
            ends_on=report.period_end,
        ),
        today=today or timezone.localdate(),
    )


def report_html(report: Report, *, today: date | None = None) -> str:
    """The report as one HTML document (the template of its kind), ready for WeasyPrint."""
    scope = report_scope(report, today=today)
    report_sections_list = report_sections(report.kind, scope)
    return render_to_string(
        f"reports/pdf/{report.kind}.html",
        {
            "report": report,
            "scope": scope,
            "sections": report_sections_list,
            "entry_count": sum(len(section.entries) for section in report_sections_list),
            "made_on": scope.today,
            # The running heads of every page, as CSS strings (`@page` margin boxes).
            "running_head_area": css_string(f"{report.area.name} SEND partnership"),
            "running_head_kind": css_string(report.kind_label),
        },
    )


def report_make(*, report_id: int, today: date | None = None) -> Report | None:
    """Make the PDF of a waiting report and store it (the worker's one job).

    Idempotent: only a report claimed by `report_claim` is made, so running twice stores one
    file. The file is written under a random name and the row finished under a row lock,
    only if no later claim took it over meanwhile. Returns the finished report, or None
    when there was nothing to make. Errors propagate (the task decides: retry or failed).
    """
    claimed = report_claim(report_id=report_id)
    if claimed is None:
        return None
    report = Report.objects.select_related("area", "body", "initiative").get(pk=report_id)
    rendered = html_to_pdf(report_html(report, today=today))
    check_tagged(rendered.content, title=report.title)
    report.file.save(report.download_name, ContentFile(rendered.content), save=False)
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report_id)
        if locked.status != ReportStatus.MAKING or locked.attempts != claimed.attempts:
            report.file.delete(save=False)
            return None
        locked.file.name = report.file.name
        locked.status = ReportStatus.READY
        locked.page_count = rendered.page_count
        locked.byte_size = len(rendered.content)
        locked.finished_at = timezone.now()
        locked.failure_message = ""
        locked.save(
            update_fields=[
                "file",
                "status",
                "page_count",
                "byte_size",
                "finished_at",
                "failure_message",
            ]
        )
    return locked


def report_requeue(*, report_id: int) -> None:
    """After a passing failure (the database not answering), let the retry claim it again."""
    Report.objects.filter(pk=report_id, status=ReportStatus.MAKING).update(
        status=ReportStatus.QUEUED
    )


def report_fail(*, report_id: int, message: str) -> None:
    """Record that the report could not be made, in words for the person who asked."""
    Report.objects.filter(pk=report_id, status__in=IN_THE_MAKING).update(
        status=ReportStatus.FAILED, failure_message=message, finished_at=timezone.now()
    )


def hard_time_limit() -> timedelta:
    """How long the worker may spend on one report before Celery kills it: the task's own
    `time_limit`, else `CELERY_TASK_TIME_LIMIT` (seconds)."""
    from evaluation.reports.tasks import make_report

    seconds = make_report.time_limit or settings.CELERY_TASK_TIME_LIMIT
    return timedelta(seconds=seconds)


def stuck_reports_sweep(*, now=None) -> dict[str, int]:
    """Reports left "being made" by a worker that was killed (out of memory, a deploy, the
    hard time limit): those started longer ago than the hard time limit (plus
    SWEEP_GRACE) are queued again, or, after MAX_ATTEMPTS tries, recorded as failed with a
    message for the person who asked. Run by the periodic task `reports.sweep_stuck_reports`.

    Idempotent: each report is changed under a row lock and leaves "being made", so a
    second run finds nothing; a late worker's result is then dropped by `report_make`
    (its claim is no longer the current one). Returns {"requeued": n, "failed": n}.
    """
    stale = (now or timezone.now()) - hard_time_limit() - SWEEP_GRACE
    done = {"requeued": 0, "failed": 0}
    with transaction.atomic():
        stuck = list(
            Report.objects.select_for_update(skip_locked=True).filter(
                status=ReportStatus.MAKING, started_at__lt=stale
            )
        )
        for report in stuck:
            if report.attempts >= MAX_ATTEMPTS:
                report.status = ReportStatus.FAILED
                report.failure_message = WORKER_STOPPED
                report.finished_at = timezone.now()
                report.save(update_fields=["status", "failure_message", "finished_at"])
                done["failed"] += 1
            else:
                report.status = ReportStatus.QUEUED
                report.save(update_fields=["status"])
                _queue(report.pk)
                done["requeued"] += 1
    if stuck:
        logger.warning("stuck reports: %s", done)
    return done
