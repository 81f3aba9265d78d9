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
from tests.people.factories import member
from tests.permissions import AREA_ROLES
from tests.test_outsiders import APPS, PAGES, fill, leeds_records, missing, records_for

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
    # Every member sees a body's meetings listed on its meetings page; who may open one
    # depends on the invitation, and the papers, agenda and actions are looked up only
    # through a meeting the member may open.
    *(page for page in PAGES if page.startswith("meetings: ")),
    # Every member sees the courses and who each is for.
    "training: sign up (parent carers' course)",
    "training: sign up (staff course)",
    # Every member sees the declared activities; who may answer depends on taking part.
    "dial: say how it felt",
    # Every member sees the rounds, the action plan and the years with their activities;
    # rating, closing and changing depend on being invited, owning or the record's state.
    "conditions: round",
    "conditions: closed round results",
    "conditions: rate",
    "conditions: close round",
    "conditions: change action",
    "conditions: add activity",
    "conditions: start review",
    "conditions: record impact",
    "conditions: close year",
}
# Officers see every claim of the area on the claims page; changing one and adding receipts
# are the claimant's, while a change is asked for.
BY_THE_RECORD_FOR = {
    ("expenses: change claim", Role.OFFICER),
    ("expenses: change claim", Role.COMMISSIONER),
    ("expenses: add receipt", Role.OFFICER),
    ("expenses: add receipt", Role.COMMISSIONER),
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
    for app, (matrix, _records) in APPS.items()
    for name, (_method, url, expected) in matrix.items()
    if expected and "{" in url.replace("{area}", "")
    for role in AREA_ROLES
    if expected[role] in (403, 404)
    and f"{app}: {name}" not in BY_THE_RECORD
    and (f"{app}: {name}", role) not in BY_THE_RECORD_FOR
    and not (f"{app}: {name}" in CHAIRS_ONLY and role in ORGANISERS)
]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    # Meeting papers and expense receipts are files.
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(("page", "role"), REFUSALS)
def test_a_member_refused_a_page_gets_the_same_answer_for_an_existing_and_a_missing_id(
    client, other_area, page, role
):
    method, url = PAGES[page]
    records = records_for(page, other_area)
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
