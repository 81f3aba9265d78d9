"""Calendar invites and feeds (RFC 5545) built with `icalendar`, times in Europe/London.

One UID per meeting; SEQUENCE is the meeting's `sequence`, raised on every move or
cancellation, so calendars replace the earlier invite.
"""

from __future__ import annotations

from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from forums.meetings.models import Meeting, MeetingMode, MeetingStatus

LONDON = ZoneInfo("Europe/London")


def _event(meeting: Meeting) -> Event:
    event = Event()
    event.add("uid", meeting.ical_uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(LONDON))
    event.add("dtend", meeting.ends_at.astimezone(LONDON))
    event.add("summary", f"{meeting.title} ({meeting.body.name})")
    if meeting.venue is not None:
        event.add("location", f"{meeting.venue.name}, {meeting.venue.address}".replace("\n", ", "))
    elif meeting.mode == MeetingMode.ONLINE:
        event.add("location", "Online")
    event.add("url", settings.SITE_URL.rstrip("/") + meeting.get_absolute_url())
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def _calendar(method: str | None, name: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SERVICE_NAME}//Meetings//EN")
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def meeting_invite(meeting: Meeting) -> bytes:
    """An invite for one meeting: METHOD REQUEST, or CANCEL once cancelled."""
    method = "CANCEL" if meeting.status == MeetingStatus.CANCELLED else "REQUEST"
    calendar = _calendar(method)
    calendar.add_component(_event(meeting))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def meetings_feed(meetings: Iterable[Meeting], name: str) -> bytes:
    """A subscribable feed (METHOD PUBLISH) of `meetings` (each with body and venue loaded)."""
    calendar = _calendar("PUBLISH", name)
    for meeting in meetings:
        calendar.add_component(_event(meeting))
    calendar.add_missing_timezones()
    return calendar.to_ical()
