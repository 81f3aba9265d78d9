"""Meetings a person attended, as activities they can claim expenses for (registered with
`coproduction.registry` from frame.py). Attendance is what the organiser recorded after the
meeting (`forums.meetings.models.Attendance`, "present"); a reply saying "I'm coming" is not
enough, so nobody claims for a meeting they missed."""

from datetime import timedelta

from django.utils import timezone

from coproduction.registry import ClaimableActivity
from forums.meetings.models import Attendance, AttendanceStatus, MeetingStatus

# How far back a meeting can still be claimed for, and how many are offered.
CLAIMABLE_DAYS = 365
CLAIMABLE_LIMIT = 50


def _attended(person, area):
    now = timezone.now()
    return (
        Attendance.objects.filter(
            person=person,
            status=AttendanceStatus.PRESENT,
            meeting__body__area=area,
            meeting__starts_at__lte=now,
            meeting__starts_at__gte=now - timedelta(days=CLAIMABLE_DAYS),
        )
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .select_related("meeting__body")
        .order_by("-meeting__starts_at", "-pk")
    )


def _activity(attendance) -> ClaimableActivity:
    meeting = attendance.meeting
    return ClaimableActivity(
        key=str(meeting.pk),
        title=f"{meeting.title} ({meeting.body.name})",
        date=meeting.local_day,
    )


def meetings_attended(person, area) -> list[ClaimableActivity]:
    """Meetings of the area's bodies the person was recorded present at, in the last year,
    newest first (one query)."""
    return [_activity(a) for a in _attended(person, area)[:CLAIMABLE_LIMIT]]


def meeting_attended(person, area, key: str) -> ClaimableActivity | None:
    """The meeting `key` (its id) if the person was recorded present at it, else None."""
    if not key.isdigit():
        return None
    attendance = _attended(person, area).filter(meeting_id=int(key)).first()
    return None if attendance is None else _activity(attendance)
