"""Every page of the people app against every role, and an officer of another area."""

import pytest

from coproduction.people.models import AreaMembership, Role
from tests.people.factories import InvitationFactory, TermFactory, member
from tests.permissions import ADMINS, EVERYONE, MEMBERS, assert_matrix_status, expect

pytestmark = pytest.mark.django_db

# name: (method, url template, expected statuses). {area}, {membership}, {term}, {invitation}
# are filled from the objects made in `records`.
MATRIX = {
    "area home": ("get", "/{area}/", expect(MEMBERS)),
    "people": ("get", "/{area}/people/", expect(ADMINS)),
    "invite": ("get", "/{area}/people/invite/", expect(ADMINS)),
    "change roles": ("get", "/{area}/people/{membership}/", expect(ADMINS)),
    "remove member": ("get", "/{area}/people/{membership}/remove/", expect(ADMINS)),
    "cancel invitation": (
        "post",
        "/{area}/people/invitations/{invitation}/cancel/",
        expect(ADMINS, ok=302),
    ),
    "area settings": ("get", "/{area}/settings/", expect(ADMINS)),
    "add term": ("get", "/{area}/settings/terms/add/", expect(ADMINS)),
    "change term": ("get", "/{area}/settings/terms/{term}/", expect(ADMINS)),
    "delete term": ("get", "/{area}/settings/terms/{term}/delete/", expect(ADMINS)),
    "home": ("get", "/", expect(MEMBERS, anonymous=200, other_area=200)),
    "account": ("get", "/account/", expect(MEMBERS, other_area=200)),
    "change details": ("get", "/account/details/", expect(MEMBERS, other_area=200)),
}


@pytest.fixture
def records(area):
    someone = member(area, Role.PARENT_CARER)
    return {
        "area": area.slug,
        "membership": AreaMembership.objects.get(person=someone).pk,
        "term": TermFactory(area=area).pk,
        "invitation": InvitationFactory(area=area).pk,
    }


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


def test_another_areas_records_are_not_found_from_your_area(client, area, other_area):
    admin = member(area, Role.AREA_ADMIN)
    elsewhere = member(other_area, Role.PARENT_CARER)
    leeds_term = TermFactory(area=other_area)
    client.force_login(admin)
    membership = AreaMembership.objects.get(person=elsewhere)
    assert client.get(f"/birmingham/people/{membership.pk}/").status_code == 404
    assert client.get(f"/birmingham/settings/terms/{leeds_term.pk}/").status_code == 404
    assert client.get("/leeds/people/").status_code == 403


def test_an_unknown_area_gets_a_clear_page_not_found(client, area):
    client.force_login(member(area, Role.OFFICER))
    response = client.get("/atlantis/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "There is no local area called “atlantis”" in page
    assert "Page not found" in page


def test_the_people_page_lists_only_this_areas_members(client, area, other_area):
    admin = member(area, Role.AREA_ADMIN, display_name="Area Admin")
    member(area, Role.PARENT_CARER, display_name="Local Parent")
    member(other_area, Role.PARENT_CARER, display_name="Leeds Parent")
    client.force_login(admin)
    page = client.get("/birmingham/people/").content.decode()
    assert "Local Parent" in page
    assert "Leeds Parent" not in page
