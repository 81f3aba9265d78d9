"""Medians and quartiles of condition scores, computed by Postgres.

`percentile_cont` is Postgres' ordered-set aggregate for a continuous percentile (the median
is the 0.5 percentile: the mean of the two middle scores when their number is even). Django
has no built-in for it, so `Percentile` renders
`percentile_cont(<fraction>) WITHIN GROUP (ORDER BY <score>) [FILTER (WHERE ...)]`.

Small groups are never shown (the rule is in `ConditionFigures` below and in the README).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Aggregate, Count, FloatField, Max, Min, Q, QuerySet

from evaluation.conditions.constants import Condition, RaterGroup
from evaluation.figures import SMALL_COUNT, suppress


class Percentile(Aggregate):
    """`percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)`; `fraction` from 0 to 1
    is a constant of ours (never user input), so it is written into the SQL."""

    function = "percentile_cont"
    name = "Percentile"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        if not 0 <= fraction <= 1:
            raise ValueError("a percentile's fraction runs from 0 to 1")
        super().__init__(expression, fraction=repr(float(fraction)), **extra)


FAMILY = Q(group=RaterGroup.FAMILY)
PROFESSIONAL = Q(group=RaterGroup.PROFESSIONAL)


def score_statistics(scores: QuerySet, *group_by: str) -> QuerySet:
    """One row per `group_by` value of `scores` (ConditionScore rows): how many scores, the
    median, quartiles, lowest and highest, and the families' and professionals' counts and
    medians. One query. Every rater scores every condition, so a count of scores for one
    condition is a count of raters."""
    return (
        scores.values(*group_by)
        .annotate(
            raters=Count("pk"),
            median=Percentile("score", 0.5),
            lower_quartile=Percentile("score", 0.25),
            upper_quartile=Percentile("score", 0.75),
            lowest=Min("score"),
            highest=Max("score"),
            family_raters=Count("pk", filter=FAMILY),
            family_median=Percentile("score", 0.5, filter=FAMILY),
            professional_raters=Count("pk", filter=PROFESSIONAL),
            professional_median=Percentile("score", 0.5, filter=PROFESSIONAL),
        )
        .order_by(*group_by)
    )


def median_statistics(scores: QuerySet, *group_by: str) -> QuerySet:
    """Like `score_statistics` with only the counts and medians (three sorts instead of
    five: for trends across many rounds). One query."""
    return (
        scores.values(*group_by)
        .annotate(
            raters=Count("pk"),
            median=Percentile("score", 0.5),
            family_raters=Count("pk", filter=FAMILY),
            family_median=Percentile("score", 0.5, filter=FAMILY),
            professional_raters=Count("pk", filter=PROFESSIONAL),
            professional_median=Percentile("score", 0.5, filter=PROFESSIONAL),
        )
        .order_by(*group_by)
    )


@dataclass(frozen=True)
class ConditionFigures:
    """One condition's results, small groups already suppressed.

    The rule (see README, "Conditions of success"): with fewer than 5 raters in a round
    nothing about a condition is shown but that count (the lowest and highest would be a
    person's own score). A group's median (families, professionals) is shown only when 5 or
    more of that group rated: a median of 2 is their average, so a rater who knows their own
    score would learn the other's exactly; and the gap is shown only when both medians are.
    Figures only appear after the round closes, so nobody can compare before and after one
    person's rating.
    """

    condition: int
    raters: int | str | None
    median: float | None = None
    lower_quartile: float | None = None
    upper_quartile: float | None = None
    lowest: int | None = None
    highest: int | None = None
    family_raters: int | str | None = None
    family_median: float | None = None
    professional_raters: int | str | None = None
    professional_median: float | None = None
    previous_median: float | None = None

    @property
    def label(self) -> str:
        return Condition(self.condition).label

    @property
    def shown(self) -> bool:
        return self.median is not None

    @property
    def gap(self) -> float | None:
        """Families' median minus professionals' (negative: families see it worse)."""
        if self.family_median is None or self.professional_median is None:
            return None
        return self.family_median - self.professional_median

    @property
    def change(self) -> float | None:
        if self.median is None or self.previous_median is None:
            return None
        return self.median - self.previous_median


def _shown(count: int, value):
    return value if count >= SMALL_COUNT else None


def condition_figures(row: dict, previous: dict | None = None) -> ConditionFigures:
    """A `score_statistics` (or `median_statistics`) row made safe to show (the rule in
    ConditionFigures)."""
    raters = row["raters"] or 0
    if raters < SMALL_COUNT:
        return ConditionFigures(condition=row["condition"], raters=suppress(raters))
    previous_median = None
    if previous is not None and (previous["raters"] or 0) >= SMALL_COUNT:
        previous_median = previous["median"]
    return ConditionFigures(
        condition=row["condition"],
        raters=raters,
        median=row["median"],
        lower_quartile=row.get("lower_quartile"),
        upper_quartile=row.get("upper_quartile"),
        lowest=row.get("lowest"),
        highest=row.get("highest"),
        family_raters=suppress(row["family_raters"]),
        family_median=_shown(row["family_raters"], row["family_median"]),
        professional_raters=suppress(row["professional_raters"]),
        professional_median=_shown(row["professional_raters"], row["professional_median"]),
        previous_median=previous_median,
    )


def lowest_first(figures: list[ConditionFigures]) -> list[ConditionFigures]:
    """Lowest median first (the toolkit's "blockers"); conditions not shown last."""
    return sorted(figures, key=lambda f: (f.median is None, f.median or 0, f.condition))


def widest_gaps_first(figures: list[ConditionFigures]) -> list[ConditionFigures]:
    """Conditions with a gap shown, the widest (either way) first."""
    with_gap = [f for f in figures if f.gap is not None]
    return sorted(with_gap, key=lambda f: (-abs(f.gap or 0), f.condition))
