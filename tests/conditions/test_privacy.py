"""A rater's scores and unshared comments are seen by nobody else: not another rater, an
officer, a board member or an area administrator, whether through the round page, the
rating form, the results or by comparing results before and after a rating."""

import pytest
from django.contrib import admin

from coproduction.people.models import Role
from evaluation.conditions.models import ConditionScore
from evaluation.conditions.services.rounds import ConditionRating, round_close, round_rate
from tests.conditions.factories import add_rater, make_round
from tests.people.factories import member

pytestmark = pytest.mark.django_db

SECRET = "The chair ignores us, and I am the only deaf parent here"


def scores_in(value, seen=None) -> list[ConditionScore]:
    """Every ConditionScore reachable from a template context value."""
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, ConditionScore):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in scores_in(v, seen)]
    if isinstance(value, list | tuple | set):
        return [s for v in value for s in scores_in(v, seen)]
    return []


@pytest.fixture
def world(area):
    r = make_round(area, closed=False)
    parent = add_rater(r, Role.PARENT_CARER)
    round_rate(
        conditions_round=r,
        person=parent.person,
        ratings={
            c: ConditionRating(score=2 if c == 6 else 9, comment=SECRET if c == 6 else "")
            for c in range(1, 13)
        },
    )
    other_rater = add_rater(r, Role.OFFICER)
    viewers = {
        "another rater": other_rater.person,
        "officer": member(area, Role.OFFICER),
        "board member": member(area, Role.BOARD_MEMBER),
        "area administrator": member(area, Role.AREA_ADMIN),
    }
    return {"round": r, "parent": parent.person, "viewers": viewers}


def pages(area, r):
    base = f"/{area.slug}/self-evaluation/conditions/"
    return [base, f"{base}{r.pk}/", f"{base}{r.pk}/rate/"]


def test_nobody_else_sees_a_score_or_unshared_comment_while_the_round_is_open(client, area, world):
    for name, person in world["viewers"].items():
        client.force_login(person)
        for url in pages(area, world["round"]):
            response = client.get(url)
            if response.status_code != 200:
                continue
            assert SECRET not in response.content.decode(), (name, url)
            mine = [
                s
                for c in response.context
                for s in scores_in(c.flatten() if hasattr(c, "flatten") else c)
            ]
            assert all(s.rater.person_id == person.pk for s in mine), (name, url)
            if url.endswith("/rate/"):
                assert not any(response.context["form"].initial.values()), name


def test_results_are_not_shown_until_the_round_closes(client, area, world):
    # so nobody can read one person's rating from the change it makes
    client.force_login(world["viewers"]["officer"])
    page = client.get(f"/{area.slug}/self-evaluation/conditions/{world['round'].pk}/")
    assert "results" not in page.context
    assert "Results are shown when the round closes" in page.content.decode()


def test_after_closing_only_aggregates_show_and_a_lone_score_is_never_one(client, area, world):
    r = world["round"]
    round_close(conditions_round=r, by=world["viewers"]["officer"])
    for name, person in world["viewers"].items():
        client.force_login(person)
        response = client.get(f"/{area.slug}/self-evaluation/conditions/{r.pk}/")
        if response.status_code != 200:
            continue
        text = response.content.decode()
        assert SECRET not in text, name
        # 2 raters: fewer than 5, so not even the lowest and highest are shown
        assert "Fewer than 5 people rated this round" in text, name
        assert not response.context["results"].any_shown


def test_the_admin_site_has_no_screen_for_scores():
    assert ConditionScore not in admin.site._registry


def test_a_rater_sees_their_own_unshared_comment(client, area, world):
    client.force_login(world["parent"])
    form = client.get(f"/{area.slug}/self-evaluation/conditions/{world['round'].pk}/rate/").context[
        "form"
    ]
    assert form.initial["comment_6"] == SECRET
    assert form.initial["score_6"] == 2
