"""The board's training figures: people trained by role in the period (small counts
suppressed), and the share of courses co-delivered by parent carers or young people.

Birmingham's mapping asked for a clear picture of who has had co-production training, and
found training most convincing when families help deliver it (issue 12). Three queries
whatever the data size.
"""

from __future__ import annotations

from coproduction.charts import bar_chart
from coproduction.people.models import Role
from coproduction.training import selectors
from evaluation.figures import (
    SMALL_COUNT,
    DashboardScope,
    Figure,
    FigureProvider,
    Measure,
    register,
    suppress,
)


def _percent(part: int, whole: int) -> str | None:
    return f"{round(100 * part / whole)}%" if whole else None


def build(scope: DashboardScope) -> list[Figure]:
    period = scope.period
    counts = selectors.trained_counts(
        area=scope.area, starts_on=period.starts_on, ends_on=period.ends_on
    )
    by_role = [(label, counts.by_role.get(value, 0)) for value, label in Role.choices]
    suppressed = any(0 < count < SMALL_COUNT for _, count in by_role)
    trained = Figure(
        slug="training-people-by-role",
        title="People trained in co-production, by role",
        description=f"People of the area who attended at least one course in {period.label}. "
        "A person with two roles counts under each.",
        headings=("Role", "People trained"),
        rows=tuple((label, suppress(count)) for label, count in by_role),
        chart=None
        if suppressed or not counts.total
        else bar_chart(
            caption="People trained by role",
            values=by_role,
            label_heading="Role",
            value_heading="People trained",
        ),
        notes=("Numbers from 1 to 4 are shown as “fewer than 5”.",) if suppressed else (),
        empty_text="Nobody attended a course in this period.",
    )
    held, co_delivered = selectors.courses_held(
        area=scope.area, starts_on=period.starts_on, ends_on=period.ends_on
    )
    courses = Figure(
        slug="training-co-delivered",
        title="Courses co-delivered by parent carers or young people",
        description=f"Courses held in {period.label}.",
        headings=("Courses", "Number"),
        rows=(
            ("Courses held", held),
            ("Co-delivered by parent carers or young people", co_delivered),
            ("Share co-delivered", _percent(co_delivered, held) or "No courses"),
        )
        if held
        else (),
        empty_text="No courses were held in this period.",
    )
    return [trained, courses]


def measures(scope: DashboardScope) -> list[Measure]:
    period = scope.period
    counts = selectors.trained_counts(
        area=scope.area, starts_on=period.starts_on, ends_on=period.ends_on
    )
    held, co_delivered = selectors.courses_held(
        area=scope.area, starts_on=period.starts_on, ends_on=period.ends_on
    )
    return [
        Measure("People trained in co-production", suppress(counts.total)),
        Measure("Courses co-delivered by families", _percent(co_delivered, held)),
    ]


register(
    FigureProvider(
        slug="training",
        title="Training in co-production",
        build=build,
        order=60,
        measures=measures,
        body_level=False,
    )
)
