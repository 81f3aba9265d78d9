"""Demo reports: one of each kind for Birmingham (the whole area, this school year), asked
for by board@example.org and made at once with the worker's own service, so the reports page
has something to download on `make run`. Safe to run again: a kind that already has a ready
report for the period is left alone."""

from __future__ import annotations

from django.utils import timezone

from coproduction.people.models import LocalArea, Person
from evaluation.figures import academic_year
from evaluation.reports.models import Report, ReportKind, ReportStatus
from evaluation.reports.services import report_make, report_request


def seed() -> list[Report]:
    area = LocalArea.objects.filter(slug="birmingham").first()
    board = Person.objects.filter(email="board@example.org").first()
    if area is None:
        return []
    year = academic_year(timezone.localdate())
    made = []
    for kind in (
        ReportKind.YOU_SAID_WE_DID,
        ReportKind.SELF_EVALUATION,
        ReportKind.INSPECTION_PACK,
    ):
        if Report.objects.filter(
            area=area,
            body=None,
            initiative=None,
            kind=kind,
            local_offer=False,
            period_start=year.starts_on,
            period_end=year.ends_on,
            status=ReportStatus.READY,
        ).exists():
            continue
        report, _new = report_request(
            area=area,
            by=board,
            kind=kind,
            period_start=year.starts_on,
            period_end=year.ends_on,
            period_label=year.label,
            queue=False,
        )
        made.append(report_make(report_id=report.pk) or report)
    return made
