"""Board dashboard figures from conditions of success, the action plan and the yearly
activity self-evaluation (see the contract in `evaluation.figures`).

Each build runs a fixed number of queries whatever the data size (aggregates, medians and
quartiles computed by Postgres), and reads only `scope.area` (and `scope.body` when set).
Condition figures follow the small-group rule of `evaluation.conditions.stats`; action and
activity counts are counts of records, not of people, so they are not suppressed.
"""

from __future__ import annotations

import statistics

from django.db.models import Count, Q

from coproduction.charts import bar_chart
from evaluation.conditions.constants import ActionStatus, Condition, Theme, YearStatus
from evaluation.conditions.models import ActivityYear, ConditionScore, ConditionsRound, PlanAction
from evaluation.conditions.selectors import co_produced, previous_round
from evaluation.conditions.stats import (
    Percentile,
    condition_figures,
    lowest_first,
    median_statistics,
    score_statistics,
    widest_gaps_first,
)
from evaluation.figures import (
    SMALL_COUNT,
    SUPPRESSED,
    DashboardScope,
    Figure,
    FigureProvider,
    Measure,
    academic_year,
    register,
)
from evaluation.scale import EngagementLevel

NOT_CO_PRODUCED = "Not co-produced: no parent carer forum representative rated this round."
NOT_SHOWN = "not shown"


def _number(value):
    if value is None:
        return NOT_SHOWN
    return round(value, 1)


def closed_rounds(scope: DashboardScope):
    """The closed rounds of the scope (the body's, or the whole area's) held in the period,
    oldest first, each with `co_produced`."""
    return (
        ConditionsRound.objects.filter(
            area=scope.area,
            body=scope.body,
            held_on__gte=scope.period.starts_on,
            held_on__lte=scope.period.ends_on,
        )
        .filter(Q(closed_at__isnull=False) | Q(closes_on__lt=scope.today))
        .annotate(co_produced=co_produced())
        .order_by("held_on", "pk")
    )


def _round_medians(round_ids: list[int]) -> dict[int, dict]:
    """Per round: raters and the median of all its scores (one query)."""
    rows = (
        ConditionScore.objects.filter(round_id__in=round_ids)
        .values("round_id")
        .annotate(raters=Count("rater_id", distinct=True), median=Percentile("score", 0.5))
        .order_by()
    )
    return {row["round_id"]: row for row in rows}


def build_conditions(scope: DashboardScope) -> list[Figure]:
    """Conditions by condition (the latest closed round in the period), the widest gaps
    between families and professionals, and the trend across rounds. Four queries."""
    rounds = list(closed_rounds(scope))
    if not rounds:
        return [
            Figure(
                slug="conditions-by-condition",
                title="Conditions of success by condition",
                headings=("Condition", "Median"),
                rows=(),
                empty_text="No conditions of success round closed in this period.",
            )
        ]
    latest = rounds[-1]
    previous = previous_round(conditions_round=latest, today=scope.today)
    latest_ids = [latest.pk] + ([previous.pk] if previous else [])
    by_round: dict[int, dict[int, dict]] = {}
    for row in score_statistics(
        ConditionScore.objects.filter(round_id__in=latest_ids), "round_id", "condition"
    ):
        by_round.setdefault(row["round_id"], {})[row["condition"]] = row
    trend_by_round: dict[int, dict[int, dict]] = {}
    for row in median_statistics(
        ConditionScore.objects.filter(round_id__in=[r.pk for r in rounds]), "round_id", "condition"
    ):
        trend_by_round.setdefault(row["round_id"], {})[row["condition"]] = row
    current = by_round.get(latest.pk, {})
    earlier = by_round.get(previous.pk, {}) if previous else {}
    figures = [
        condition_figures(current[c], earlier.get(c)) for c in Condition.values if c in current
    ]
    notes = [f"The round of {latest.held_on:%-d %B %Y}."]
    if not latest.co_produced:
        notes.append(NOT_CO_PRODUCED)
    notes.append(
        "A group's median is shown only when 5 or more of that group rated; with fewer than "
        "5 raters nothing about a condition is shown."
    )
    shown = [f for f in lowest_first(figures) if f.shown]
    by_condition = Figure(
        slug="conditions-by-condition",
        title="Conditions of success by condition",
        description="Scores from 1 to 10; lowest median first.",
        headings=(
            "Condition",
            "Median",
            "Lower quartile",
            "Upper quartile",
            "Lowest",
            "Highest",
            "Parent carers and young people (median)",
            "Professionals (median)",
            "Gap (families minus professionals)",
            "Median in the round before",
        ),
        rows=tuple(
            (
                f.label,
                _number(f.median),
                _number(f.lower_quartile),
                _number(f.upper_quartile),
                f.lowest,
                f.highest,
                _number(f.family_median),
                _number(f.professional_median),
                _number(f.gap),
                _number(f.previous_median),
            )
            for f in shown
        ),
        chart=bar_chart(
            caption="Median score by condition, lowest first",
            values=[(f.label, f.median or 0.0) for f in shown],
            label_heading="Condition",
            value_heading="Median score (1 to 10)",
        )
        if shown
        else None,
        notes=tuple(notes),
        empty_text="Fewer than 5 people rated this round, so its results are not shown.",
    )
    gaps = widest_gaps_first(figures)
    by_group = Figure(
        slug="conditions-by-role-group",
        title="Conditions of success: families and professionals",
        description="Where parent carers and young people see a condition differently from "
        "professionals; widest gap first.",
        headings=(
            "Condition",
            "Parent carers and young people (median)",
            "Professionals (median)",
            "Gap (families minus professionals)",
        ),
        rows=tuple(
            (f.label, _number(f.family_median), _number(f.professional_median), _number(f.gap))
            for f in gaps
        ),
        notes=tuple(notes[:2]),
        empty_text="Not shown: fewer than 5 parent carers and young people, or fewer than 5 "
        "professionals, rated.",
    )
    trend_rows = []
    trend_bars = []
    for r in rounds:
        round_figures = [
            condition_figures(row) for _, row in sorted(trend_by_round.get(r.pk, {}).items())
        ]
        for f in round_figures:
            trend_rows.append(
                (
                    f"{r.held_on:%-d %B %Y}",
                    f.label,
                    _number(f.median),
                    _number(f.family_median),
                    _number(f.professional_median),
                    "yes" if r.co_produced else "no",
                )
            )
        medians = [f.median for f in round_figures if f.median is not None]
        if medians:
            trend_bars.append((f"{r.held_on:%-d %b %Y}", statistics.median(medians)))
    trend = Figure(
        slug="conditions-trend",
        title="Conditions of success across rounds",
        description="Each condition's median in each round of the period, by role group.",
        headings=(
            "Round",
            "Condition",
            "Median",
            "Parent carers and young people (median)",
            "Professionals (median)",
            "Co-produced",
        ),
        rows=tuple(trend_rows),
        chart=bar_chart(
            caption="Middle of the twelve condition medians, by round",
            values=trend_bars,
            label_heading="Round",
            value_heading="Median score (1 to 10)",
        )
        if trend_bars
        else None,
        notes=tuple(
            f"{r.held_on:%-d %B %Y}: {NOT_CO_PRODUCED}" for r in rounds if not r.co_produced
        ),
    )
    return [by_condition, by_group, trend]


def conditions_measures(scope: DashboardScope) -> list[Measure]:
    """The median of all scores in the latest closed round of the period (two queries)."""
    latest = closed_rounds(scope).last()
    if latest is None:
        return [Measure("Conditions of success: median score, latest round", None)]
    row = _round_medians([latest.pk]).get(latest.pk)
    if row is None or row["raters"] < SMALL_COUNT:
        value = SUPPRESSED if row else None
    else:
        value = round(row["median"], 1)
    measures = [Measure("Conditions of success: median score, latest round", value)]
    measures.append(
        Measure("Latest conditions round co-produced", "yes" if latest.co_produced else "no")
    )
    return measures


def _action_counts(scope: DashboardScope):
    return (
        PlanAction.objects.filter(area=scope.area)
        .values("theme", "status")
        .annotate(
            actions=Count("pk"),
            overdue=Count("pk", filter=Q(due_on__lt=scope.today) & ~Q(status=ActionStatus.DONE)),
        )
        .order_by()
    )


def build_actions(scope: DashboardScope) -> list[Figure]:
    """Open and overdue actions of the plan by theme and status (one query)."""
    counts = {(row["theme"], row["status"]): row for row in _action_counts(scope)}
    rows = []
    overdue_by_theme = []
    for theme in Theme:
        overdue = 0
        for status in ActionStatus:
            row = counts.get((theme.value, status.value))
            if row is None:
                continue
            overdue += row["overdue"]
            rows.append((theme.label, status.label, row["actions"], row["overdue"]))
        overdue_by_theme.append((theme.label, overdue))
    return [
        Figure(
            slug="action-plan",
            title="Action plan: open and overdue actions",
            description="Actions of the area's plan by theme and status; overdue means not "
            "done and due before today.",
            headings=("Theme", "Status", "Actions", "Overdue"),
            rows=tuple(rows),
            chart=bar_chart(
                caption="Overdue actions by theme",
                values=overdue_by_theme,
                label_heading="Theme",
                value_heading="Overdue actions",
            )
            if rows
            else None,
            empty_text="The action plan has no actions yet.",
        )
    ]


def actions_measures(scope: DashboardScope) -> list[Measure]:
    rows = list(_action_counts(scope))
    open_actions = sum(r["actions"] for r in rows if r["status"] != ActionStatus.DONE)
    return [
        Measure("Open actions", open_actions),
        Measure("Overdue actions", sum(r["overdue"] for r in rows)),
    ]


def build_activities(scope: DashboardScope) -> list[Figure]:
    """The yearly activity self-evaluation of the period's school year: activities by the
    level they strive for, and how many have their impact recorded (two queries)."""
    period = academic_year(scope.period.starts_on)
    year = ActivityYear.objects.filter(area=scope.area, starts_on=period.starts_on).first()
    title = f"Yearly self-evaluation: {period.label}"
    if year is None:
        return [
            Figure(
                slug="yearly-activities",
                title=title,
                headings=("Level it strives for", "Activities", "Impact recorded"),
                rows=(),
                empty_text="This school year's activities have not been agreed yet.",
            )
        ]
    counts = (
        year.activities.values("level_sought")
        .annotate(
            activities=Count("pk"),
            recorded=Count("pk", filter=Q(impact_recorded_at__isnull=False)),
        )
        .order_by("level_sought")
    )
    rows = tuple(
        (EngagementLevel(r["level_sought"]).label, r["activities"], r["recorded"]) for r in counts
    )
    return [
        Figure(
            slug="yearly-activities",
            title=title,
            description=f"Status: {YearStatus(year.status).label.lower()}.",
            headings=("Level it strives for", "Activities", "Impact recorded"),
            rows=rows,
            chart=bar_chart(
                caption="Activities by the level they strive for",
                values=[(label, n) for label, n, _ in rows],
                label_heading="Level it strives for",
                value_heading="Activities",
            )
            if rows
            else None,
            empty_text="No activities agreed yet.",
        )
    ]


register(
    FigureProvider(
        slug="conditions",
        title="Conditions of success",
        build=build_conditions,
        order=30,
        measures=conditions_measures,
        tags=("self-evaluation",),
    )
)
register(
    FigureProvider(
        slug="action-plan",
        title="Action plan",
        build=build_actions,
        order=70,
        measures=actions_measures,
        body_level=False,
        tags=("self-evaluation",),
    )
)
register(
    FigureProvider(
        slug="yearly-activities",
        title="Yearly self-evaluation",
        build=build_activities,
        order=75,
        body_level=False,
        tags=("self-evaluation",),
    )
)
