"""Conditions pages run a fixed number of queries whatever the amount of data: pinned at two
sizes. The comment on each says which N+1 it guards against."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from tests.conditions.factories import add_rater, make_action, make_round, make_year
from tests.forums.factories import BodyFactory
from tests.people.factories import member
from tests.queries import assert_page_queries

pytestmark = pytest.mark.django_db

SIZES = [2, 6]


def round_list(area, n):
    # guards: one query per round for its body, counts or co-produced flag
    officer = member(area, Role.OFFICER)
    for _ in range(n):
        r = make_round(area)
        add_rater(r, Role.PARENT_CARER, scores=5)
    return f"/{area.slug}/self-evaluation/conditions/", officer


def round_results(area, n):
    # guards: one query per condition or rater for the figures, per comment for its rater
    officer = member(area, Role.OFFICER)
    earlier = make_round(area, held_on=timezone.localdate() - timedelta(days=200))
    r = make_round(area)
    for _ in range(5 + n):
        add_rater(earlier, Role.OFFICER, scores=4)
        add_rater(r, Role.PARENT_CARER, scores=6, comment="Shared", share=True)
    return f"/{area.slug}/self-evaluation/conditions/{r.pk}/", officer


def rate_page(area, n):
    # guards: one query per condition for the rater's own score
    r = make_round(area, closed=False)
    rater = add_rater(r, Role.PARENT_CARER)
    for _ in range(n):
        add_rater(r, Role.OFFICER)
    from evaluation.conditions.services.rounds import ConditionRating, round_rate

    round_rate(
        conditions_round=r,
        person=rater.person,
        ratings={c: ConditionRating(score=5, comment="x") for c in range(1, 13)},
    )
    return f"/{area.slug}/self-evaluation/conditions/{r.pk}/rate/", rater.person


def action_plan(area, n):
    # guards: one query per action for its owner or round
    officer = member(area, Role.OFFICER)
    for index in range(n):
        make_action(area, member(area, Role.OFFICER), theme=["culture", "structure"][index % 2])
    return f"/{area.slug}/self-evaluation/actions/", officer


def year_page(area, n):
    # guards: one query per activity
    officer = member(area, Role.OFFICER)
    year = make_year(area, activities=n)
    return f"/{area.slug}/self-evaluation/activities/{year.pk}/", officer


def home_page(area, n):
    # guards: one query per overdue action for its area, per round to rate for its area or body
    officer = member(area, Role.OFFICER)
    for _ in range(n):
        make_action(area, officer, due_on=timezone.localdate() - timedelta(days=3))
        add_rater(make_round(area, body=BodyFactory(area=area), closed=False), person=officer)
    return "/", officer


PAGES = {
    "round list": (round_list, 7),
    "round results": (round_results, 10),
    "rate page": (rate_page, 8),
    "action plan": (action_plan, 6),
    "year page": (year_page, 7),
    "home page": (home_page, 18),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", PAGES)
def test_pages_run_a_fixed_number_of_queries(client, area, django_assert_num_queries, page, size):
    assert_page_queries(client, django_assert_num_queries, PAGES, page, area, size)
