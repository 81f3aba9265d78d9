"""Every conditions, action plan and activities page against every role, an officer of
another area and nobody; then the powers that come from being invited to rate or owning an
action, and another area's records (404)."""

import pytest

from coproduction.people.models import Role
from tests.conditions.factories import add_rater, make_action, make_round, make_year
from tests.people.factories import member
from tests.permissions import (
    ADMINS,
    EVERYONE,
    MEMBERS,
    OFFICERS,
    assert_matrix_status,
    expect,
)

pytestmark = pytest.mark.django_db

SEE_ALL = [*OFFICERS, Role.BOARD_MEMBER, *ADMINS]
FORUM_AND_PARTNERS = [*OFFICERS, Role.PARENT_CARER]
NOBODY = []
S = "/{area}/self-evaluation/"

MATRIX = {
    "rounds": ("get", S + "conditions/", expect(MEMBERS)),
    "open round": ("get", S + "conditions/open/", expect(OFFICERS)),
    "round": ("get", S + "conditions/{round}/", expect(SEE_ALL)),
    "closed round results": ("get", S + "conditions/{closed}/", expect(SEE_ALL)),
    "rate": ("get", S + "conditions/{round}/rate/", expect(NOBODY)),
    "close round": ("post", S + "conditions/{round}/close/", expect(OFFICERS, ok=302)),
    "action plan": ("get", S + "actions/", expect(MEMBERS)),
    "add action": ("get", S + "actions/add/", expect(OFFICERS)),
    "change action": ("get", S + "actions/{action}/", expect(OFFICERS)),
    "years": ("get", S + "activities/", expect(MEMBERS)),
    "open year": ("get", S + "activities/open/", expect(FORUM_AND_PARTNERS)),
    "year": ("get", S + "activities/{year}/", expect(MEMBERS)),
    "add activity": ("get", S + "activities/{year}/add/", expect(FORUM_AND_PARTNERS)),
    "start review": ("post", S + "activities/{year}/review/", expect(FORUM_AND_PARTNERS, ok=302)),
    "record impact": (
        "get",
        S + "activities/{reviewing}/{activity}/impact/",
        expect(FORUM_AND_PARTNERS),
    ),
    "close year": ("post", S + "activities/{reviewing}/close/", expect(FORUM_AND_PARTNERS, ok=302)),
}


def make_records(area) -> dict:
    """One record of every kind this app's pages take an id of, all in `area`."""
    from datetime import date

    owner = member(area, Role.OFFICER)
    year = make_year(area)
    reviewing = make_year(area, status="reviewing", starts_on=date(2020, 9, 1))
    return {
        "area": area.slug,
        "round": make_round(area, closed=False).pk,
        "closed": make_round(area).pk,
        "action": make_action(area, owner).pk,
        "year": year.pk,
        "reviewing": reviewing.pk,
        "activity": reviewing.activities.get().pk,
    }


@pytest.fixture
def records(area):
    return make_records(area)


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


@pytest.mark.parametrize("role", [Role.PARENT_CARER, Role.YOUNG_PERSON])
def test_an_invited_family_member_sees_the_round_rates_it_and_sees_its_results(client, area, role):
    open_round, closed = make_round(area, closed=False), make_round(area)
    rater = add_rater(open_round, role)
    add_rater(closed, role, person=rater.person, scores=5)
    client.force_login(rater.person)
    base = f"/{area.slug}/self-evaluation/conditions/"
    assert client.get(f"{base}{open_round.pk}/").status_code == 200
    assert client.get(f"{base}{open_round.pk}/rate/").status_code == 200
    assert client.get(f"{base}{closed.pk}/").status_code == 200
    assert client.post(f"{base}{open_round.pk}/close/").status_code == 403


def test_a_rater_who_left_the_area_can_no_longer_rate(client, area):
    open_round = make_round(area, closed=False)
    rater = add_rater(open_round, Role.PARENT_CARER)
    rater.person.memberships.all().delete()
    client.force_login(rater.person)
    assert (
        client.get(f"/{area.slug}/self-evaluation/conditions/{open_round.pk}/rate/").status_code
        == 403
    )


def test_an_action_owner_may_change_their_action(client, area):
    parent = member(area, Role.PARENT_CARER)
    action = make_action(area, parent)
    client.force_login(parent)
    assert client.get(f"/{area.slug}/self-evaluation/actions/{action.pk}/").status_code == 200


def test_another_areas_records_are_not_found(client, area, other_area):
    officer = member(area, Role.OFFICER)
    elsewhere = member(other_area, Role.OFFICER)
    r = make_round(other_area)
    action = make_action(other_area, elsewhere)
    year = make_year(other_area)
    client.force_login(officer)
    s = f"/{area.slug}/self-evaluation/"
    for url in (
        f"{s}conditions/{r.pk}/",
        f"{s}conditions/{r.pk}/rate/",
        f"{s}actions/{action.pk}/",
        f"{s}activities/{year.pk}/",
        f"{s}activities/{year.pk}/add/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"{s}conditions/{r.pk}/close/").status_code == 404


def test_an_outsider_gets_the_same_answer_for_ids_that_exist_and_ids_that_do_not(
    client, area, other_area, records
):
    client.force_login(member(other_area, Role.OFFICER))
    missing = dict.fromkeys(records, 999999) | {"area": area.slug}
    for page, (method, url, _expected) in MATRIX.items():
        if "{" not in url.replace("{area}", ""):
            continue
        found = getattr(client, method)(url.format(**records)).status_code
        absent = getattr(client, method)(url.format(**missing)).status_code
        assert found == absent == 403, page
