"""The board dashboard's engagement dial figures: dial positions now and a year before,
declared against experienced levels (small counts suppressed), and the latest check of the
eight characteristics. Each builds in a fixed number of queries for `scope.area` (and
`scope.body` when set)."""

from __future__ import annotations

from coproduction.charts import bar_chart
from evaluation.dial import selectors
from evaluation.dial.models import Characteristic, CharacteristicStatus
from evaluation.figures import (
    DashboardScope,
    Figure,
    FigureProvider,
    Measure,
    register,
    year_before,
)
from evaluation.scale import EngagementLevel, level_name

NOT_ASSESSED = "Not assessed"


def _positions(scope: DashboardScope):
    return list(
        selectors.dial_positions(
            area=scope.area,
            body=scope.body,
            on=scope.period.ends_on,
            year_before=year_before(scope.period).ends_on,
        )
    )


def _words(level, ladder) -> str:
    return level_name(level, ladder=ladder) if level else NOT_ASSESSED


def _direction(now, before) -> str:
    if now is None:
        return NOT_ASSESSED
    if before is None:
        return "New"
    if now > before:
        return "Moved up"
    if now < before:
        return "Moved back"
    return "No change"


def dial_position_figures(scope: DashboardScope) -> list[Figure]:
    """Dial positions per subject: the latest level on or before the period's end and a
    year before that, with the direction (2 queries)."""
    ladder = selectors.area_ladder(area=scope.area)
    subjects = _positions(scope)
    rows = tuple(
        (
            subject.name,
            subject.get_dial_display(),
            _words(subject.level_now, ladder),
            _words(subject.level_year_before, ladder),
            _direction(subject.level_now, subject.level_year_before),
        )
        for subject in subjects
    )
    assessed = [s for s in subjects if s.level_now]
    chart = (
        bar_chart(
            caption="Where each subject sits on the dial (1 coercion to 7 co-production)",
            values=[(s.name, s.level_now) for s in assessed],
            label_heading="Subject",
            value_heading="Level (1 to 7)",
            marker=EngagementLevel.ENGAGEMENT,
            marker_label="engagement",
        )
        if assessed
        else None
    )
    return [
        Figure(
            slug="dial-positions",
            title="Engagement dial positions",
            description=f"Each subject's latest level by {scope.period.ends_on:%-d %B %Y}, "
            "and a year before.",
            headings=("Subject", "Dial", "Level now", "A year before", "Change"),
            rows=rows,
            chart=chart,
            empty_text="No subject is on the dial yet.",
        )
    ]


def declared_experienced_figures(scope: DashboardScope) -> list[Figure]:
    """Per activity declared in the period: aimed, declared reached, the families' middle
    answer and how many answered, hidden under 5 (2 queries)."""
    ladder = selectors.area_ladder(area=scope.area)
    declarations = selectors.declarations_list(
        area=scope.area, body=scope.body, start=scope.period.starts_on, end=scope.period.ends_on
    )
    rows = []
    for declaration in declarations:
        summary = selectors.experienced_summary(
            selectors.declaration_counts(declaration), ladder=ladder
        )
        rows.append(
            (
                declaration.activity_name,
                level_name(declaration.aimed_level, ladder=ladder),
                level_name(declaration.reached_level, ladder=ladder),
                summary.typical if summary.shown else "Not shown (fewer than 5 answers)",
                summary.answered or 0,
            )
        )
    return [
        Figure(
            slug="declared-experienced",
            title="Declared and experienced levels",
            description="The level each activity declared, against the level the families who "
            "took part felt. Answers are shown only when 5 or more people answered.",
            headings=("Activity", "Aimed for", "Declared", "Families felt", "Answers"),
            rows=tuple(rows),
            empty_text="No activity declared its level in this period.",
        )
    ]


def characteristics_figures(scope: DashboardScope) -> list[Figure]:
    """The latest characteristics check on or before the period's end (2 queries)."""
    check = selectors.latest_characteristics(
        area=scope.area, body=scope.body, on=scope.period.ends_on
    )
    ratings = {r.characteristic: r for r in check.ratings.all()} if check else {}
    rows = tuple(
        (
            label,
            ratings[value].get_status_display() if value in ratings else "Not checked",
            ratings[value].evidence if value in ratings else "",
        )
        for value, label in Characteristic.choices
    )
    return [
        Figure(
            slug="characteristics",
            title="Characteristics of co-production",
            description=f"From the check of {check.checked_on:%-d %B %Y}."
            if check
            else "No check yet.",
            headings=("Characteristic", "Where we are", "Evidence"),
            rows=rows if check else (),
            empty_text="No characteristics check recorded by the end of this period.",
        )
    ]


def build(scope: DashboardScope) -> list[Figure]:
    return [
        *dial_position_figures(scope),
        *declared_experienced_figures(scope),
        *characteristics_figures(scope),
    ]


def measures(scope: DashboardScope) -> list[Measure]:
    """Headline numbers for the side-by-side view: subjects at engagement or above (of those
    assessed) and the share of characteristics present at the latest check."""
    subjects = [s for s in _positions(scope) if s.level_now]
    engaged = sum(1 for s in subjects if s.level_now >= EngagementLevel.ENGAGEMENT)
    check = selectors.latest_characteristics(
        area=scope.area, body=scope.body, on=scope.period.ends_on
    )
    present = (
        sum(1 for r in check.ratings.all() if r.status == CharacteristicStatus.PRESENT)
        if check
        else None
    )
    return [
        Measure(
            "Dial subjects at engagement or above",
            f"{engaged} of {len(subjects)}" if subjects else None,
        ),
        Measure(
            "Characteristics of co-production present",
            f"{round(100 * present / len(Characteristic.values))}%"
            if present is not None
            else None,
        ),
    ]


register(
    FigureProvider(
        slug="dial",
        title="Engagement dial",
        build=build,
        order=20,
        measures=measures,
    )
)
