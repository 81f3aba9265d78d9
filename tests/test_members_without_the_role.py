"""Inside an area, a member without the right a page needs cannot tell which records exist.

The companion of tests/test_outsiders.py for the area's own members: on every page that takes
an id, a member whose role the page refuses (in the permission matrices) gets the same answer
for an id that exists and for one that does not. Organiser pages of one body (its edit,
member and request pages) are refused before the look-up to members with no organiser right
in the area at all: not an officer or administrator, and chairing or leading no body there.
"""

import pytest

from coproduction.people.models import Role
from forums.models import BodyRole
from tests.forums.factories import BodyFactory, BodyMembershipFactory
from tests.forums.test_permissions import MATRIX as FORUMS_MATRIX
from tests.initiatives.test_permissions import MATRIX as INITIATIVES_MATRIX
from tests.people.factories import member
from tests.people.test_permissions import MATRIX as PEOPLE_MATRIX
from tests.permissions import AREA_ROLES
from tests.test_outsiders import fill, leeds_records, missing

pytestmark = pytest.mark.django_db

# Pages where a role is refused because of the record's own state, owner or audience, on
# records that role sees on other pages anyway (the agreement's page shows it is signed; the
# opportunity's page shows who it is for; a family member sees the work streams others ask
# to join): telling "exists" from "missing" reveals nothing there.
BY_THE_RECORD = {
    "forums: change signed agreement",
    "forums: add payment to a signed agreement",
    "forums: withdraw join request",
    "initiatives: express interest",
}

# Officers and administrators organise every body of the area (they see each on the
# governance pages), so they pass the area's check on the pages that answer join requests,
# which only the body's chairs and leads may open: the look-up then tells ids apart, as the
# governance pages would.
ORGANISERS = {Role.OFFICER, Role.COMMISSIONER, Role.AREA_ADMIN}
CHAIRS_ONLY = {
    "forums: requests to join a body",
    "forums: accept join request",
    "forums: decline join request",
}

REFUSALS = [
    (f"{app}: {name}", role)
    for app, matrix in [
        ("forums", FORUMS_MATRIX),
        ("people", PEOPLE_MATRIX),
        ("initiatives", INITIATIVES_MATRIX),
    ]
    for name, (_method, url, expected) in matrix.items()
    if "{" in url.replace("{area}", "")
    for role in AREA_ROLES
    if expected[role] in (403, 404)
    and f"{app}: {name}" not in BY_THE_RECORD
    and not (f"{app}: {name}" in CHAIRS_ONLY and role in ORGANISERS)
]
PAGES = {
    f"{app}: {name}": (method, url)
    for app, matrix in [
        ("forums", FORUMS_MATRIX),
        ("people", PEOPLE_MATRIX),
        ("initiatives", INITIATIVES_MATRIX),
    ]
    for name, (method, url, _expected) in matrix.items()
}


@pytest.mark.parametrize(("page", "role"), REFUSALS)
def test_a_member_refused_a_page_gets_the_same_answer_for_an_existing_and_a_missing_id(
    client, other_area, page, role
):
    method, url = PAGES[page]
    records = leeds_records(other_area)
    client.force_login(member(other_area, role))
    existing = getattr(client, method)(fill(url, records))
    nonexistent = getattr(client, method)(fill(url, missing(records)))
    assert existing.status_code == nonexistent.status_code, page


@pytest.mark.parametrize(
    "url",
    [
        "/leeds/governance/{body}/edit/",
        "/leeds/governance/{body}/members/add/",
        "/leeds/governance/{body}/requests/",
        "/leeds/join-requests/{join_request}/accept/",
        "/leeds/join-requests/{join_request}/decline/",
    ],
)
def test_a_parent_carer_who_chairs_nothing_is_refused_before_any_body_is_looked_up(
    client, other_area, url
):
    """The reported case: a Leeds parent carer got 403 for a work stream that exists and 404
    for one that does not on its organiser pages."""
    records = leeds_records(other_area)
    client.force_login(member(other_area, Role.PARENT_CARER))
    existing = client.get(url.format(**records))
    nonexistent = client.get(url.format(**missing(records)))
    assert existing.status_code == nonexistent.status_code == 403


def test_a_parent_carer_who_chairs_a_work_stream_organises_it(client, other_area):
    """Chairing one body is an organiser right in the area: its pages open, and another
    body's are refused (the look-up then tells them apart, as for officers)."""
    chaired = BodyFactory(area=other_area)
    chair = member(other_area, Role.PARENT_CARER)
    BodyMembershipFactory(body=chaired, person=chair, role=BodyRole.CHAIR)
    client.force_login(chair)
    assert client.get(f"/leeds/governance/{chaired.pk}/edit/").status_code == 200
    assert client.get(f"/leeds/governance/{chaired.pk}/requests/").status_code == 200
    other = BodyFactory(area=other_area)
    assert client.get(f"/leeds/governance/{other.pk}/edit/").status_code == 403
