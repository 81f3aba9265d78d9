"""Rounds with hand-made scores, actions and years for the conditions tests."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from coproduction.people.models import Role
from evaluation.conditions.constants import ActionStatus, Condition, RaterGroup, Theme
from evaluation.conditions.models import (
    ActivityYear,
    ConditionScore,
    ConditionsRound,
    PlanAction,
    RoundRater,
    YearActivity,
)
from evaluation.scale import EngagementLevel
from tests.people.factories import member


def make_round(area, *, body=None, held_on=None, closes_on=None, closed=True, opened_by=None):
    """A round: closed (held a month ago by default) when `closed`, else open for 2 weeks."""
    today = timezone.localdate()
    if held_on is None:
        held_on = today - timedelta(days=30) if closed else today
    if closes_on is None:
        closes_on = held_on + timedelta(days=14) if closed else today + timedelta(days=14)
    # closed by an officer when its closing date is still to come
    closed_at = timezone.now() if closed and closes_on >= today else None
    return ConditionsRound.objects.create(
        area=area,
        body=body,
        held_on=held_on,
        closes_on=closes_on,
        opened_by=opened_by,
        closed_at=closed_at,
    )


def add_rater(
    conditions_round, role=Role.OFFICER, *, person=None, scores=None, comment="", share=False
):
    """Invite a person with `role` (a new member of the round's area unless `person`) and, when
    `scores` is given (an int for every condition, or a dict by condition), record them."""
    person = person or member(conditions_round.area, role)
    rater = RoundRater.objects.create(
        round=conditions_round,
        person=person,
        group=RaterGroup.FAMILY
        if role in (Role.PARENT_CARER, Role.YOUNG_PERSON)
        else RaterGroup.PROFESSIONAL,
        is_forum_representative=role == Role.PARENT_CARER,
        rated_at=timezone.now() if scores is not None else None,
    )
    if scores is not None:
        by_condition = (
            scores if isinstance(scores, dict) else dict.fromkeys(Condition.values, scores)
        )
        ConditionScore.objects.bulk_create(
            ConditionScore(
                rater=rater,
                round=conditions_round,
                group=rater.group,
                condition=c,
                score=s,
                comment=comment,
                share_comment=share,
            )
            for c, s in by_condition.items()
        )
    return rater


def scored_round(area, *, family=(), professionals=(), forum=True, **round_fields):
    """A closed round: one family rater per score in `family` (parent carers when `forum`,
    else young people) and one professional per score in `professionals`; each gives that
    score to every condition."""
    conditions_round = make_round(area, **round_fields)
    family_role = Role.PARENT_CARER if forum else Role.YOUNG_PERSON
    for score in family:
        add_rater(conditions_round, family_role, scores=score)
    for score in professionals:
        add_rater(conditions_round, Role.OFFICER, scores=score)
    return conditions_round


def make_action(
    area, owner, *, due_on=None, status=ActionStatus.GREEN, theme=Theme.CULTURE, **fields
):
    return PlanAction.objects.create(
        area=area,
        owner=owner,
        theme=theme,
        description=fields.pop("description", "Write the vision with the forum"),
        due_on=due_on or timezone.localdate() + timedelta(days=10),
        status=status,
        **fields,
    )


def make_year(area, *, status="planning", activities=1, starts_on=None):
    year = ActivityYear.objects.create(
        area=area,
        starts_on=starts_on
        or date(
            timezone.localdate().year
            if timezone.localdate().month >= 9
            else timezone.localdate().year - 1,
            9,
            1,
        ),
        status=status,
    )
    for n in range(activities):
        YearActivity.objects.create(
            year=year,
            title=f"Activity {n}",
            level_sought=EngagementLevel.CO_DESIGN,
            strategic_outcomes="Families shape short breaks.",
        )
    return year
