"""Conditions pages as people use them: rating, changing, late ratings, closing twice, bad
scores at their field, "add an action" from the lowest conditions, overdue actions on the
owner's home page, and double clicks that make one round or action."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.conditions.models import ConditionScore, ConditionsRound, PlanAction
from tests.conditions.factories import add_rater, make_action, make_round, scored_round
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def rating_data(score=6, **overrides):
    data = {}
    for n in range(1, 13):
        data[f"score_{n}"] = str(score)
        data[f"comment_{n}"] = ""
    data.update(overrides)
    return data


def date_data(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_a_rater_gives_scores_then_sees_and_changes_only_their_own(client, area):
    r = make_round(area, closed=False)
    rater = add_rater(r, Role.PARENT_CARER)
    client.force_login(rater.person)
    url = f"/{area.slug}/self-evaluation/conditions/{r.pk}/rate/"
    response = client.post(url, rating_data(4, comment_6="Decided before we came", share_6="on"))
    assert response.status_code == 302
    form = client.get(url).context["form"]
    assert form.initial["score_6"] == 4
    assert form.initial["comment_6"] == "Decided before we came"
    assert form.initial["share_6"] is True
    client.post(url, rating_data(8))
    assert set(ConditionScore.objects.filter(rater=rater).values_list("score", flat=True)) == {8}


def test_a_score_outside_one_to_ten_is_shown_at_the_field_with_everything_kept(client, area):
    r = make_round(area, closed=False)
    rater = add_rater(r, Role.OFFICER)
    client.force_login(rater.person)
    response = client.post(
        f"/{area.slug}/self-evaluation/conditions/{r.pk}/rate/",
        rating_data(5, score_2="11", score_3="seven", comment_1="Keep me"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "must be a whole number from 1 to 10" in form.errors["score_2"][0]
    assert "must be a whole number from 1 to 10" in form.errors["score_3"][0]
    assert "Keep me" in response.content.decode()
    assert not ConditionScore.objects.exists()


def test_a_rating_sent_after_the_closing_date_is_refused_with_a_clear_message(client, area):
    today = timezone.localdate()
    r = make_round(area, held_on=today - timedelta(days=5), closes_on=today, closed=False)
    rater = add_rater(r, Role.OFFICER)
    client.force_login(rater.person)
    url = f"/{area.slug}/self-evaluation/conditions/{r.pk}/rate/"
    form_page = client.get(url)
    assert form_page.status_code == 200
    r.closes_on = today - timedelta(days=1)  # the day ends while the form is open
    r.held_on = today - timedelta(days=5)
    r.save()
    response = client.post(url, rating_data(6))
    assert response.status_code == 200
    assert "Ratings can no longer be given or changed" in response.content.decode()
    assert not ConditionScore.objects.exists()
    # and the form itself is no longer offered
    response = client.get(url, follow=True)
    assert "closed at the end of" in response.content.decode()


def test_closing_a_round_twice_says_so_without_an_error(client, area):
    officer = member(area, Role.OFFICER)
    r = make_round(area, closed=False)
    client.force_login(officer)
    url = f"/{area.slug}/self-evaluation/conditions/{r.pk}/close/"
    first = client.post(url, follow=True)
    assert "The round is closed" in first.content.decode()
    second = client.post(url, follow=True)
    assert second.status_code == 200
    assert "This round was already closed" in second.content.decode()


def test_the_lowest_conditions_offer_an_action_prefilled(client, area):
    officer = member(area, Role.OFFICER)
    low = dict.fromkeys(range(1, 13), 8) | {6: 2}
    r = make_round(area)
    for _ in range(5):
        add_rater(r, Role.OFFICER, scores=low)
    client.force_login(officer)
    page = client.get(f"/{area.slug}/self-evaluation/conditions/{r.pk}/").content.decode()
    link = f"/{area.slug}/self-evaluation/actions/add/?condition=6&amp;round={r.pk}"
    assert link in page
    form_page = client.get(link.replace("&amp;", "&"))
    assert form_page.context["form"].initial["conditions"] == [6]
    response = client.post(
        link.replace("&amp;", "&"),
        {
            "theme": "structure",
            "description": "Give the forum a vote on the board",
            "owner": officer.pk,
            **date_data("due_on", timezone.localdate() + timedelta(days=60)),
            "status": "not_started",
            "level_from": "4",
            "level_to": "5",
            "conditions": ["6"],
        },
    )
    assert response.status_code == 302
    action = PlanAction.objects.get()
    assert action.conditions == [6]
    assert action.conditions_round == r


def test_an_action_with_a_backwards_move_is_explained_at_the_field(client, area):
    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    response = client.post(
        f"/{area.slug}/self-evaluation/actions/add/",
        {
            "theme": "culture",
            "description": "Vision",
            "owner": officer.pk,
            **date_data("due_on", timezone.localdate()),
            "status": "green",
            "level_from": "6",
            "level_to": "4",
        },
    )
    assert response.status_code == 200
    assert "must be higher" in response.context["form"].errors["level_to"][0]


def test_overdue_actions_show_on_their_owners_home_page(client, area):
    officer = member(area, Role.OFFICER)
    make_action(
        area,
        officer,
        description="Pay parent carers",
        due_on=timezone.localdate() - timedelta(days=2),
    )
    make_action(
        area,
        officer,
        description="Finished already",
        due_on=timezone.localdate() - timedelta(days=9),
        status="done",
    )
    make_action(area, officer, description="Not due yet")
    client.force_login(officer)
    page = client.get("/").content.decode()
    assert "Your overdue actions" in page
    assert "Pay parent carers" in page
    assert "Finished already" not in page
    assert "Not due yet" not in page
    other = member(area, Role.OFFICER)
    client.force_login(other)
    assert "Your overdue actions" not in client.get("/").content.decode()


def test_a_round_without_a_forum_representative_rating_is_marked_not_coproduced(client, area):
    officer = member(area, Role.OFFICER)
    without = scored_round(area, family=[3] * 5, professionals=[6] * 5, forum=False)
    with_forum = scored_round(area, family=[3] * 5, professionals=[6] * 5)
    invited_only = make_round(area)
    add_rater(invited_only, Role.PARENT_CARER)  # invited but did not rate
    for _ in range(5):
        add_rater(invited_only, Role.OFFICER, scores=5)
    client.force_login(officer)
    base = f"/{area.slug}/self-evaluation/conditions/"
    assert "Not co-produced" in client.get(f"{base}{without.pk}/").content.decode()
    assert "Not co-produced" in client.get(f"{base}{invited_only.pk}/").content.decode()
    assert "Not co-produced" not in client.get(f"{base}{with_forum.pk}/").content.decode()
    listing = client.get(base).content.decode()
    assert listing.count("Not co-produced") == 2


def test_two_clicks_on_open_round_make_one_round(client, area):
    officer = member(area, Role.OFFICER)
    member(area, Role.PARENT_CARER)
    client.force_login(officer)
    url = f"/{area.slug}/self-evaluation/conditions/open/"
    token = client.get(url).context["form"].form_token
    today = timezone.localdate()
    data = {
        "form_token": token,
        **date_data("held_on", today),
        **date_data("closes_on", today + timedelta(days=7)),
        "roles": ["parent_carer", "officer"],
    }
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert ConditionsRound.objects.count() == 1
    assert ConditionsRound.objects.get().raters.count() == 2


def test_two_clicks_on_add_action_make_one_action(client, area):
    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    url = f"/{area.slug}/self-evaluation/actions/add/"
    token = client.get(url).context["form"].form_token
    data = {
        "form_token": token,
        "theme": "culture",
        "description": "Vision",
        "owner": officer.pk,
        **date_data("due_on", timezone.localdate()),
        "status": "green",
    }
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert PlanAction.objects.count() == 1


def test_opening_a_round_with_nobody_invited_says_so_at_the_field(client, area):
    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    today = timezone.localdate()
    response = client.post(
        f"/{area.slug}/self-evaluation/conditions/open/",
        {**date_data("held_on", today), **date_data("closes_on", today - timedelta(days=1))},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Choose who is invited" in errors["roles"][0]
    assert not ConditionsRound.objects.exists()


# Implausible dates (tester's report: a round could close on 1 December 2099) -----------------


def open_round_data(held_on, closes_on):
    return {
        **date_data("held_on", held_on),
        **date_data("closes_on", closes_on),
        "roles": ["parent_carer", "officer"],
        "form_token": "a-one-time-form-token-123456",
    }


def test_a_round_closing_in_2099_is_refused_at_the_closing_date(client, area):
    from datetime import date

    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    today = timezone.localdate()
    response = client.post(
        f"/{area.slug}/self-evaluation/conditions/open/",
        open_round_data(today, date(2099, 12, 1)),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "within 3 months of the date of the round" in errors["closes_on"][0]
    assert not ConditionsRound.objects.exists()


def test_a_round_may_close_3_months_after_its_date_but_not_a_day_later(area):
    from django.core.exceptions import ValidationError

    from evaluation.conditions.services.rounds import round_open
    from evaluation.date_limits import latest_closing

    officer = member(area, Role.OFFICER)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as caught:
        round_open(
            area=area,
            by=officer,
            held_on=today,
            closes_on=latest_closing(today) + timedelta(days=1),
            roles=["officer"],
        )
    assert "closes_on" in caught.value.message_dict
    round_open(
        area=area, by=officer, held_on=today, closes_on=latest_closing(today), roles=["officer"]
    )
    assert ConditionsRound.objects.count() == 1


def test_a_round_dated_1900_is_refused_at_its_date(client, area):
    from datetime import date

    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    response = client.post(
        f"/{area.slug}/self-evaluation/conditions/open/",
        open_round_data(date(1900, 1, 1), timezone.localdate()),
    )
    assert "on or after 1 September 2014" in response.context["form"].errors["held_on"][0]
    assert not ConditionsRound.objects.exists()


@pytest.mark.parametrize(
    ("years_ahead", "message"),
    [(73, "must be within 3 years"), (-126, "on or after 1 September 2014")],
)
def test_an_action_due_in_2099_or_1900_is_refused_at_the_due_date(
    client, area, years_ahead, message
):
    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    url = f"/{area.slug}/self-evaluation/actions/add/"
    today = timezone.localdate()
    due = today.replace(day=1, year=today.year + years_ahead)
    response = client.post(
        url,
        {
            "form_token": client.get(url).context["form"].form_token,
            "theme": "culture",
            "description": "Vision written with families",
            "owner": officer.pk,
            **date_data("due_on", due),
            "status": "green",
        },
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors["due_on"][0]
    assert "Vision written with families" in response.content.decode()
    assert not PlanAction.objects.exists()


def test_future_dates_show_a_future_example_in_their_hint(client, area):
    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    next_year = timezone.localdate().year + 1
    for url in ("conditions/open/", "actions/add/"):
        page = client.get(f"/{area.slug}/self-evaluation/{url}").content.decode()
        assert f"For example, 27 3 {next_year}" in page


# The invitation to rate on the home page (tester: a parent had to go Overview → Conditions) ---


def test_an_invited_parent_finds_the_open_round_to_rate_on_their_home_page(client, area):
    r = make_round(area, closed=False)
    rater = add_rater(r, Role.PARENT_CARER)
    client.force_login(rater.person)
    page = client.get("/").content.decode()
    assert "Rate the conditions of success" in page
    assert f"/{area.slug}/self-evaluation/conditions/{r.pk}/rate/" in page
    client.post(f"/{area.slug}/self-evaluation/conditions/{r.pk}/rate/", rating_data(6))
    assert "Rate the conditions of success" not in client.get("/").content.decode()


def test_closed_rounds_and_rounds_one_is_not_invited_to_are_not_on_the_home_page(client, area):
    closed = make_round(area, closed=True)
    rater = add_rater(closed, Role.PARENT_CARER)
    past_closing = make_round(
        area,
        held_on=timezone.localdate() - timedelta(days=20),
        closes_on=timezone.localdate() - timedelta(days=1),
        closed=False,
    )
    add_rater(past_closing, person=rater.person)
    make_round(area, closed=False)  # open, but they are not invited
    client.force_login(rater.person)
    assert "Rate the conditions of success" not in client.get("/").content.decode()


def test_an_open_round_shows_how_many_rated_not_the_not_coproduced_verdict(client, area):
    officer = member(area, Role.OFFICER)
    open_round = make_round(area, closed=False)
    parent = add_rater(open_round, Role.PARENT_CARER)  # a forum representative, not rated yet
    add_rater(open_round, person=officer, scores=5)
    for _ in range(17):
        add_rater(open_round, Role.OFFICER)
    base = f"/{area.slug}/self-evaluation/conditions/"
    hint = "No parent carer forum representative has rated yet"
    client.force_login(officer)
    listing = client.get(base).content.decode()
    detail = client.get(f"{base}{open_round.pk}/").content.decode()
    for page in (listing, detail):
        assert "Not co-produced" not in page
        assert hint in page
    assert "1 of 19 rated" in listing
    client.force_login(parent.person)  # the hint is for officers only
    listing = client.get(base).content.decode()
    assert "1 of 19 rated" in listing
    assert hint not in listing
    assert "Not co-produced" not in listing


def test_the_hint_goes_once_a_forum_representative_has_rated(client, area):
    officer = member(area, Role.OFFICER)
    open_round = make_round(area, closed=False)
    add_rater(open_round, Role.PARENT_CARER, scores=7)
    client.force_login(officer)
    base = f"/{area.slug}/self-evaluation/conditions/"
    for url in (base, f"{base}{open_round.pk}/"):
        page = client.get(url).content.decode()
        assert "No parent carer forum representative has rated yet" not in page
        assert "Not co-produced" not in page


def test_a_round_dated_in_2099_is_refused_at_its_date(client, area):
    from datetime import date

    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    response = client.post(
        f"/{area.slug}/self-evaluation/conditions/open/",
        open_round_data(date(2099, 12, 1), date(2099, 12, 2)),
    )
    assert "within 3 months from today" in response.context["form"].errors["held_on"][0]
    assert not ConditionsRound.objects.exists()
