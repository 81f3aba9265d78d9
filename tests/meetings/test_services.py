"""Scheduling, moving and cancelling meetings; RSVPs; the record after a meeting."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduction.people.models import Role
from forums.meetings.models import MeetingStatus, SchedulingWarning, WarningCode
from forums.meetings.services import meetings as services
from tests.forums.factories import BodyFactory, body_member
from tests.meetings.factories import MeetingFactory, VenueFactory

pytestmark = pytest.mark.django_db


def saturday_evening(weeks=3):
    day = timezone.localdate() + timedelta(weeks=weeks)
    day += timedelta(days=(5 - day.weekday()) % 7)
    start = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 18, 0))
    return start, start + timedelta(hours=2)


@pytest.fixture
def body(area):
    return BodyFactory(area=area)


def test_schedule_stops_at_a_warning_without_a_reason_and_stores_it_with_one(body):
    chair = body_member(body, Role.OFFICER, role="chair")
    body_member(body, Role.PARENT_CARER)
    venue = VenueFactory(area=body.area)
    starts, ends = saturday_evening()
    with pytest.raises(services.WarningsNeedReasons) as raised:
        services.meeting_schedule(
            body=body, by=chair, title="Planning", starts_at=starts, ends_at=ends, venue=venue
        )
    assert [w.code for w in raised.value.warnings] == [WarningCode.PARENT_CARER_HOURS]
    meeting = services.meeting_schedule(
        body=body,
        by=chair,
        title="Planning",
        starts_at=starts,
        ends_at=ends,
        venue=venue,
        reasons={WarningCode.PARENT_CARER_HOURS: "Parents asked for an evening meeting."},
    )
    warning = SchedulingWarning.objects.get(meeting=meeting)
    assert warning.reason == "Parents asked for an evening meeting."
    assert warning.acknowledged_by == chair
    assert meeting.agenda_items.get().is_coproduction  # the standing item


def test_schedule_refuses_end_before_start_past_start_and_another_areas_venue(body, other_area):
    chair = body_member(body, Role.OFFICER, role="chair")
    starts, ends = saturday_evening()
    with pytest.raises(ValidationError) as raised:
        services.meeting_schedule(
            body=body,
            by=chair,
            title="X",
            starts_at=ends,
            ends_at=starts,
            mode="online",
            join_link="https://meet.example.org/x",
        )
    assert "ends_at" in raised.value.error_dict
    with pytest.raises(ValidationError) as raised:
        services.meeting_schedule(
            body=body,
            by=chair,
            title="X",
            starts_at=starts - timedelta(weeks=10),
            ends_at=ends - timedelta(weeks=10),
            mode="online",
            join_link="https://meet.example.org/x",
        )
    assert "starts_at" in raised.value.error_dict
    with pytest.raises(ValidationError) as raised:
        services.meeting_schedule(
            body=body,
            by=chair,
            title="X",
            starts_at=starts,
            ends_at=ends,
            venue=VenueFactory(area=other_area),
        )
    assert "venue" in raised.value.error_dict


def test_schedule_refuses_a_guest_with_a_bad_email(body):
    chair = body_member(body, Role.OFFICER, role="chair")
    starts, ends = saturday_evening()
    with pytest.raises(ValidationError) as raised:
        services.meeting_schedule(
            body=body,
            by=chair,
            title="X",
            starts_at=starts,
            ends_at=ends,
            mode="online",
            join_link="https://meet.example.org/x",
            guests=[("Sam", "not-an-email")],
        )
    assert "email" in raised.value.error_dict


def test_moving_raises_the_sequence_and_marks_it_moved(body, django_capture_on_commit_callbacks):
    chair = body_member(body, Role.OFFICER, role="chair")
    meeting = MeetingFactory(body=body)
    starts = meeting.starts_at + timedelta(days=7)
    moved = services.meeting_move(
        meeting=meeting,
        by=chair,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        mode="in_person",
        venue=meeting.venue,
        reasons={},
    )
    assert (moved.status, moved.sequence) == (MeetingStatus.MOVED, 1)
    cancelled = services.meeting_cancel(meeting=moved, by=chair)
    assert (cancelled.status, cancelled.sequence) == (MeetingStatus.CANCELLED, 2)
    assert services.meeting_cancel(meeting=cancelled, by=chair).sequence == 2


def test_rsvp_records_the_answer_and_access_needs(body):
    person = body_member(body, Role.PARENT_CARER)
    meeting = MeetingFactory(body=body)
    services.rsvp_answer(meeting=meeting, person=person, answer="attending")
    rsvp = services.rsvp_answer(
        meeting=meeting,
        person=person,
        answer="apologies",
        needed_features=["hearing_loop"],
        access_needs="Papers in large print",
    )
    assert meeting.rsvps.get() == rsvp
    assert (rsvp.answer, rsvp.needed_features) == ("apologies", ["hearing_loop"])


def test_open_actions_carry_to_the_next_meeting_until_done(body):
    from forums.meetings.selectors import carried_actions

    owner = body_member(body, Role.OFFICER)
    earlier = MeetingFactory(body=body, starts_at=timezone.now() - timedelta(days=20))
    later = MeetingFactory(body=body)
    action = services.action_add(meeting=earlier, description="Write to schools", owner=owner)
    assert list(carried_actions(meeting=later)) == [action]
    services.action_mark_done(action=action)
    assert list(carried_actions(meeting=later)) == []


def test_minutes_are_approved_only_at_a_later_meeting_of_the_body(body):
    earlier = MeetingFactory(body=body, starts_at=timezone.now() - timedelta(days=20))
    later = MeetingFactory(body=body)
    with pytest.raises(ValidationError):
        services.minutes_approve(meeting=later, at_meeting=earlier)
    assert services.minutes_approve(meeting=earlier, at_meeting=later).minutes_approved_at == later
