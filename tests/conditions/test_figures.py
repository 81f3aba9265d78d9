"""The board dashboard's figures from conditions rounds, the action plan and the yearly
self-evaluation: right numbers, only the scope's records, the not-co-produced note, small
groups suppressed, and a fixed number of queries at two sizes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.figures import DashboardScope, academic_year, figures
from evaluation.figures.conditions import (
    NOT_CO_PRODUCED,
    actions_measures,
    build_actions,
    build_activities,
    build_conditions,
    conditions_measures,
)
from tests.conditions.factories import make_action, make_year, scored_round
from tests.forums.factories import BodyFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def scope(area, body=None, today=None):
    today = today or timezone.localdate()
    return DashboardScope(area=area, period=academic_year(today), today=today, body=body)


def by_slug(built):
    return {f.slug: f for f in built}


def this_year(days_ago):
    """A day in this academic year, `days_ago` before today at most (never before 1 Sept)."""
    today = timezone.localdate()
    return max(today - timedelta(days=days_ago), academic_year(today).starts_on)


def test_the_providers_are_registered():
    slugs = {p.slug for p in figures.ordered()}
    assert {"conditions", "action-plan", "yearly-activities"} <= slugs


def test_conditions_by_condition_from_the_latest_closed_round_in_the_period(area, other_area):
    scored_round(area, family=[2] * 5, professionals=[8] * 5, held_on=this_year(3))
    scored_round(other_area, family=[10] * 5, professionals=[10] * 5)
    built = by_slug(build_conditions(scope(area)))
    table = built["conditions-by-condition"]
    assert len(table.rows) == 12
    first = table.rows[0]
    assert first[1] == 5.0  # median of five 2s and five 8s
    assert first[6:9] == (2.0, 8.0, -6.0)  # families, professionals, gap
    assert NOT_CO_PRODUCED not in table.notes
    assert table.chart is not None
    gaps = built["conditions-by-role-group"]
    assert gaps.rows[0][3] == -6.0
    assert built["conditions-trend"].rows


def test_a_round_without_the_forum_carries_the_note_and_small_groups_are_hidden(area):
    scored_round(area, family=[2, 3], professionals=[8] * 5, forum=False, held_on=this_year(20))
    built = by_slug(build_conditions(scope(area)))
    table = built["conditions-by-condition"]
    assert NOT_CO_PRODUCED in table.notes
    assert table.rows[0][6] == "not shown"  # two young people: no families' median
    assert built["conditions-by-role-group"].rows == ()


def test_a_body_dashboard_reads_only_that_bodys_rounds(area):
    body = BodyFactory(area=area)
    scored_round(area, professionals=[3] * 5, held_on=this_year(20))
    scored_round(area, professionals=[9] * 5, held_on=this_year(20), body=body)
    table = by_slug(build_conditions(scope(area, body=body)))["conditions-by-condition"]
    assert table.rows[0][1] == 9.0


def test_no_closed_round_gives_an_empty_figure(area):
    built = build_conditions(scope(area))
    assert built[0].rows == ()
    assert "No conditions of success round" in built[0].empty_text


def test_measures_give_the_median_of_all_scores_and_overdue_actions(area):
    scored_round(area, family=[4] * 5, professionals=[6] * 6, held_on=this_year(20))
    values = {m.label: m.value for m in conditions_measures(scope(area))}
    assert values["Conditions of success: median score, latest round"] == 6.0
    owner = member(area, Role.OFFICER)
    make_action(area, owner, due_on=timezone.localdate() - timedelta(days=1))
    make_action(area, owner, due_on=timezone.localdate() - timedelta(days=1), status="done")
    make_action(area, owner)
    values = {m.label: m.value for m in actions_measures(scope(area))}
    assert values == {"Open actions": 2, "Overdue actions": 1}


def test_actions_by_theme_and_status_and_the_years_activities(area, other_area):
    owner = member(area, Role.OFFICER)
    make_action(area, owner, due_on=timezone.localdate() - timedelta(days=1), status="red")
    make_action(other_area, member(other_area, Role.OFFICER))
    rows = build_actions(scope(area))[0].rows
    assert rows == (("The right culture", "Red: off track", 1, 1),)
    make_year(area, activities=2)
    activity_rows = build_activities(scope(area))[0].rows
    assert activity_rows == (("Co-design", 2, 0),)


SIZES = [1, 4]


@pytest.mark.parametrize("size", SIZES)
def test_the_figures_run_a_fixed_number_of_queries(area, django_assert_num_queries, size):
    # guards: one query per round, per condition or per rater for its scores or flag
    owner = member(area, Role.OFFICER)
    for n in range(size):
        scored_round(area, family=[3] * 5, professionals=[7] * (5 + n), held_on=this_year(40 - n))
        make_action(area, owner, due_on=timezone.localdate() - timedelta(days=n))
    make_year(area, activities=size)
    s = scope(area)
    with django_assert_num_queries(6):
        build_conditions(s)
        conditions_measures(s)
    with django_assert_num_queries(4):
        build_actions(s)
        actions_measures(s)
        build_activities(s)
