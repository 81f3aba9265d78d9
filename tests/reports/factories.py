"""Reports for tests: asked for through the service, made (or not) by the worker's service."""

from __future__ import annotations

from datetime import date

from evaluation.figures import academic_year
from evaluation.reports.models import Report, ReportKind
from evaluation.reports.services import report_make, report_request

YEAR = academic_year(date(2025, 10, 1))


def ask(area, *, by=None, kind=ReportKind.INSPECTION_PACK, period=YEAR, **scope) -> Report:
    """A report waiting to be made (nothing queued: the test decides when it is made)."""
    report, _new = report_request(
        area=area,
        by=by,
        kind=kind,
        period_start=period.starts_on,
        period_end=period.ends_on,
        period_label=period.label,
        queue=False,
        **scope,
    )
    return report


def ready(area, **kwargs) -> Report:
    """A report made at once, as the worker would."""
    report = ask(area, **kwargs)
    return report_make(report_id=report.pk) or report


def published_feedback(area, count: int, *, start: date = YEAR.starts_on) -> list:
    """`count` published (answered, anonymised) feedback items of `area`, said a day apart
    from `start`, alternating between two Local Offer topics."""
    from datetime import timedelta

    from evaluation.feedback.models import Topic
    from tests.feedback.factories import FeedbackItemFactory, published

    topics = (Topic.LOCAL_OFFER_CONTENT, Topic.ACCESSIBILITY)
    return [
        published(
            FeedbackItemFactory(
                area=area, said_on=start + timedelta(days=n), topic=topics[n % len(topics)]
            )
        )
        for n in range(count)
    ]
