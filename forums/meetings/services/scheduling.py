"""The scheduling rules (West Sussex co-production framework), run when a meeting is
scheduled and on every change. Each broken rule is a warning the organiser must acknowledge
with a reason; none passes silently.

Rules, and where their numbers come from:
- parent carers invited: the meeting must be on a term-time weekday, starting at or after
  10:00 and ending by 14:00 (`calendar.FAMILY_HOURS`, the area's terms);
- young people invited: not overlapping school hours on a school day
  (`calendar.SCHOOL_HOURS`; a school day is a term-time weekday that is not a bank holiday);
- the same venue for each of the body's last N meetings (`MeetingSettings.venue_repeat_limit`);
- a venue lacking a feature an invitee said they need (their preferences or RSVP);
- more invitees than the venue's capacity (in-person and hybrid meetings);
- the papers due date (`LocalArea.papers_ahead_working_days` working days before) already past.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from coproduction.people import calendar
from coproduction.people.models import LocalArea, Term
from forums.meetings import selectors
from forums.meetings.models import MeetingMode, Venue, VenueFeature, WarningCode
from forums.meetings.selectors import Invitee
from forums.models import Body


@dataclass(frozen=True)
class RuleWarning:
    code: str
    message: str


def _hm(value) -> str:
    return value.strftime("%H:%M")


def check_family_hours(*, starts_at: datetime, ends_at: datetime, terms: list[Term]) -> bool:
    """True when the meeting suits parent carers: a term-time weekday, 10:00 to 14:00 (both
    ends allowed exactly), start and end on the same day, in Europe/London."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    earliest, latest = calendar.FAMILY_HOURS
    return (
        start.date() == end.date()
        and calendar.is_term_time(terms, start.date())
        and not calendar.is_bank_holiday(start.date())
        and start.time() >= earliest
        and end.time() <= latest
    )


def is_school_day(terms: list[Term], day: date) -> bool:
    return calendar.is_term_time(terms, day) and not calendar.is_bank_holiday(day)


def check_outside_school_hours(
    *, starts_at: datetime, ends_at: datetime, terms: list[Term]
) -> bool:
    """True when the meeting does not overlap school hours on a school day (a meeting may end
    at 08:45 or start at 15:30 exactly)."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    opens, closes = calendar.SCHOOL_HOURS
    day = start.date()
    while day <= end.date():
        if is_school_day(terms, day):
            lessons_start = timezone.make_aware(datetime.combine(day, opens))
            lessons_end = timezone.make_aware(datetime.combine(day, closes))
            if start < lessons_end and end > lessons_start:
                return False
        day = date.fromordinal(day.toordinal() + 1)
    return True


def meeting_rule_warnings(
    *,
    body: Body,
    starts_at: datetime,
    ends_at: datetime,
    mode: str,
    venue: Venue | None,
    invitees: list[Invitee] | None = None,
    meeting=None,
    today: date | None = None,
) -> list[RuleWarning]:
    """Every rule the proposed meeting breaks, as plain-English warnings (empty if none).

    `invitees` defaults to the body's current members; `meeting` is the meeting being
    changed (left out of the venue history; its RSVPs add access needs). `today` (for
    tests) defaults to today in Europe/London. Reads only; raises nothing for valid input.
    """
    area: LocalArea = body.area
    today = today or timezone.localdate()
    if invitees is None:
        invitees = selectors.body_member_invitees(body=body)
        if meeting is not None and meeting.pk:
            invitees += [Invitee(email=g.email, name=g.name) for g in meeting.guests.all()]
    terms = calendar.area_terms(area=area)
    settings = selectors.meeting_settings_for(area=area)
    warnings: list[RuleWarning] = []

    if any(i.is_parent_carer for i in invitees) and not check_family_hours(
        starts_at=starts_at, ends_at=ends_at, terms=terms
    ):
        earliest, latest = calendar.FAMILY_HOURS
        warnings.append(
            RuleWarning(
                WarningCode.PARENT_CARER_HOURS,
                "Parent carers are invited. Meetings with parent carers should be on a weekday "
                f"in term time, between {_hm(earliest)} and {_hm(latest)}, so they can come "
                "between the school runs.",
            )
        )
    if any(i.is_young_person for i in invitees) and not check_outside_school_hours(
        starts_at=starts_at, ends_at=ends_at, terms=terms
    ):
        opens, closes = calendar.SCHOOL_HOURS
        warnings.append(
            RuleWarning(
                WarningCode.YOUNG_PEOPLE_SCHOOL,
                "Young people are invited, and the meeting is during school or college hours "
                f"({_hm(opens)} to {_hm(closes)} on a school day). Meet after school, at a "
                "weekend or in the holidays.",
            )
        )
    in_person = mode in (MeetingMode.IN_PERSON, MeetingMode.HYBRID)
    if venue is not None and in_person:
        limit = settings.venue_repeat_limit
        recent = selectors.body_recent_venue_ids(
            body=body,
            before=starts_at,
            count=limit,
            exclude_meeting_id=getattr(meeting, "pk", None),
        )
        if len(recent) == limit and all(v == venue.pk for v in recent):
            warnings.append(
                RuleWarning(
                    WarningCode.SAME_VENUE,
                    f"The last {limit} meetings of {body.name} were all at {venue.name}. "
                    "Vary the venue so people across the area can reach it.",
                )
            )
        people = [i.person for i in invitees if i.person is not None]
        needs = selectors.needed_features_of(people=people, meeting=meeting)
        missing = sorted({f for features in needs.values() for f in features} - set(venue.features))
        if missing:
            labels = ", ".join(VenueFeature(f).label.lower() for f in missing)
            warnings.append(
                RuleWarning(
                    WarningCode.VENUE_ACCESS,
                    f"{venue.name} does not have something an invitee needs: {labels}.",
                )
            )
        if venue.capacity is not None and len(invitees) > venue.capacity:
            warnings.append(
                RuleWarning(
                    WarningCode.CAPACITY,
                    f"{len(invitees)} people are invited but {venue.name} holds {venue.capacity}.",
                )
            )
    due_on = calendar.working_days_before(
        timezone.localtime(starts_at).date(), area.papers_ahead_working_days
    )
    if due_on < today:
        warnings.append(
            RuleWarning(
                WarningCode.PAPERS_LATE,
                f"Papers were due on {due_on:%-d %B %Y} ({area.papers_ahead_working_days} "
                "working days before the meeting), which has passed. Members will get them "
                "late.",
            )
        )
    return warnings
