"""Papers on time: per board or work stream, the meetings in the period whose papers all went
out by their due date (the area's working days ahead), and the papers added late.

Reads `forums.meetings.selectors.papers_on_time` (two queries whatever the number of
meetings). Counts of meetings and papers, not of people: not suppressed.
Source: the meetings issue (papers go out a set number of working days before a meeting).
"""

from coproduction.charts import bar_chart
from evaluation.figures import DashboardScope, Figure, FigureProvider, Measure, register
from forums.meetings import selectors


def _per_cent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "No meetings"


def _rows(scope: DashboardScope):
    rows = selectors.papers_on_time(
        area=scope.area, starts_on=scope.period.starts_on, ends_on=scope.period.ends_on
    )
    if scope.body is not None:
        rows = [row for row in rows if row.body.pk == scope.body.pk]
    return rows


def papers_figures(scope: DashboardScope) -> list[Figure]:
    """One figure: a row per body with meetings in the period, then the total."""
    rows = _rows(scope)
    meetings = sum(row.meetings for row in rows)
    on_time = sum(row.on_time for row in rows)
    late_papers = sum(row.late_papers for row in rows)
    table = [
        (
            row.body.name,
            row.meetings,
            row.on_time,
            _per_cent(row.on_time, row.meetings),
            row.late_papers,
        )
        for row in rows
    ]
    if len(rows) > 1:
        table.append(
            (
                "All boards and work streams",
                meetings,
                on_time,
                _per_cent(on_time, meetings),
                late_papers,
            )
        )
    return [
        Figure(
            slug="papers-on-time",
            title="Meeting papers on time",
            description=(
                f"Meetings held or due in {scope.period.label}: how many had every paper sent "
                f"by its due date, {scope.area.papers_ahead_working_days} working "
                f"day{'s' if scope.area.papers_ahead_working_days != 1 else ''} before the "
                "meeting, and how many papers were added late."
            ),
            headings=(
                "Board or work stream",
                "Meetings",
                "Papers on time",
                "Share on time",
                "Late papers",
            ),
            rows=tuple(table),
            chart=bar_chart(
                caption=f"Meetings in {scope.period.label} by whether papers went out on time",
                values=[
                    ("Papers on time", on_time),
                    ("Papers late or not sent", meetings - on_time),
                ],
                label_heading="Papers",
                value_heading="Meetings",
            )
            if meetings
            else None,
            notes=("Cancelled meetings are not counted.",),
            empty_text="No meetings held or due in this period.",
        )
    ]


def papers_measures(scope: DashboardScope) -> list[Measure]:
    rows = _rows(scope)
    meetings = sum(row.meetings for row in rows)
    on_time = sum(row.on_time for row in rows)
    return [
        Measure("Meetings with papers on time", _per_cent(on_time, meetings) if meetings else None)
    ]


register(
    FigureProvider(
        slug="papers",
        title="Meetings and papers",
        build=papers_figures,
        order=80,
        measures=papers_measures,
    )
)
