"""Opening, rating and closing rounds; the action plan's checks; the yearly self-evaluation's
states. Bad input gets a clear message at the field."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.conditions.constants import ActionStatus, Condition, Theme, YearStatus
from evaluation.conditions.models import ConditionScore, PlanAction
from evaluation.conditions.services import activities
from evaluation.conditions.services.actions import plan_action_add, plan_action_update
from evaluation.conditions.services.rounds import (
    ConditionRating,
    round_close,
    round_open,
    round_rate,
)
from tests.conditions.factories import add_rater, make_round, make_year
from tests.forums.factories import BodyFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def all_scores(score, **extra):
    return {c: ConditionRating(score=score, **extra) for c in Condition.values}


def test_opening_invites_people_by_role_and_by_name_with_their_group(area, other_area):
    officer = member(area, Role.OFFICER)
    parent = member(area, Role.PARENT_CARER)
    young = member(area, Role.YOUNG_PERSON)
    board = member(area, Role.BOARD_MEMBER)
    member(other_area, Role.PARENT_CARER)  # never invited
    today = timezone.localdate()
    r = round_open(
        area=area,
        by=officer,
        held_on=today,
        closes_on=today + timedelta(days=7),
        roles=[Role.PARENT_CARER, Role.YOUNG_PERSON],
        people=[board],
    )
    raters = {rr.person: rr for rr in r.raters.all()}
    assert set(raters) == {parent, young, board}
    assert raters[parent].group == "family"
    assert raters[parent].is_forum_representative
    assert raters[young].group == "family"
    assert not raters[young].is_forum_representative
    assert raters[board].group == "professional"


def test_opening_explains_bad_dates_and_nobody_invited(area, other_area):
    officer = member(area, Role.OFFICER)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        round_open(area=area, by=officer, held_on=today, closes_on=today - timedelta(days=1))
    assert "closes_on" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        round_open(area=area, by=officer, held_on=today, closes_on=today, roles=[Role.YOUNG_PERSON])
    assert "roles" in error.value.error_dict
    stranger = member(other_area, Role.OFFICER)
    with pytest.raises(ValidationError) as error:
        round_open(area=area, by=officer, held_on=today, closes_on=today, people=[stranger])
    assert "people" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        round_open(
            area=area,
            by=officer,
            held_on=today,
            closes_on=today,
            roles=[Role.OFFICER],
            body=BodyFactory(area=other_area),
        )
    assert "body" in error.value.error_dict


def test_a_rater_saves_and_changes_their_scores_until_closing(area):
    r = make_round(area, closed=False)
    rater = add_rater(r, Role.PARENT_CARER)
    round_rate(conditions_round=r, person=rater.person, ratings=all_scores(4, comment="Hm"))
    round_rate(conditions_round=r, person=rater.person, ratings=all_scores(7))
    scores = ConditionScore.objects.filter(rater=rater)
    assert scores.count() == 12
    assert set(scores.values_list("score", flat=True)) == {7}
    assert set(scores.values_list("comment", flat=True)) == {""}


def test_a_score_outside_one_to_ten_is_refused_at_its_field(area):
    r = make_round(area, closed=False)
    rater = add_rater(r, Role.OFFICER)
    ratings = all_scores(5) | {3: ConditionRating(score=11), 4: ConditionRating(score=0)}
    with pytest.raises(ValidationError) as error:
        round_rate(conditions_round=r, person=rater.person, ratings=ratings)
    assert set(error.value.error_dict) == {"score_3", "score_4"}
    assert "from 1 to 10" in error.value.error_dict["score_3"][0].message
    assert not ConditionScore.objects.exists()


def test_a_rating_after_the_closing_date_is_refused_with_a_clear_message(area):
    today = timezone.localdate()
    r = make_round(area, held_on=today - timedelta(days=10), closes_on=today - timedelta(days=1))
    rater = add_rater(r, Role.OFFICER)
    with pytest.raises(ValidationError) as error:
        round_rate(conditions_round=r, person=rater.person, ratings=all_scores(5))
    assert "closed at the end of" in error.value.messages[0]
    assert not ConditionScore.objects.exists()


def test_ratings_are_accepted_on_the_closing_date_itself(area):
    today = timezone.localdate()
    r = make_round(area, held_on=today - timedelta(days=3), closes_on=today, closed=False)
    rater = add_rater(r, Role.OFFICER)
    round_rate(conditions_round=r, person=rater.person, ratings=all_scores(5))
    assert not r.is_closed(today)
    assert r.is_closed(today + timedelta(days=1))


def test_closing_twice_changes_nothing_the_second_time(area):
    officer = member(area, Role.OFFICER)
    r = make_round(area, closed=False)
    assert round_close(conditions_round=r, by=officer) is True
    first = r.closed_at
    assert round_close(conditions_round=r, by=officer) is False
    r.refresh_from_db()
    assert r.closed_at == first
    rater = add_rater(r, Role.OFFICER)
    with pytest.raises(ValidationError) as error:
        round_rate(conditions_round=r, person=rater.person, ratings=all_scores(5))
    assert "was closed on" in error.value.messages[0]


def test_a_round_past_its_date_counts_as_closed_without_any_task(area):
    officer = member(area, Role.OFFICER)
    r = make_round(area)  # closing date passed
    assert r.is_closed(timezone.localdate())
    assert round_close(conditions_round=r, by=officer) is False


# The action plan ------------------------------------------------------------------------------


def test_an_action_records_its_move_up_the_scale_and_conditions(area):
    officer = member(area, Role.OFFICER)
    action = plan_action_add(
        area=area,
        by=officer,
        theme=Theme.STRUCTURE,
        description="Pay parent carers for their time",
        owner=officer,
        due_on=timezone.localdate() + timedelta(days=30),
        status=ActionStatus.AMBER,
        level_from=4,
        level_to=5,
        conditions=[7, 6, 7],
    )
    assert action.conditions == [6, 7]
    assert action.get_level_from_display() == "Consultation"


def test_an_action_explains_a_bad_owner_or_move(area, other_area):
    officer = member(area, Role.OFFICER)
    base = {
        "area": area,
        "by": officer,
        "theme": Theme.CULTURE,
        "description": "Vision",
        "due_on": timezone.localdate(),
        "status": ActionStatus.GREEN,
    }
    with pytest.raises(ValidationError) as error:
        plan_action_add(**base, owner=member(other_area, Role.OFFICER))
    assert "owner" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        plan_action_add(**base, owner=officer, level_from=5, level_to=4)
    assert "level_to" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        plan_action_add(**base, owner=officer, level_from=5)
    assert "level_to" in error.value.error_dict
    assert not PlanAction.objects.exists()


def test_an_owner_marks_an_action_done(area):
    officer = member(area, Role.OFFICER)
    action = plan_action_add(
        area=area,
        by=officer,
        theme=Theme.CULTURE,
        description="Vision",
        owner=officer,
        due_on=timezone.localdate() - timedelta(days=3),
        status=ActionStatus.RED,
    )
    assert action.is_overdue(timezone.localdate())
    action = plan_action_update(action=action, status=ActionStatus.DONE)
    assert not action.is_overdue(timezone.localdate())


# The yearly self-evaluation -----------------------------------------------------------------


def test_a_year_is_agreed_then_reviewed_then_closed(area):
    officer = member(area, Role.OFFICER)
    year = activities.activity_year_open(area=area, by=officer, day=timezone.localdate())
    activity = activities.year_activity_add(
        year=year, title="Short breaks", level_sought=6, strategic_outcomes="Families choose."
    )
    with pytest.raises(ValidationError, match="Start the review first"):
        activities.year_activity_impact(activity=activity, impact="Done", evidence="Survey")
    assert activities.activity_year_review(year=year) is True
    with pytest.raises(ValidationError, match="while the year's activities are being agreed"):
        activities.year_activity_add(
            year=year, title="Late", level_sought=5, strategic_outcomes="x"
        )
    with pytest.raises(ValidationError, match="Record the impact of every activity"):
        activities.activity_year_close(year=year)
    with pytest.raises(ValidationError) as error:
        activities.year_activity_impact(activity=activity, impact="", evidence="")
    assert set(error.value.error_dict) == {"impact", "evidence"}
    activities.year_activity_impact(activity=activity, impact="120 families", evidence="Survey")
    assert activities.activity_year_close(year=year) is True
    assert activities.activity_year_close(year=year) is False  # closing twice is harmless
    year.refresh_from_db()
    assert year.status == YearStatus.CLOSED
    with pytest.raises(ValidationError, match="closed"):
        activities.year_activity_impact(activity=activity, impact="Changed", evidence="x")


def test_a_year_cannot_be_opened_twice_or_reviewed_empty(area):
    officer = member(area, Role.OFFICER)
    activities.activity_year_open(area=area, by=officer, day=timezone.localdate())
    with pytest.raises(ValidationError) as error:
        activities.activity_year_open(area=area, by=officer, day=timezone.localdate())
    assert "year" in error.value.error_dict
    empty = make_year(
        area, activities=0, starts_on=timezone.localdate().replace(year=2040, month=9, day=1)
    )
    with pytest.raises(ValidationError, match="at least one activity"):
        activities.activity_year_review(year=empty)
