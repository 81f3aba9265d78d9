"""Reads for conditions of success, the action plan and the yearly self-evaluation.

Every read is filtered by area and runs a fixed number of queries. No selector returns a
score or an unshared comment of anyone but the person asking (`rater_ratings`); results are
aggregates (`round_results`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, F, Func, OuterRef, Q, QuerySet, TextField
from django.db.models.functions import Cast

from coproduction.people.models import AreaMembership, LocalArea, Person
from evaluation.conditions.constants import ActionStatus, Condition, Theme
from evaluation.conditions.models import (
    ActivityYear,
    ConditionScore,
    ConditionsRound,
    PlanAction,
    RoundRater,
    YearActivity,
)
from evaluation.conditions.stats import (
    ConditionFigures,
    condition_figures,
    lowest_first,
    score_statistics,
    widest_gaps_first,
)

LOWEST_TO_OFFER = 3  # the closed round's lowest conditions offer "add an action"


def co_produced() -> Exists:
    """True when a parent carer forum representative rated the round (IMPOWER: PCF
    representatives should be at the table); otherwise it is "not co-produced"."""
    return Exists(
        RoundRater.objects.filter(
            round=OuterRef("pk"), is_forum_representative=True, rated_at__isnull=False
        )
    )


def _rounds(area: LocalArea) -> QuerySet[ConditionsRound]:
    return (
        ConditionsRound.objects.filter(area=area)
        .select_related("area", "body")
        .annotate(
            invited=Count("raters", distinct=True),
            rated=Count("raters", filter=Q(raters__rated_at__isnull=False), distinct=True),
            co_produced=co_produced(),
        )
    )


def round_get(*, area: LocalArea, pk: int) -> ConditionsRound | None:
    """The round with its counts (invited, rated) and `co_produced`; None when not in `area`."""
    return _rounds(area).filter(pk=pk).first()


def rounds_for_person(
    *, area: LocalArea, person: Person, sees_all: bool
) -> QuerySet[ConditionsRound]:
    """The area's rounds, newest first: all of them when `sees_all`, otherwise those the
    person is invited to. Each has `my_rater_rated` (None when not invited)."""
    mine = RoundRater.objects.filter(round=OuterRef("pk"), person=person)
    rounds = _rounds(area).annotate(
        invited_me=Exists(mine), i_rated=Exists(mine.filter(rated_at__isnull=False))
    )
    if not sees_all:
        rounds = rounds.filter(invited_me=True)
    return rounds.order_by("-held_on", "-pk")


def rater_get(*, conditions_round: ConditionsRound, person: Person) -> RoundRater | None:
    return RoundRater.objects.filter(round=conditions_round, person=person).first()


def rater_ratings(
    *, conditions_round: ConditionsRound, person: Person
) -> dict[int, ConditionScore]:
    """The person's OWN scores for the round, by condition number (the only selector that
    reads scores one by one: for the rater's own form)."""
    return {
        score.condition: score
        for score in ConditionScore.objects.filter(
            rater__round=conditions_round, rater__person=person
        )
    }


def previous_round(*, conditions_round: ConditionsRound, today: date) -> ConditionsRound | None:
    """The closed round of the same scope (same body, or the whole area) held just before."""
    return (
        ConditionsRound.objects.filter(area_id=conditions_round.area_id)
        .filter(
            Q(body__isnull=True)
            if conditions_round.body_id is None
            else Q(body_id=conditions_round.body_id)
        )
        .filter(
            Q(held_on__lt=conditions_round.held_on)
            | Q(held_on=conditions_round.held_on, pk__lt=conditions_round.pk)
        )
        .filter(Q(closed_at__isnull=False) | Q(closes_on__lt=today))
        .order_by("-held_on", "-pk")
        .first()
    )


class Md5(Func):
    function = "md5"
    output_field = TextField()


@dataclass
class RoundResults:
    """A closed round's results: safe to show to anyone who may see results."""

    conditions_round: ConditionsRound
    figures: list[ConditionFigures]
    previous: ConditionsRound | None
    shared_comments: list[tuple[str, str]] = field(default_factory=list)

    @property
    def lowest_first(self) -> list[ConditionFigures]:
        return lowest_first(self.figures)

    @property
    def widest_gaps_first(self) -> list[ConditionFigures]:
        return widest_gaps_first(self.figures)

    @property
    def lowest_to_act_on(self) -> list[ConditionFigures]:
        return [f for f in self.lowest_first if f.shown][:LOWEST_TO_OFFER]

    @property
    def any_shown(self) -> bool:
        return any(f.shown for f in self.figures)


def round_results(*, conditions_round: ConditionsRound, today: date) -> RoundResults:
    """Per condition: median, spread, families' and professionals' medians and the gap,
    against the previous round of the same scope; plus shared comments, anonymised (no name,
    in an order that does not follow the raters). Three queries.

    Precondition: the round is closed (views check it); results of an open round are never
    shown, so nobody can learn one rating by comparing before and after it.
    """
    previous = previous_round(conditions_round=conditions_round, today=today)
    round_ids = [conditions_round.pk] + ([previous.pk] if previous else [])
    rows = score_statistics(
        ConditionScore.objects.filter(round_id__in=round_ids), "round_id", "condition"
    )
    by_round: dict[int, dict[int, dict]] = {}
    for row in rows:
        by_round.setdefault(row["round_id"], {})[row["condition"]] = row
    current = by_round.get(conditions_round.pk, {})
    earlier = by_round.get(previous.pk, {}) if previous else {}
    figures = [
        condition_figures(current[c], earlier.get(c))
        if c in current
        else ConditionFigures(condition=c, raters=0)
        for c in Condition.values
    ]
    comments = (
        ConditionScore.objects.filter(round=conditions_round, share_comment=True)
        .exclude(comment="")
        # md5 of the row id and the round: a fixed order that follows neither rater nor time
        .annotate(shuffle=Md5(Cast(F("pk") * 7919 + conditions_round.pk, TextField())))
        .order_by("condition", "shuffle")
        .values_list("condition", "comment")
    )
    return RoundResults(
        conditions_round=conditions_round,
        figures=figures,
        previous=previous,
        shared_comments=[(Condition(c).label, text) for c, text in comments],
    )


# The action plan ----------------------------------------------------------------------------


def area_plan_actions(*, area: LocalArea) -> dict[str, list[PlanAction]]:
    """The area's actions by theme (in the toolkit's order), soonest due first. One query."""
    by_theme: dict[str, list[PlanAction]] = {theme.value: [] for theme in Theme}
    for action in (
        PlanAction.objects.filter(area=area)
        .select_related("owner", "conditions_round")
        .order_by("due_on", "pk")
    ):
        by_theme[action.theme].append(action)
    return by_theme


def plan_action_get(*, area: LocalArea, pk: int) -> PlanAction | None:
    return PlanAction.objects.filter(area=area, pk=pk).select_related("owner", "area").first()


def overdue_actions_of(*, person: Person, area: LocalArea | None, today: date) -> QuerySet:
    """The person's overdue actions (not done, due before `today`), in `area` or every area."""
    actions = PlanAction.objects.filter(
        owner=person, due_on__lt=today, area__memberships__person=person
    ).exclude(status=ActionStatus.DONE)
    if area is not None:
        actions = actions.filter(area=area)
    return actions.select_related("area").order_by("due_on", "pk")


def rounds_to_rate_of(*, person: Person, area: LocalArea | None, today: date) -> QuerySet:
    """The person's invitations to rate that still wait for their scores: open rounds (not
    closed by an officer, closing date today or later) of areas they still belong to, which
    they have not rated yet; in `area` or every area; soonest closing first. Each row is a
    RoundRater with its round, the round's area and body."""
    raters = RoundRater.objects.filter(
        person=person,
        rated_at__isnull=True,
        round__closed_at__isnull=True,
        round__closes_on__gte=today,
        round__area__memberships__person=person,
    )
    if area is not None:
        raters = raters.filter(round__area=area)
    return raters.select_related("round__area", "round__body").order_by(
        "round__closes_on", "round_id"
    )


def area_people(*, area: LocalArea) -> QuerySet[Person]:
    """The area's members, for choosing owners and raters."""
    return Person.objects.filter(
        is_active=True,
        pk__in=AreaMembership.objects.filter(area=area).values("person_id"),
    ).order_by("display_name", "pk")


# The yearly activity self-evaluation ---------------------------------------------------------


def area_activity_years(*, area: LocalArea) -> list[ActivityYear]:
    return list(
        ActivityYear.objects.filter(area=area)
        .annotate(
            activity_count=Count("activities"),
            impact_count=Count(
                "activities", filter=Q(activities__impact_recorded_at__isnull=False)
            ),
        )
        .select_related("area")
        .order_by("-starts_on")
    )


def activity_year_get(*, area: LocalArea, pk: int) -> ActivityYear | None:
    return ActivityYear.objects.filter(area=area, pk=pk).select_related("area").first()


def year_activities(*, year: ActivityYear) -> list[YearActivity]:
    return list(year.activities.order_by("pk"))


def year_activity_get(*, year: ActivityYear, pk: int) -> YearActivity | None:
    return YearActivity.objects.filter(year=year, pk=pk).select_related("year__area").first()
