"""Reads for the report pages. Each runs a fixed number of queries."""

from __future__ import annotations

from django.db.models import QuerySet

from evaluation.reports.models import Report
from evaluation.reports.rules import is_report_reader
from forums.models import Body
from forums.selectors import chaired_body_ids
from initiatives.models import Initiative


def _with_scope(queryset: QuerySet[Report]) -> QuerySet[Report]:
    return queryset.select_related("area", "body", "initiative", "requested_by")


def reports_for_person(*, area, person) -> QuerySet[Report]:
    """The area's reports `person` may download, newest first (one query, paginate it):
    all of them for board members, officers and administrators; for chairs and leads only
    those about their bodies (see rules.py)."""
    reports = _with_scope(Report.objects.filter(area=area)).order_by("-requested_at", "-pk")
    if is_report_reader(person, area):
        return reports
    return reports.filter(body_id__in=chaired_body_ids(person))


def report_get(*, area, pk: int) -> Report | None:
    """One report of `area`, or None (another area's id too)."""
    return _with_scope(Report.objects.filter(area=area, pk=pk)).first()


def report_versions(*, report: Report) -> list[Report]:
    """Every version of the same kind, scope and period, newest first (one query)."""
    filters = {
        "area_id": report.area_id,
        "body_id": report.body_id,  # None matches IS NULL
        "initiative_id": report.initiative_id,
        "kind": report.kind,
        "local_offer": report.local_offer,
        "period_start": report.period_start,
        "period_end": report.period_end,
    }
    return list(
        Report.objects.filter(**filters).select_related("requested_by").order_by("-version")
    )


def scope_choices(*, area) -> tuple[list[Body], list[Initiative]]:
    """The bodies and initiatives a report may be about (two queries): current ones first."""
    bodies = list(Body.objects.filter(area=area).order_by("name"))
    initiatives = list(Initiative.objects.filter(area=area).order_by("code"))
    return bodies, initiatives
