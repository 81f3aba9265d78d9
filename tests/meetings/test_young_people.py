"""Young people's invitations and meeting pages in short, plain words (issue 9, item 7)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from forums.meetings.services import dispatch
from tests.forums.factories import BodyFactory, body_member
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, VenueFactory, paper

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(area):
    body = BodyFactory(area=area, name="Youth Voice")
    chair = body_member(body, Role.OFFICER, role="chair", display_name="Helen Ward")
    start = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    meeting = MeetingFactory(
        body=body,
        title="Planning the summer activities",
        chair=chair,
        venue=VenueFactory(area=area, name="Northfield Library"),
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    item = AgendaItemFactory(meeting=meeting, title="Summer activities budget")
    paper(item, title="Summer activities plan")
    return meeting


def test_a_young_person_gets_a_short_plain_invitation(meeting):
    young = body_member(meeting.body, Role.YOUNG_PERSON, email="ali@example.org")
    parent = body_member(meeting.body, Role.PARENT_CARER, email="sam@example.org")
    dispatch.papers_dispatch_due()
    for_young = OutboundEmail.objects.get(to=young.email)
    for_parent = OutboundEmail.objects.get(to=parent.email)
    body = for_young.body_text
    assert for_young.subject.endswith("can you come?")
    assert "Planning the summer activities" in body
    assert "Northfield Library" in body
    assert f"/meetings/{meeting.pk}/reply/" in body
    assert "Questions? Ask Helen Ward" in body
    assert "Summer activities plan" in body
    assert "Agenda" not in body
    assert "(decision)" not in body
    assert len(body) < len(for_parent.body_text)
    assert len(body.split()) < 150
    assert for_young.attachments.get().filename == "meeting.ics"


def test_the_meeting_page_opens_with_a_plain_summary_for_a_young_person(client, meeting):
    young = body_member(meeting.body, Role.YOUNG_PERSON)
    client.force_login(young)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="in-short"' in page
    assert "What this meeting is about" in page
    assert "When and where" in page
    assert "Can you come?" in page
    assert f"/meetings/{meeting.pk}/reply/" in page
    assert "Questions? Ask Helen Ward" in page
    assert page.index('id="in-short"') < page.index(">Agenda<")


def test_an_officer_sees_the_meeting_page_without_the_summary(client, meeting):
    client.force_login(meeting.chair)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "What this meeting is about" not in page
