"""The board dashboard's feedback figures: responses answered on time, and overdue ones.

"Feedback answered" is one of the board's measures (DOMAIN.md, Dashboards and Reports); a
response is on time when it was first given on or before its due date (the area's weeks to
respond after the feedback, see evaluation.feedback). Counts under 5 are suppressed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q

from coproduction.charts import bar_chart
from coproduction.people.calendar import area_terms
from evaluation.figures import (
    SMALL_COUNT,
    DashboardScope,
    Figure,
    FigureProvider,
    Measure,
    register,
    suppress,
)


@dataclass(frozen=True)
class Bucket:
    label: str
    starts_on: date
    ends_on: date


def _months(starts_on: date, ends_on: date) -> list[Bucket]:
    buckets = []
    year, month = starts_on.year, starts_on.month
    while date(year, month, 1) <= ends_on:
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        last = min(date.fromordinal(following.toordinal() - 1), ends_on)
        buckets.append(Bucket(first.strftime("%B %Y"), max(first, starts_on), last))
        year, month = following.year, following.month
    return buckets


def buckets_for(scope: DashboardScope) -> list[Bucket]:
    """The area's terms that overlap the scope's period (clipped to it); per month when the
    area has no terms there (one query)."""
    period = scope.period
    terms = [
        Bucket(term.name, max(term.starts_on, period.starts_on), min(term.ends_on, period.ends_on))
        for term in area_terms(area=scope.area)
        if term.starts_on <= period.ends_on and term.ends_on >= period.starts_on
    ]
    return terms or _months(period.starts_on, period.ends_on)


def _items(scope: DashboardScope):
    from evaluation.feedback.models import FeedbackItem

    items = FeedbackItem.objects.filter(area=scope.area)
    if scope.body is not None:
        items = items.filter(body=scope.body)
    return items


def answered_by_day(scope: DashboardScope) -> dict[date, dict]:
    """Per due date in the scope's period: responses due, answered on time, answered late
    (one query, grouped in SQL)."""
    rows = (
        _items(scope)
        .filter(due_on__range=(scope.period.starts_on, scope.period.ends_on))
        .values("due_on")
        .annotate(
            due=Count("pk"),
            on_time=Count("pk", filter=Q(first_answered_on__lte=F("due_on"))),
            late=Count("pk", filter=Q(first_answered_on__gt=F("due_on"))),
        )
        .order_by("due_on")
    )
    return {row["due_on"]: row for row in rows}


def overdue_count(scope: DashboardScope) -> int:
    """Items with no response whose due date is before `scope.today` (one query)."""
    return _items(scope).filter(response_kind="", due_on__lt=scope.today).count()


def _share(on_time: int, counted: int) -> str | None:
    if counted == 0:
        return None
    if counted < SMALL_COUNT:
        return "fewer than 5 responses"
    return f"{round(100 * on_time / counted)}%"


def build(scope: DashboardScope) -> Sequence[Figure]:
    """Two figures (three queries): answered on time per term (or month), and overdue now."""
    buckets = buckets_for(scope)
    by_day = answered_by_day(scope)
    rows = []
    chart_values = []
    for bucket in buckets:
        due = on_time = late = 0
        for day, row in by_day.items():
            if bucket.starts_on <= day <= bucket.ends_on:
                due += row["due"]
                on_time += row["on_time"]
                late += row["late"]
        rows.append(
            (
                bucket.label,
                suppress(due),
                suppress(on_time),
                suppress(late),
                _share(on_time, due),
            )
        )
        if due >= SMALL_COUNT:
            chart_values.append((bucket.label, round(100 * on_time / due)))
    answered = Figure(
        slug="feedback-answered-on-time",
        title="Feedback answered on time",
        description="Feedback whose response fell due in each term (or month): how many were "
        "answered by their due date, and how many late.",
        headings=("Period", "Responses due", "Answered on time", "Answered late", "On time"),
        rows=tuple(row for row in rows if row[1]),
        chart=bar_chart(
            caption="Share of feedback answered on time",
            values=chart_values,
            label_heading="Period",
            value_heading="Answered on time (%)",
            marker=100,
            marker_label="all on time",
        )
        if chart_values
        else None,
        empty_text="No feedback responses fell due in this period.",
    )
    overdue = overdue_count(scope)
    overdue_figure = Figure(
        slug="feedback-overdue",
        title="Feedback overdue for a response",
        description=f"Feedback with no response after its due date, on {scope.today:%-d %B %Y}.",
        headings=("Overdue responses",),
        rows=((suppress(overdue),),) if overdue else (),
        empty_text="No feedback is overdue for a response.",
    )
    return [answered, overdue_figure]


def measures(scope: DashboardScope) -> Sequence[Measure]:
    """Share of feedback due in the period (and by today) answered on time, and overdue
    responses now (two queries)."""
    items = _items(scope).filter(
        due_on__range=(scope.period.starts_on, min(scope.period.ends_on, scope.today))
    )
    counts = items.aggregate(
        due=Count("pk"), on_time=Count("pk", filter=Q(first_answered_on__lte=F("due_on")))
    )
    return [
        Measure("Feedback answered on time", _share(counts["on_time"], counts["due"])),
        Measure("Overdue feedback responses", suppress(overdue_count(scope))),
    ]


PROVIDER = FigureProvider(
    slug="feedback",
    title="You said, we did",
    build=build,
    order=60,
    measures=measures,
    body_level=True,
)
register(PROVIDER)
