"""The demo data gives chair@example.org's work stream meetings in every state the issue
names, and the other areas meetings of their own."""

import pytest
from django.core.management import call_command

from coproduction.outbox.models import OutboundEmail
from forums.meetings.models import Meeting, MeetingEmail, SchedulingWarning
from forums.meetings.services.dispatch import papers_dispatch_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)


def test_demo_meetings_in_every_state(demo):
    body = "Objective 3: Working Together Well"
    meetings = Meeting.objects.filter(body__name=body, body__area__slug="birmingham")
    assert meetings.filter(status="held").exclude(minutes="").exists()
    assert MeetingEmail.objects.filter(meeting__in=meetings, kind="papers").exists()
    assert MeetingEmail.objects.filter(meeting__in=meetings, kind="late_paper").exists()
    assert SchedulingWarning.objects.filter(meeting__in=meetings).exists()
    for slug in ("leeds", "west-sussex"):
        assert Meeting.objects.filter(body__area__slug=slug).count() >= 2


def test_one_demo_meeting_is_sent_by_the_first_dispatch_run(demo):
    before = OutboundEmail.objects.filter(purpose="meeting papers").count()
    assert papers_dispatch_due() > 0
    assert OutboundEmail.objects.filter(purpose="meeting papers").count() > before


def test_seeding_twice_adds_nothing(demo):
    count = Meeting.objects.count()
    call_command("seed_demo", verbosity=0)
    assert Meeting.objects.count() == count
