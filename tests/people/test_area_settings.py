"""Area settings used by co-production: papers ahead, families' share, request limits."""

import pytest
from django.core.exceptions import ValidationError

from coproduction.people import services
from coproduction.people.models import LocalArea, Role
from tests.people.factories import member

pytestmark = pytest.mark.django_db

VALID = {
    "papers_ahead_working_days": "5",
    "family_share_percent": "30",
    "group_requests_per_term": "8",
    "person_requests_per_term": "4",
}


def test_an_area_starts_with_sensible_co_production_settings(area):
    assert area.family_share_percent == 25
    assert area.group_requests_per_term == 6
    assert area.person_requests_per_term == 3


def test_settings_are_saved_by_the_service(area):
    services.area_update_settings(
        area=area,
        papers_ahead_working_days=7,
        family_share_percent=40,
        group_requests_per_term=10,
        person_requests_per_term=2,
    )
    area.refresh_from_db()
    assert (area.papers_ahead_working_days, area.family_share_percent) == (7, 40)
    assert (area.group_requests_per_term, area.person_requests_per_term) == (10, 2)


def test_a_share_over_100_percent_is_refused(area):
    with pytest.raises(ValidationError) as error:
        services.area_update_settings(
            area=area,
            papers_ahead_working_days=5,
            family_share_percent=120,
            group_requests_per_term=6,
            person_requests_per_term=3,
        )
    assert "family_share_percent" in error.value.error_dict


def test_an_administrator_changes_the_settings_on_the_page(client, area):
    client.force_login(member(area, Role.AREA_ADMIN))
    response = client.post("/birmingham/settings/", VALID)
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.family_share_percent == 30
    assert area.person_requests_per_term == 4


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("family_share_percent", "101", "Enter a whole number from 0 to 100"),
        ("family_share_percent", "", "Enter the share of members who should be families"),
        ("group_requests_per_term", "0", "Enter at least 1 request per term"),
        ("person_requests_per_term", "lots", "Enter a whole number of requests"),
    ],
)
def test_bad_settings_are_explained_and_nothing_is_saved(client, area, field, value, message):
    client.force_login(member(area, Role.AREA_ADMIN))
    response = client.post("/birmingham/settings/", {**VALID, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert LocalArea.objects.get(pk=area.pk).family_share_percent == 25
