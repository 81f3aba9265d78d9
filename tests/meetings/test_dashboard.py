"""The board dashboard's figure: per body, the share of meetings whose papers all went out
by their due date, and the number of late papers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from forums.meetings.selectors import papers_on_time
from forums.meetings.services.dispatch import papers_dispatch_meeting
from tests.forums.factories import BodyFactory, body_member
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, paper

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_share_of_meetings_with_papers_on_time_and_late_papers(area):
    body = BodyFactory(area=area)
    body_member(body, Role.PARENT_CARER)
    on_time = MeetingFactory(body=body, starts_at=timezone.now() + timedelta(days=20))
    paper(AgendaItemFactory(meeting=on_time))
    due = on_time.papers_due_on()
    sent_at = timezone.make_aware(timezone.datetime(due.year, due.month, due.day, 9))  # noqa: DTZ001
    papers_dispatch_meeting(meeting_id=on_time.pk, now=sent_at)
    soon = timezone.now() + timedelta(days=1)
    late = MeetingFactory(body=body, starts_at=soon, ends_at=soon + timedelta(hours=1))
    paper(AgendaItemFactory(meeting=late))  # added after its due date
    papers_dispatch_meeting(meeting_id=late.pk)
    never_sent = MeetingFactory(body=body, starts_at=timezone.now() + timedelta(days=25))
    [row] = papers_on_time(
        area=area, starts_on=timezone.localdate(), ends_on=timezone.localdate() + timedelta(days=40)
    )
    assert (row.meetings, row.on_time, row.late_papers) == (3, 1, 1)
    assert row.share_on_time == pytest.approx(1 / 3)
    assert never_sent.pk  # counted as not on time: nothing went out
