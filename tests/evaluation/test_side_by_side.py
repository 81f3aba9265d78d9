"""The side-by-side view: a person's areas in columns, only the areas whose dashboard they may
see, every provider's headline measures, counts from 1 to 4 never shown."""

import pytest

from coproduction.people.models import AreaMembership, Role
from evaluation.figures import SUPPRESSED
from tests.initiatives.factories import InitiativeFactory
from tests.people.factories import LocalAreaFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_in_two_areas(client, area, other_area):
    person = member(area, Role.OFFICER)
    AreaMembership.objects.create(person=person, area=other_area, roles=[Role.BOARD_MEMBER])
    client.force_login(person)
    return person


def test_areas_are_columns_with_every_providers_measures(
    client, officer_in_two_areas, registered_provider
):
    page = client.get("/dashboard/areas/").content.decode()
    assert page.index(">Birmingham<") < page.index(">Leeds<")
    assert 'href="/birmingham/dashboard/?period=' in page
    assert 'href="/leeds/dashboard/?period=' in page
    assert "Test area name length" in page
    assert "Published initiatives" in page
    assert "Boards and work streams with a representation gap" in page
    assert "benchmarking" in page


def test_an_area_where_the_person_may_not_see_the_dashboard_never_appears(client, area):
    young_there = LocalAreaFactory(name="West Sussex", slug="west-sussex")
    stranger = LocalAreaFactory(name="Kent", slug="kent")
    InitiativeFactory(area=stranger)
    person = member(area, Role.BOARD_MEMBER)
    AreaMembership.objects.create(person=person, area=young_there, roles=[Role.YOUNG_PERSON])
    client.force_login(person)
    page = client.get("/dashboard/areas/").content.decode()
    assert "Birmingham" in page
    assert "West Sussex" not in page
    assert "/west-sussex/" not in page
    assert "Kent" not in page
    assert "/kent/" not in page


def test_counts_from_one_to_four_never_show(
    client, officer_in_two_areas, registered_provider, area
):
    for _ in range(3):
        InitiativeFactory(area=area)
    page = client.get("/dashboard/areas/").content.decode()
    assert SUPPRESSED in page
    row = page[page.index("Test people counted") :].split("</tr>")[0]
    assert row.count(SUPPRESSED) == 2
    assert ">3<" not in row
    initiatives = page[page.index("Published initiatives") :].split("</tr>")[0]
    assert SUPPRESSED in initiatives
    assert ">3<" not in initiatives


def test_a_bad_year_is_explained_at_the_field(client, officer_in_two_areas):
    response = client.get("/dashboard/areas/?period=2001-02x")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose a school year or term from the list" in page
    assert "Headline figures by area" not in page


def test_an_earlier_school_year_can_be_chosen(client, officer_in_two_areas):
    from django.utils import timezone

    from evaluation.figures import academic_year

    this_year = academic_year(timezone.localdate())
    last_year = academic_year(this_year.starts_on.replace(year=this_year.starts_on.year - 1))
    page = client.get(f"/dashboard/areas/?period={last_year.slug}").content.decode()
    assert f"Headline figures by area, {last_year.label}" in page


def test_the_dashboard_links_to_the_side_by_side_view_for_people_in_several_areas(
    client, officer_in_two_areas
):
    assert 'href="/dashboard/areas/"' in client.get("/birmingham/dashboard/").content.decode()


def test_no_side_by_side_link_for_one_area(client, area):
    client.force_login(member(area, Role.BOARD_MEMBER))
    assert 'href="/dashboard/areas/"' not in client.get("/birmingham/dashboard/").content.decode()


def _cell(page: str, label: str) -> str:
    """The first data cell of the row headed `label` (the first area's value)."""
    row = page[page.index(label) :].split("</tr>")[0]
    return row.split("<td", 1)[1].split(">", 1)[1].split("</td>")[0]


def test_a_suppressed_average_reads_the_same_side_by_side_as_on_the_area_dashboard(client, area):
    """Tester: 2 claims paid showed "Average days to pay a claim: No data" side by side while
    the area dashboard said they were too few to show."""
    from tests.expenses.factories import signed_agreement
    from tests.expenses.test_dashboard import paid_claims

    person = member(area, Role.OFFICER)
    client.force_login(person)
    signed_agreement(area)
    paid_claims(area, 2)
    side = client.get("/dashboard/areas/").content.decode()
    assert _cell(side, "Average days to pay a claim") == SUPPRESSED
    dashboard = client.get(f"/{area.slug}/dashboard/").content.decode()
    assert _cell(dashboard, "Average days to pay") == SUPPRESSED


def test_no_claims_paid_reads_no_data_in_both_places(client, area):
    person = member(area, Role.OFFICER)
    client.force_login(person)
    side = client.get("/dashboard/areas/").content.decode()
    assert _cell(side, "Average days to pay a claim") == "No data"
    dashboard = client.get(f"/{area.slug}/dashboard/").content.decode()
    assert _cell(dashboard, "Average days to pay") == "No data"


def test_numbers_side_by_side_read_as_on_the_dashboard(client, area):
    from tests.expenses.factories import signed_agreement
    from tests.expenses.test_dashboard import paid_claims

    person = member(area, Role.OFFICER)
    client.force_login(person)
    signed_agreement(area)
    paid_claims(area, 5, waited_days=10)
    side = client.get("/dashboard/areas/").content.decode()
    assert _cell(side, "Average days to pay a claim") == "10"
    dashboard = client.get(f"/{area.slug}/dashboard/").content.decode()
    assert _cell(dashboard, "Average days to pay") == "10"
