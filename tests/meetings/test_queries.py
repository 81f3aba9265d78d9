"""Meeting pages run a fixed number of queries whatever the amount of data: pinned at two
sizes. The comment on each says which N+1 it guards against."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from forums.meetings.models import Rsvp
from tests.forums.factories import BodyFactory, body_member
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, paper
from tests.queries import assert_page_queries

pytestmark = pytest.mark.django_db

SIZES = [3, 15]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def my_meetings(area, n):
    # guards: one query per meeting for its body, venue or area
    body = BodyFactory(area=area)
    parent = body_member(body, Role.PARENT_CARER)
    for index in range(n):
        MeetingFactory(body=body, starts_at=timezone.now() + timedelta(days=index - n // 2))
    return f"/{area.slug}/meetings/", parent


def body_meetings(area, n):
    # guards: one query per meeting for its venue
    body = BodyFactory(area=area)
    parent = body_member(body, Role.PARENT_CARER)
    for _ in range(n):
        MeetingFactory(body=body)
    return f"/{area.slug}/governance/{body.pk}/meetings/", parent


def meeting_page(area, n):
    # guards: one query per agenda item for its papers, per paper for its versions, per reply
    # for its person, per earlier meeting's action for its owner
    body = BodyFactory(area=area)
    parent = body_member(body, Role.PARENT_CARER)
    meeting = MeetingFactory(body=body)
    for _ in range(n):
        paper(AgendaItemFactory(meeting=meeting))
        Rsvp.objects.create(
            meeting=meeting, person=body_member(body, Role.OFFICER), answer="attending"
        )
    return meeting.get_absolute_url(), parent


def organise_page(area, n):
    # guards: per invitee for their roles, per reply for its person, per email for its outbox
    # row, per carried action for its owner, per declared interest for its person and item
    from forums.meetings.models import Declaration, MeetingAction

    body = BodyFactory(area=area)
    chair = body_member(body, Role.OFFICER, role="chair")
    meeting = MeetingFactory(body=body, chair=chair)
    earlier = MeetingFactory(body=body, starts_at=timezone.now() - timedelta(days=30))
    for _ in range(n):
        item = AgendaItemFactory(meeting=meeting)
        paper(item)
        MeetingAction.objects.create(meeting=earlier, description="Do it", owner=chair)
        Declaration.objects.create(agenda_item=item, person=chair, interest="A provider")
        Rsvp.objects.create(
            meeting=meeting, person=body_member(body, Role.PARENT_CARER), answer="apologies"
        )
    from forums.meetings.services.dispatch import papers_dispatch_meeting

    papers_dispatch_meeting(meeting_id=meeting.pk, now=meeting.starts_at - timedelta(hours=1))
    return f"/{area.slug}/meetings/{meeting.pk}/organise/", chair


PAGES = {
    "my meetings": (my_meetings, 7),
    "body meetings": (body_meetings, 8),
    "meeting page": (meeting_page, 15),
    "organise page": (organise_page, 18),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", PAGES)
def test_pages_run_a_fixed_number_of_queries(client, area, django_assert_num_queries, page, size):
    assert_page_queries(client, django_assert_num_queries, PAGES, page, area, size)
