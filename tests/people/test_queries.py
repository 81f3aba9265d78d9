"""Pages of the people app run a fixed number of queries whatever the number of rows."""

import pytest
from django.urls import reverse

from coproduction.people.models import Role
from tests.people.factories import (
    AreaMembershipFactory,
    InvitationFactory,
    LocalAreaFactory,
    member,
)

pytestmark = pytest.mark.django_db


def add_members(area, count):
    for _ in range(count):
        member(area, Role.PARENT_CARER)
        InvitationFactory(area=area)


@pytest.mark.parametrize("extra", [2, 40])
def test_people_page_query_count_does_not_grow(client, area, extra, django_assert_num_queries):
    admin = member(area, Role.AREA_ADMIN)
    add_members(area, extra)
    client.force_login(admin)
    # Guards the person/organisation of each membership and the inviter of each invitation.
    with django_assert_num_queries(8):
        response = client.get(reverse("people:member_list", args=[area.slug]))
    assert response.status_code == 200


@pytest.mark.parametrize("areas", [1, 12])
def test_home_page_query_count_does_not_grow_with_areas(client, areas, django_assert_num_queries):
    person = member(LocalAreaFactory(), Role.OFFICER)
    for _ in range(areas):
        AreaMembershipFactory(person=person, area=LocalAreaFactory(), roles=[Role.OFFICER])
    client.force_login(person)
    # Guards the area of each membership (summary card per area) and the rows of each section.
    # 11, and 1 for each app's home section: next meetings, courses open to you, dial
    # reviews due, conditions rounds to rate, overdue actions, claims waiting, overdue feedback
    # (an officer sees all seven).
    with django_assert_num_queries(18):
        assert client.get("/").status_code == 200
