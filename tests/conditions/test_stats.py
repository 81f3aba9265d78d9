"""The maths of a round's results on hand-made scores: median, quartiles, spread, the
families' and professionals' medians and their gap, the previous round, and the small-group
rule (a group of fewer than 5 is never shown)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.conditions.selectors import round_get, round_results
from evaluation.figures import SUPPRESSED
from tests.conditions.factories import add_rater, make_round, scored_round

pytestmark = pytest.mark.django_db


def results(conditions_round):
    today = timezone.localdate()
    fresh = round_get(area=conditions_round.area, pk=conditions_round.pk)
    return round_results(conditions_round=fresh, today=today)


def leadership(conditions_round):
    return next(f for f in results(conditions_round).figures if f.condition == 1)


def test_median_quartiles_and_spread_are_postgres_percentile_cont(area):
    # all ten scores: 1 2 3 4 5 6 7 8 9 10 -> median 5.5, quartiles 3.25 and 7.75
    r = scored_round(area, family=[1, 2, 3, 4, 5], professionals=[6, 7, 8, 9, 10])
    f = leadership(r)
    assert f.raters == 10
    assert f.median == 5.5
    assert (f.lower_quartile, f.upper_quartile) == (3.25, 7.75)
    assert (f.lowest, f.highest) == (1, 10)


def test_families_and_professionals_medians_and_their_gap(area):
    r = scored_round(area, family=[2, 3, 3, 4, 9], professionals=[6, 7, 7, 8, 8, 10])
    f = leadership(r)
    assert f.family_median == 3
    assert f.professional_median == 7.5
    assert f.gap == -4.5  # families see it worse


def test_a_group_of_fewer_than_five_is_not_shown_nor_its_gap(area):
    # Two parent carers: their median is their average, so each would learn the other's score.
    r = scored_round(area, family=[2, 4], professionals=[6, 7, 7, 8, 8])
    f = leadership(r)
    assert f.median == 7
    assert f.family_median is None
    assert f.family_raters == SUPPRESSED
    assert f.professional_median == 7
    assert f.gap is None
    assert results(r).widest_gaps_first == []


def test_with_fewer_than_five_raters_nothing_about_a_condition_is_shown(area):
    r = scored_round(area, family=[2, 4], professionals=[6, 9])
    f = leadership(r)
    assert f.raters == SUPPRESSED
    assert not f.shown
    assert (f.median, f.lowest, f.highest) == (None, None, None)
    assert not results(r).any_shown


def test_compared_with_the_previous_round_of_the_same_scope(area):
    today = timezone.localdate()
    scored_round(area, professionals=[3, 3, 3, 3, 3], held_on=today - timedelta(days=200))
    latest = scored_round(area, professionals=[5, 5, 6, 6, 6], held_on=today - timedelta(days=40))
    f = leadership(latest)
    assert f.previous_median == 3
    assert f.change == 3
    assert results(latest).previous.held_on == today - timedelta(days=200)


def test_a_body_round_is_not_compared_with_an_area_round(area):
    from tests.forums.factories import BodyFactory

    today = timezone.localdate()
    scored_round(area, professionals=[3] * 5, held_on=today - timedelta(days=200))
    body_round = scored_round(
        area, professionals=[5] * 5, held_on=today - timedelta(days=40), body=BodyFactory(area=area)
    )
    assert leadership(body_round).previous_median is None


def test_lowest_conditions_and_widest_gaps_come_first(area):
    r = make_round(area)
    low = dict.fromkeys(range(1, 13), 8) | {6: 2, 7: 4}
    for _ in range(5):
        add_rater(r, Role.PARENT_CARER, scores=low | {9: 3})
        add_rater(r, Role.OFFICER, scores=low | {9: 9, 6: 3})
    res = results(r)
    assert [f.condition for f in res.lowest_first[:3]] == [6, 7, 9]
    assert res.widest_gaps_first[0].condition == 9  # families 3, professionals 9
    assert res.widest_gaps_first[0].gap == -6
    assert [f.condition for f in res.lowest_to_act_on] == [6, 7, 9]


def test_shared_comments_are_anonymous_and_unshared_ones_never_appear(area):
    r = make_round(area)
    for n in range(8):
        add_rater(r, Role.OFFICER, scores={1: 5}, comment=f"Shared thought {n}", share=True)
    add_rater(r, Role.PARENT_CARER, scores={1: 5}, comment="My private worry", share=False)
    comments = results(r).shared_comments
    texts = [text for _, text in comments]
    assert "My private worry" not in texts
    assert sorted(texts) == [f"Shared thought {n}" for n in range(8)]
    # the order is fixed but does not follow the order people rated in (1 in 40,320 by chance)
    assert texts == [text for _, text in results(r).shared_comments]
    assert texts != sorted(texts)
    assert all(label == "Strong, invested leadership" for label, _ in comments)
