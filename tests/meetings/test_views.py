"""The meeting pages as people use them: scheduling with a warning acknowledged, replies
with access needs, uploading papers, calendar feeds, the home page section."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from icalendar import Calendar

from coproduction.people.models import Role
from forums.meetings.models import Meeting, MeetingPreferences, Rsvp, SchedulingWarning
from tests.forums.factories import BodyFactory, body_member
from tests.meetings.factories import (
    AgendaItemFactory,
    MeetingFactory,
    VenueFactory,
    paper,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def body(area):
    return BodyFactory(area=area, name="Working Together Well")


def next_saturday():
    day = timezone.localdate() + timedelta(weeks=4)
    return day + timedelta(days=(5 - day.weekday()) % 7)


def schedule_data(venue, **extra):
    day = next_saturday()
    return {
        "title": "Planning day",
        "day_0": day.day,
        "day_1": day.month,
        "day_2": day.year,
        "start": "18:00",
        "end": "20:00",
        "mode": "in_person",
        "venue": venue.pk,
        **extra,
    }


def test_chair_schedules_a_meeting_acknowledging_a_warning(client, area, body):
    chair = body_member(body, Role.OFFICER, role="chair")
    body_member(body, Role.PARENT_CARER)
    venue = VenueFactory(area=area)
    client.force_login(chair)
    url = f"/{area.slug}/governance/{body.pk}/meetings/schedule/"
    response = client.post(url, schedule_data(venue))
    assert response.status_code == 200
    assert "Give a reason to go ahead despite this warning" in response.content.decode()
    assert not Meeting.objects.exists()
    response = client.post(
        url, schedule_data(venue, reason_parent_carer_hours="Parents asked for an evening.")
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert SchedulingWarning.objects.get(meeting=meeting).reason == "Parents asked for an evening."
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_bad_times_are_explained_at_the_field(client, area, body):
    chair = body_member(body, Role.OFFICER, role="chair")
    client.force_login(chair)
    url = f"/{area.slug}/governance/{body.pk}/meetings/schedule/"
    response = client.post(url, schedule_data(VenueFactory(area=area), start="25:00", end="9"))
    page = response.content.decode()
    assert "The start time must be a real time" in page
    assert "Enter the end time as hours and minutes" in page
    response = client.post(url, schedule_data(VenueFactory(area=area), start="20:00", end="18:00"))
    assert "The meeting must end after it starts." in response.content.decode()


def test_member_replies_with_apologies_and_an_access_need(client, area, body):
    parent = body_member(body, Role.PARENT_CARER, access_needs="Large print")
    meeting = MeetingFactory(body=body)
    client.force_login(parent)
    form = client.get(f"/{area.slug}/meetings/{meeting.pk}/reply/").content.decode()
    assert "Large print" in form  # pre-filled from the profile
    response = client.post(
        f"/{area.slug}/meetings/{meeting.pk}/reply/",
        {"answer": "apologies", "needed_features": ["hearing_loop"], "access_needs": "Large print"},
    )
    assert response.status_code == 302
    rsvp = Rsvp.objects.get()
    assert (rsvp.answer, rsvp.needed_features) == ("apologies", ["hearing_loop"])


def test_organiser_sees_replies_with_needs(client, area, body):
    chair = body_member(body, Role.OFFICER, role="chair")
    parent = body_member(body, Role.PARENT_CARER)
    meeting = MeetingFactory(body=body)
    Rsvp.objects.create(
        meeting=meeting, person=parent, answer="attending", access_needs="A quiet space"
    )
    client.force_login(chair)
    page = client.get(f"/{area.slug}/meetings/{meeting.pk}/organise/").content.decode()
    assert "A quiet space" in page


def test_upload_paper_refuses_a_renamed_file_at_the_field_keeping_the_rest(client, area, body):
    chair = body_member(body, Role.OFFICER, role="chair")
    item = AgendaItemFactory(meeting=MeetingFactory(body=body))
    client.force_login(chair)
    url = f"/{area.slug}/meetings/{item.meeting_id}/agenda/{item.pk}/papers/add/"
    response = client.post(
        url,
        {
            "title": "Budget",
            "summary": "Where the money goes.",
            "file": SimpleUploadedFile("budget.pdf", b"MZ" + b"\x00" * 100),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "whatever its name says" in page
    assert "Where the money goes." in page
    response = client.post(
        url,
        {
            "title": "Budget",
            "summary": "Where the money goes.",
            "file": SimpleUploadedFile("budget.pdf", pdf_bytes()),
        },
    )
    assert response.status_code == 302
    assert item.papers.get().versions.count() == 1


def test_personal_calendar_feed_works_until_reset(client, area, body):
    parent = body_member(body, Role.PARENT_CARER)
    meeting = MeetingFactory(body=body)
    token = MeetingPreferences.objects.create(person=parent).calendar_token
    response = client.get(f"/account/meetings/calendar/{token}.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert [str(e["uid"]) for e in calendar.walk("VEVENT")] == [meeting.ical_uid]
    client.force_login(parent)
    client.post("/account/meetings/new-calendar-address/")
    client.logout()
    assert client.get(f"/account/meetings/calendar/{token}.ics").status_code == 404


def test_home_shows_your_next_meetings(client, area, body):
    parent = body_member(body, Role.PARENT_CARER)
    meeting = MeetingFactory(body=body, title="Short breaks review")
    client.force_login(parent)
    page = client.get("/").content.decode()
    assert "Your next meetings" in page
    assert "Short breaks review" in page
    assert client.get(f"/{area.slug}/meetings/").status_code == 200
    assert (
        meeting.title in client.get(f"/{area.slug}/governance/{body.pk}/meetings/").content.decode()
    )


def test_meeting_page_shows_papers_and_late_flag(client, area, body):
    parent = body_member(body, Role.PARENT_CARER)
    soon = timezone.now() + timedelta(days=1)
    meeting = MeetingFactory(body=body, starts_at=soon, ends_at=soon + timedelta(hours=1))
    paper(AgendaItemFactory(meeting=meeting), title="Budget")
    client.force_login(parent)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Budget (version 1, PDF" in page
    assert "Late" in page


def test_after_the_meeting_attendance_outcomes_minutes_actions_and_approval(client, area, body):
    from forums.meetings.models import Attendance, Declaration, MeetingAction

    chair = body_member(body, Role.OFFICER, role="chair")
    parent = body_member(body, Role.PARENT_CARER)
    held = MeetingFactory(body=body, starts_at=timezone.now() - timedelta(days=14))
    item = AgendaItemFactory(meeting=held, title="Short breaks")
    client.force_login(chair)
    base = f"/{area.slug}/meetings/{held.pk}/"
    response = client.post(
        base + "record/",
        {
            f"attendance_{chair.pk}": "present",
            f"attendance_{parent.pk}": "apologies",
            f"outcome_{item.pk}": "Agreed.",
            "minutes": "We agreed the plan.",
        },
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert (held.status, held.minutes) == ("held", "We agreed the plan.")
    assert Attendance.objects.get(meeting=held, person=parent).status == "apologies"
    item.refresh_from_db()
    assert item.outcome == "Agreed."
    client.post(base + "actions/add/", {"description": "Write to schools", "owner": parent.pk})
    client.post(
        base + "interests/add/",
        {"agenda_item": item.pk, "person": parent.pk, "interest": "My child uses short breaks."},
    )
    assert Declaration.objects.get().interest == "My child uses short breaks."
    action = MeetingAction.objects.get()
    nxt = MeetingFactory(body=body)
    organise = client.get(f"/{area.slug}/meetings/{nxt.pk}/organise/").content.decode()
    assert "Write to schools" in organise
    assert "Approve those minutes" in organise
    client.post(f"/{area.slug}/meetings/{nxt.pk}/approve-minutes/")
    held.refresh_from_db()
    assert held.minutes_approved_at == nxt
    client.post(f"/{area.slug}/meetings/{nxt.pk}/actions/{action.pk}/done/")
    action.refresh_from_db()
    assert action.status == "done"


def test_record_before_the_meeting_is_refused_with_a_message(client, area, body):
    chair = body_member(body, Role.OFFICER, role="chair")
    meeting = MeetingFactory(body=body)
    client.force_login(chair)
    response = client.post(
        f"/{area.slug}/meetings/{meeting.pk}/record/",
        {f"attendance_{chair.pk}": "present", "minutes": ""},
    )
    assert "once the meeting has started" in response.content.decode()


def test_officer_adds_a_venue_with_its_access(client, area):
    from coproduction.people.models import Role as R
    from forums.meetings.models import Venue
    from tests.people.factories import member

    client.force_login(member(area, R.OFFICER))
    response = client.post(
        f"/{area.slug}/meetings/venues/add/",
        {
            "name": "Library",
            "address": "1 High St",
            "features": ["step_free", "hearing_loop"],
            "capacity": "20",
        },
    )
    assert response.status_code == 302
    assert Venue.objects.get(area=area).features == ["step_free", "hearing_loop"]


def test_two_clicks_on_schedule_meeting_make_one_meeting(client, area, body, run_on_commit):
    chair = body_member(body, Role.OFFICER, role="chair")
    venue = VenueFactory(area=area)
    client.force_login(chair)
    url = f"/{area.slug}/governance/{body.pk}/meetings/schedule/"
    token = client.get(url).context["form"].form_token
    data = schedule_data(venue, form_token=token)
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert Meeting.objects.count() == 1
