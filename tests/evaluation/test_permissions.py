"""Every dashboard address against every role, an officer of another area and nobody; a body
of another area is not found; the side-by-side view is for people who may see a dashboard."""

import pytest

from coproduction.people.models import Role
from tests.forums.factories import BodyFactory
from tests.people.factories import member
from tests.permissions import ADMINS, EVERYONE, OFFICERS, client_as, expect

pytestmark = pytest.mark.django_db

VIEWERS = [Role.BOARD_MEMBER, *OFFICERS, *ADMINS, Role.PARENT_CARER]
D = "/{area}/dashboard/"

MATRIX = {
    "area dashboard": D,
    "area dashboard for a term": D + "?period={term}",
    "body dashboard (query)": D + "?body={body}",
    "body dashboard (address)": D + "bodies/{body}/",
    "figure CSV": D + "figures/representation-gaps.csv",
    "body figure CSV": D + "figures/representation-gaps.csv?body={body}",
}


def make_records(area) -> dict:
    """One record of every kind this app's pages take an id of, all in `area`."""
    from tests.people.factories import TermFactory

    term = TermFactory(area=area)
    return {"area": area.slug, "body": BodyFactory(area=area).pk, "term": f"term-{term.pk}"}


@pytest.fixture
def records(area):
    return make_records(area)


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    client_as(client, role, area, other_area)
    response = client.get(MATRIX[page].format(**records))
    assert response.status_code == expect(VIEWERS)[role], f"{page} as {role}"


def test_young_people_do_not_see_the_dashboard_in_the_menu(client, area):
    client.force_login(member(area, Role.YOUNG_PERSON))
    assert "/birmingham/dashboard/" not in client.get("/birmingham/").content.decode()


def test_a_board_member_finds_the_dashboard_in_the_menu_and_on_the_overview(client, area):
    client.force_login(member(area, Role.BOARD_MEMBER))
    page = client.get("/birmingham/").content.decode()
    assert page.count('href="/birmingham/dashboard/"') == 2  # menu and "What you can do here"


@pytest.mark.parametrize(
    "url",
    [
        "/birmingham/dashboard/?body={body}",
        "/birmingham/dashboard/bodies/{body}/",
        "/birmingham/dashboard/figures/representation-gaps.csv?body={body}",
    ],
)
def test_another_areas_body_is_not_found(client, area, other_area, url):
    elsewhere = BodyFactory(area=other_area)
    client.force_login(member(area, Role.BOARD_MEMBER))
    response = client.get(url.format(body=elsewhere.pk))
    assert response.status_code == 404
    assert "There is no such board or work stream in this area" in response.content.decode()


@pytest.mark.parametrize("bad", ["abc", "999999"])
def test_a_body_that_is_not_there_is_not_found(client, area, bad):
    client.force_login(member(area, Role.OFFICER))
    assert client.get(f"/birmingham/dashboard/?body={bad}").status_code == 404


def test_another_areas_term_is_not_a_period_here(client, area, other_area):
    from tests.people.factories import TermFactory

    term = TermFactory(area=other_area)
    client.force_login(member(area, Role.BOARD_MEMBER))
    response = client.get(f"/birmingham/dashboard/?period=term-{term.pk}")
    assert response.status_code == 200
    assert "Choose a school year or term from the list" in response.content.decode()
    csv = client.get(f"/birmingham/dashboard/figures/representation-gaps.csv?period=term-{term.pk}")
    assert csv.status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        (Role.YOUNG_PERSON, 403),
        (Role.PARENT_CARER, 200),
        (Role.BOARD_MEMBER, 200),
        (Role.OFFICER, 200),
        (Role.AREA_ADMIN, 200),
    ],
)
def test_side_by_side_view_is_for_people_who_may_see_a_dashboard(client, area, role, status):
    if role != "anonymous":
        client.force_login(member(area, role))
    assert client.get("/dashboard/areas/").status_code == status


@pytest.mark.parametrize("role", ["outsider", Role.YOUNG_PERSON])
@pytest.mark.parametrize(
    "url",
    [
        "/leeds/dashboard/bodies/{body}/",
        "/leeds/dashboard/?body={body}",
        "/leeds/dashboard/figures/papers-on-time.csv?body={body}",
    ],
)
def test_refused_people_cannot_tell_an_existing_body_from_a_missing_one(
    client, area, other_area, url, role
):
    body = BodyFactory(area=other_area)
    person = member(area, Role.PARENT_CARER) if role == "outsider" else member(other_area, role)
    client.force_login(person)
    existing = client.get(url.format(body=body.pk))
    nonexistent = client.get(url.format(body=999_999))
    assert existing.status_code == nonexistent.status_code == 403
