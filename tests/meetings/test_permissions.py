"""Every meeting page against every role, an officer of another area and nobody; then the
powers that come from being invited, chairing the body, or a secret calendar address.
Papers, replies and access needs are never reachable by people not invited, including by
changing an id in the address."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from forums.meetings.models import Guest, MeetingAction, MeetingPreferences, Rsvp
from tests.forums.factories import BodyFactory, BodyMembershipFactory, body_member
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, paper
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

MANAGERS = [*OFFICERS, *ADMINS]
NOBODY = []
M = "/{area}/meetings/{meeting}/"

MATRIX = {
    "my meetings": ("get", "/{area}/meetings/", expect(MEMBERS)),
    "meeting rules": ("get", "/{area}/meetings/settings/", expect(ADMINS)),
    "body meetings": ("get", "/{area}/governance/{body}/meetings/", expect(MEMBERS)),
    "body calendar": ("get", "/{area}/governance/{body}/meetings/calendar.ics", expect(MEMBERS)),
    "schedule meeting": ("get", "/{area}/governance/{body}/meetings/schedule/", expect(MANAGERS)),
    "meeting": ("get", M, expect(MANAGERS)),
    "paper download": ("get", M + "papers/{version}/", expect(MANAGERS)),
    "reply": ("get", M + "reply/", expect(NOBODY)),
    "organise": ("get", M + "organise/", expect(MANAGERS)),
    "change meeting": ("get", M + "edit/", expect(MANAGERS)),
    "add agenda item": ("get", M + "agenda/add/", expect(MANAGERS)),
    "add paper": ("get", M + "agenda/{item}/papers/add/", expect(MANAGERS)),
    "replace paper": ("get", M + "papers/{paper}/replace/", expect(MANAGERS)),
    "cancel meeting": ("post", M + "cancel/", expect(MANAGERS, ok=302)),
    "meeting settings": ("get", "/account/meetings/", expect(MEMBERS, other_area=200)),
    "record meeting": ("get", M + "record/", expect(MANAGERS)),
    "add action": ("get", M + "actions/add/", expect(MANAGERS)),
    "action done": ("post", M + "actions/{action}/done/", expect(MANAGERS, ok=302)),
    "declare interest": ("get", M + "interests/add/", expect(MANAGERS)),
    "approve minutes": ("post", M + "approve-minutes/", expect(MANAGERS, ok=302)),
    "venues": ("get", "/{area}/meetings/venues/", expect(MANAGERS)),
    "add venue": ("get", "/{area}/meetings/venues/add/", expect(MANAGERS)),
    "change venue": ("get", "/{area}/meetings/venues/{venue}/", expect(MANAGERS)),
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def make_records(area) -> dict:
    """One record of every kind this app's pages take an id of, all in `area`."""
    body = BodyFactory(area=area)
    meeting = MeetingFactory(body=body)
    item = AgendaItemFactory(meeting=meeting)
    version = paper(item)
    earlier = MeetingFactory(body=body, starts_at=timezone.now() - timedelta(days=30))
    earlier.minutes = "Draft minutes."
    earlier.save()
    action = MeetingAction.objects.create(meeting=earlier, description="Write to schools")
    return {
        "action": action.pk,
        "venue": meeting.venue_id,
        "area": area.slug,
        "body": body.pk,
        "meeting": meeting.pk,
        "item": item.pk,
        "paper": version.paper_id,
        "version": version.pk,
    }


@pytest.fixture
def records(area):
    return make_records(area)


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


# Powers that come from the meeting ---------------------------------------------------------


@pytest.fixture
def meeting(area):
    body = BodyFactory(area=area)
    meeting = MeetingFactory(body=body)
    paper(AgendaItemFactory(meeting=meeting))
    return meeting


def urls(meeting):
    version = meeting.agenda_items.get().papers.get().versions.get()
    base = f"/{meeting.body.area.slug}/meetings/{meeting.pk}/"
    return {"page": base, "paper": f"{base}papers/{version.pk}/", "reply": f"{base}reply/"}


@pytest.mark.parametrize("role", [Role.PARENT_CARER, Role.YOUNG_PERSON, "copied"])
def test_invitees_see_the_meeting_papers_and_reply(client, meeting, role):
    area_role = Role.OFFICER if role == "copied" else role
    person = body_member(meeting.body, area_role, role="copied" if role == "copied" else "member")
    client.force_login(person)
    for name, url in urls(meeting).items():
        assert client.get(url).status_code == 200, name


def test_a_guest_is_invited(client, meeting):
    guest = member(meeting.body.area, Role.OFFICER)
    Guest.objects.create(meeting=meeting, name="Guest", email=guest.email)
    client.force_login(guest)
    assert client.get(urls(meeting)["paper"]).status_code == 200


def test_a_former_member_is_no_longer_invited(client, meeting):
    person = member(meeting.body.area, Role.PARENT_CARER)
    BodyMembershipFactory(
        body=meeting.body,
        person=person,
        started_on=timezone.localdate() - timedelta(days=60),
        ended_on=timezone.localdate() - timedelta(days=1),
    )
    client.force_login(person)
    for name, url in urls(meeting).items():
        assert client.get(url).status_code == 403, name


def test_a_member_of_another_body_cannot_reach_this_meeting_by_changing_the_id(client, meeting):
    elsewhere = MeetingFactory(body=BodyFactory(area=meeting.body.area))
    person = body_member(elsewhere.body, Role.PARENT_CARER)
    client.force_login(person)
    assert client.get(f"/{meeting.body.area.slug}/meetings/{elsewhere.pk}/").status_code == 200
    for name, url in urls(meeting).items():
        assert client.get(url).status_code == 403, name


def test_a_chair_organises_their_bodys_meetings_only(client, meeting):
    chair = body_member(meeting.body, Role.PARENT_CARER, role="chair")
    client.force_login(chair)
    base = f"/{meeting.body.area.slug}/meetings/{meeting.pk}/"
    assert client.get(base + "organise/").status_code == 200
    other = MeetingFactory(body=BodyFactory(area=meeting.body.area))
    assert client.get(f"/{meeting.body.area.slug}/meetings/{other.pk}/organise/").status_code == 403


def test_access_needs_show_to_organisers_not_other_invitees(client, meeting):
    parent = body_member(meeting.body, Role.PARENT_CARER)
    other = body_member(meeting.body, Role.PARENT_CARER)
    Rsvp.objects.create(
        meeting=meeting, person=parent, answer="attending", access_needs="Wheelchair user"
    )
    client.force_login(other)
    assert "Wheelchair user" not in client.get(urls(meeting)["page"]).content.decode()
    assert client.get(urls(meeting)["page"].rstrip("/") + "/organise/").status_code == 403


def test_a_wrong_calendar_secret_is_not_found(client, meeting):
    MeetingPreferences.objects.create(person=body_member(meeting.body, Role.PARENT_CARER))
    assert client.get("/account/meetings/calendar/not-the-secret.ics").status_code == 404
