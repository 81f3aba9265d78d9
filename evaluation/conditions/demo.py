"""Demo conditions rounds, an action plan and this year's activity self-evaluation for every
demo area (loaded after people, forums and meetings).

Each area gets two closed area-wide rounds: in Birmingham and West Sussex the earlier one was
scored without the parent carer forum (so "not co-produced" shows) and the later one with it;
in Leeds the later one lacks the forum, so the flag shows on this year's dashboard.
Birmingham also has an open round to which parent@example.org is invited, and the fullest
plan: actions owned by officer@example.org, some overdue. Dates are relative to today.
Safe to run again: rounds are found by area and date, actions by description, years by date.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from coproduction.people.models import AreaMembership, LocalArea, Person, Role
from evaluation.conditions.constants import ActionStatus, Condition, Theme, YearStatus
from evaluation.conditions.models import ActivityYear, ConditionsRound, PlanAction, YearActivity
from evaluation.conditions.services import activities as activity_services
from evaluation.conditions.services.actions import plan_action_add
from evaluation.conditions.services.rounds import (
    ConditionRating,
    round_close,
    round_open,
    round_rate,
)
from evaluation.scale import EngagementLevel

# A partnership's typical picture: leadership and vision scored well, power sharing and
# resources lower; families see power sharing and governance as weaker than professionals do.
BASE_SCORES = {1: 7, 2: 5, 3: 6, 4: 6, 5: 6, 6: 4, 7: 4, 8: 5, 9: 6, 10: 5, 11: 4, 12: 5}
FAMILY_SHIFT = {2: -2, 6: -3, 8: -2, 9: -1}
# Comments some raters share, by condition (each rater shares at most one, so none repeats
# word for word across many raters).
COMMENTS = {
    1: [
        "Senior leaders come to the forum's meetings and listen.",
        "Leaders talk about co-production but are rarely in the room.",
    ],
    6: [
        "Decisions are still made before families are in the room.",
        "The forum now co-chairs two work streams, which is a real change.",
    ],
    7: [
        "Parent carers give a lot of unpaid time; there is no budget to recognise it.",
        "There is one co-production lead for the whole partnership.",
    ],
    8: ["Families sit on the board but papers arrive too late to read."],
    11: ["Meetings are in office hours, which rules out many working parents."],
}
ALL_ROLES = [r.value for r in Role]


def _score(condition: int, person_pk: int, family: bool, later: bool) -> int:
    score = BASE_SCORES[condition] + (FAMILY_SHIFT.get(condition, 0) if family else 0)
    score += (person_pk * 7 + condition * 3) % 3 - 1  # people differ
    score += 1 if later and condition in (1, 4, 6) else 0  # some progress between rounds
    return max(1, min(10, score))


def _rate_all(conditions_round, *, with_forum: bool, later: bool) -> None:
    for rater in conditions_round.raters.select_related("person"):
        if rater.is_forum_representative and not with_forum:
            continue
        family = rater.group == "family"
        conditions_with_comments = sorted(COMMENTS)
        commented = conditions_with_comments[rater.person_id % len(conditions_with_comments)]
        variants = COMMENTS[commented]
        comment = variants[(rater.person_id // 5) % len(variants)]
        ratings = {
            c: ConditionRating(
                score=_score(c, rater.person_id, family, later),
                comment=comment if c == commented and rater.person_id % 2 == 0 else "",
                share_comment=rater.person_id % 4 == 0,
            )
            for c in Condition.values
        }
        round_rate(
            conditions_round=conditions_round,
            person=rater.person,
            ratings=ratings,
            today=conditions_round.held_on,
        )


def _closed_round(area, by, held_on, *, with_forum: bool, later: bool) -> None:
    if ConditionsRound.objects.filter(area=area, body=None, held_on=held_on).exists():
        return
    conditions_round = round_open(
        area=area,
        by=by,
        held_on=held_on,
        closes_on=held_on + timedelta(days=14),
        roles=ALL_ROLES,
        today=held_on,
    )
    _rate_all(conditions_round, with_forum=with_forum, later=later)
    closing = timezone.make_aware(datetime.combine(held_on + timedelta(days=14), time.min))
    round_close(conditions_round=conditions_round, by=by, now=closing)


ACTIONS = [
    (
        Theme.CULTURE,
        "Write the partnership's co-production vision with the forum in an Inclusive Ambition "
        "session",
        -20,
        ActionStatus.AMBER,
        (EngagementLevel.CONSULTATION, EngagementLevel.ENGAGEMENT),
        [4],
    ),
    (
        Theme.STRUCTURE,
        "Set a budget to pay parent carers for their time on boards and work streams",
        -5,
        ActionStatus.RED,
        (EngagementLevel.ENGAGEMENT, EngagementLevel.CO_DESIGN),
        [7, 6],
    ),
    (
        Theme.STRUCTURE,
        "Add two parent carer seats with votes to the SEND partnership board",
        45,
        ActionStatus.GREEN,
        (EngagementLevel.ENGAGEMENT, EngagementLevel.CO_DESIGN),
        [8, 6],
    ),
    (
        Theme.RELATIONSHIPS,
        "Hold work stream meetings after school hours with childcare offered",
        30,
        ActionStatus.NOT_STARTED,
        (EngagementLevel.CONSULTATION, EngagementLevel.ENGAGEMENT),
        [11],
    ),
    (
        Theme.RELATIONSHIPS,
        "Publish \u201cyou said, we did\u201d after every forum consultation",
        -40,
        ActionStatus.DONE,
        None,
        [9],
    ),
]

ACTIVITIES = [
    (
        "Co-design the new short breaks offer",
        EngagementLevel.CO_DESIGN,
        "Families choose what short breaks are offered and how to book them.",
    ),
    (
        "Annual SEND survey of parent carers",
        EngagementLevel.CONSULTATION,
        "The partnership hears from at least 500 families and acts on the top three issues.",
    ),
    (
        "Forum seats on the preparing for adulthood work stream",
        EngagementLevel.ENGAGEMENT,
        "Young people's and parent carers' views change the transition pathway.",
    ),
]


def _plan(area: LocalArea, officer: Person, latest) -> None:
    today = timezone.localdate()
    for theme, description, due_in, status, move, conditions in ACTIONS:
        if PlanAction.objects.filter(area=area, description=description).exists():
            continue
        plan_action_add(
            area=area,
            by=officer,
            theme=theme,
            description=description,
            owner=officer,
            due_on=today + timedelta(days=due_in),
            status=status,
            level_from=move[0] if move else None,
            level_to=move[1] if move else None,
            conditions=conditions,
            conditions_round=latest,
        )


def _year(area: LocalArea, by: Person, count: int) -> None:
    today = timezone.localdate()
    year = (
        ActivityYear.objects.filter(area=area, starts_on__lte=today).order_by("-starts_on").first()
    )
    from evaluation.figures import academic_year

    if year is None or year.starts_on != academic_year(today).starts_on:
        year = activity_services.activity_year_open(area=area, by=by, day=today)
    if year.status != YearStatus.PLANNING:
        return
    for title, level, outcomes in ACTIVITIES[:count]:
        if not YearActivity.objects.filter(year=year, title=title).exists():
            activity_services.year_activity_add(
                year=year, title=title, level_sought=level, strategic_outcomes=outcomes
            )


def _officer(area: LocalArea) -> Person | None:
    membership = (
        AreaMembership.objects.filter(area=area, roles__overlap=[Role.OFFICER])
        .select_related("person")
        .order_by("person__email")
        .first()
    )
    return membership.person if membership else None


@transaction.atomic
def seed() -> None:
    today = timezone.localdate()
    earlier, later = today - timedelta(days=260), today - timedelta(days=50)
    for area in LocalArea.objects.filter(slug__in=["birmingham", "leeds", "west-sussex"]):
        officer = Person.objects.filter(
            email="officer@example.org", memberships__area=area
        ).first() or _officer(area)
        if officer is None:
            continue
        forum_later = area.slug != "leeds"
        _closed_round(area, officer, earlier, with_forum=not forum_later, later=False)
        _closed_round(area, officer, later, with_forum=forum_later, later=True)
        latest = ConditionsRound.objects.filter(area=area, held_on=later, body=None).first()
        if area.slug == "birmingham":
            still_open = ConditionsRound.objects.filter(
                area=area, body=None, closed_at__isnull=True, closes_on__gte=today
            )
            if not still_open.exists():
                open_round = round_open(
                    area=area,
                    by=officer,
                    held_on=today,
                    closes_on=today + timedelta(days=14),
                    roles=ALL_ROLES,
                )
                assert open_round.raters.filter(person__email="parent@example.org").exists()
            _plan(area, officer, latest)
            _year(area, officer, len(ACTIVITIES))
        else:
            if area.slug == "leeds":
                _plan(area, officer, latest)
            _year(area, officer, 1)
