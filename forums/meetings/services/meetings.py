"""Every change to meetings, venues, agendas, RSVPs and the record after a meeting.

Scheduling and every change of time, place or invitees run the scheduling rules
(`scheduling.meeting_rule_warnings`); a warning without an acknowledged reason stops the
change with `WarningsNeedReasons`, so no rule passes silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Person
from forums.meetings.models import (
    AgendaItem,
    Attendance,
    Guest,
    ItemPurpose,
    Meeting,
    MeetingAction,
    MeetingMode,
    MeetingPreferences,
    MeetingSettings,
    MeetingStatus,
    Rsvp,
    SchedulingWarning,
    Venue,
)
from forums.meetings.selectors import meeting_settings_for
from forums.meetings.services.scheduling import RuleWarning, meeting_rule_warnings
from forums.models import Body


class WarningsNeedReasons(Exception):
    """The meeting breaks scheduling rules that have no acknowledged reason yet."""

    def __init__(self, warnings: list[RuleWarning]):
        super().__init__("; ".join(w.message for w in warnings))
        self.warnings = warnings


def _check_times(*, starts_at: datetime, ends_at: datetime, now: datetime | None = None):
    errors = {}
    if ends_at <= starts_at:
        errors["ends_at"] = "The meeting must end after it starts."
    if starts_at < (now or timezone.now()):
        errors["starts_at"] = "The meeting must start in the future."
    if errors:
        raise ValidationError(errors)


def _check_place(*, area: LocalArea, mode: str, venue: Venue | None, join_link: str):
    if venue is not None and venue.area_id != area.pk:
        raise ValidationError({"venue": "Choose a venue from this local area."})
    if mode in (MeetingMode.IN_PERSON, MeetingMode.HYBRID) and venue is None:
        raise ValidationError({"venue": "Choose the venue, or say the meeting is online."})
    if mode in (MeetingMode.ONLINE, MeetingMode.HYBRID) and not join_link:
        raise ValidationError({"join_link": "Enter the link people use to join online."})


def _acknowledge(
    *, meeting: Meeting, warnings: list[RuleWarning], reasons: dict[str, str], by: Person
) -> None:
    missing = [w for w in warnings if not (reasons.get(w.code) or "").strip()]
    if missing:
        raise WarningsNeedReasons(missing)
    SchedulingWarning.objects.bulk_create(
        SchedulingWarning(
            meeting=meeting,
            code=w.code,
            message=w.message,
            reason=reasons[w.code].strip(),
            acknowledged_by=by,
        )
        for w in warnings
    )


@transaction.atomic
def meeting_schedule(
    *,
    body: Body,
    by: Person,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    mode: str = MeetingMode.IN_PERSON,
    venue: Venue | None = None,
    join_link: str = "",
    chair: Person | None = None,
    reasons: dict[str, str] | None = None,
    guests: Sequence[tuple[str, str]] = (),
) -> Meeting:
    """Schedule a meeting of `body`, run the scheduling rules and store each warning with
    its acknowledged reason (`reasons`: warning code to reason).

    The agenda starts with the co-production standing item when the area's settings say so.
    `guests` are (name, email) pairs. Raises ValidationError (times, venue, link, guest
    email) or WarningsNeedReasons listing the warnings still needing a reason.
    """
    _check_times(starts_at=starts_at, ends_at=ends_at)
    _check_place(area=body.area, mode=mode, venue=venue, join_link=join_link)
    meeting = Meeting(
        body=body,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        mode=mode,
        venue=venue if mode != MeetingMode.ONLINE else None,
        join_link=join_link,
        chair=chair,
        created_by=by,
    )
    meeting.full_clean(exclude=["created_by", "chair", "minutes_approved_at"])
    meeting.save()
    for name, email in guests:
        guest = Guest(meeting=meeting, name=name.strip(), email=email.strip().lower())
        guest.full_clean()
        guest.save()
    warnings = meeting_rule_warnings(
        body=body,
        starts_at=starts_at,
        ends_at=ends_at,
        mode=mode,
        venue=meeting.venue,
        meeting=meeting,
    )
    _acknowledge(meeting=meeting, warnings=warnings, reasons=reasons or {}, by=by)
    if meeting_settings_for(area=body.area).coproduction_standing_item:
        AgendaItem.objects.create(
            meeting=meeting,
            position=1,
            title="Co-production: how families shaped this work",
            purpose=ItemPurpose.DISCUSSION,
            is_coproduction=True,
        )
    return meeting


@transaction.atomic
def meeting_move(
    *,
    meeting: Meeting,
    by: Person,
    starts_at: datetime,
    ends_at: datetime,
    mode: str,
    venue: Venue | None,
    join_link: str = "",
    reasons: dict[str, str] | None = None,
) -> Meeting:
    """Change the time or place of an open meeting; the rules run again and every invitee
    is emailed once with an updated calendar invite (same UID, higher SEQUENCE).

    Raises ValidationError (closed meeting, times, venue) or WarningsNeedReasons.
    """
    from forums.meetings.services.dispatch import meeting_notify_change

    meeting = Meeting.objects.select_for_update().select_related("body__area").get(pk=meeting.pk)
    if not meeting.is_open:
        raise ValidationError("Only a scheduled meeting can be changed.")
    _check_times(starts_at=starts_at, ends_at=ends_at)
    _check_place(area=meeting.body.area, mode=mode, venue=venue, join_link=join_link)
    venue = venue if mode != MeetingMode.ONLINE else None
    warnings = meeting_rule_warnings(
        body=meeting.body,
        starts_at=starts_at,
        ends_at=ends_at,
        mode=mode,
        venue=venue,
        meeting=meeting,
    )
    _acknowledge(meeting=meeting, warnings=warnings, reasons=reasons or {}, by=by)
    changed = (meeting.starts_at, meeting.ends_at, meeting.venue_id, meeting.mode) != (
        starts_at,
        ends_at,
        getattr(venue, "pk", None),
        mode,
    )
    meeting.starts_at, meeting.ends_at, meeting.mode = starts_at, ends_at, mode
    meeting.venue, meeting.join_link = venue, join_link
    if changed:
        meeting.status = MeetingStatus.MOVED
        meeting.sequence += 1
    meeting.save()
    if changed:
        meeting_notify_change(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: Person) -> Meeting:
    """Cancel an open meeting and email every invitee once with a cancelled calendar invite.
    Cancelling a cancelled meeting does nothing. Raises ValidationError for a held one."""
    from forums.meetings.services.dispatch import meeting_notify_change

    meeting = Meeting.objects.select_for_update().select_related("body__area").get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        return meeting
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting has been held and cannot be cancelled.")
    meeting.status = MeetingStatus.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence"])
    meeting_notify_change(meeting=meeting)
    return meeting


def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    purpose: str = ItemPurpose.DISCUSSION,
    presenter: str = "",
    minutes_allowed: int | None = None,
) -> AgendaItem:
    """Add an item at the end of the agenda. Raises ValidationError for bad input."""
    last = meeting.agenda_items.order_by("-position").values_list("position", flat=True).first()
    item = AgendaItem(
        meeting=meeting,
        position=(last or 0) + 1,
        title=title.strip(),
        purpose=purpose,
        presenter=presenter.strip(),
        minutes_allowed=minutes_allowed,
    )
    item.full_clean()
    item.save()
    return item


def rsvp_answer(
    *,
    meeting: Meeting,
    person: Person,
    answer: str,
    needed_features: Sequence[str] = (),
    access_needs: str = "",
) -> Rsvp:
    """Record (or change) the person's reply to the meeting and the access they need.

    The caller has checked that the person is invited. Raises ValidationError for a closed
    meeting or an unknown answer.
    """
    if not meeting.is_open:
        raise ValidationError("This meeting is not taking replies.")
    rsvp, _ = Rsvp.objects.update_or_create(
        meeting=meeting,
        person=person,
        defaults={
            "answer": answer,
            "needed_features": sorted(set(needed_features)),
            "access_needs": access_needs.strip(),
            "answered_at": timezone.now(),
            "withdrawn": False,
        },
    )
    rsvp.full_clean()
    return rsvp


def preferences_for(*, person: Person) -> MeetingPreferences:
    """The person's meeting preferences, made with the defaults on first use."""
    preferences, _ = MeetingPreferences.objects.get_or_create(person=person)
    return preferences


def preferences_update(
    *, person: Person, needed_features: list[str], reminders: bool
) -> MeetingPreferences:
    preferences = preferences_for(person=person)
    preferences.needed_features = sorted(set(needed_features))
    preferences.reminders = reminders
    preferences.full_clean()
    preferences.save()
    return preferences


def calendar_token_reset(*, person: Person) -> MeetingPreferences:
    """Give the person a new calendar feed secret; the old feed address stops working."""
    import secrets

    preferences = preferences_for(person=person)
    preferences.calendar_token = secrets.token_urlsafe()
    preferences.save(update_fields=["calendar_token"])
    return preferences


def meeting_settings_update(*, area: LocalArea, **values) -> MeetingSettings:
    """Change the area's meeting settings (venue repeat limit, paper size limit, standing
    item). Raises ValidationError for values out of range."""
    settings, _ = MeetingSettings.objects.get_or_create(area=area)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return settings


@transaction.atomic
def meeting_record_held(
    *,
    meeting: Meeting,
    attendance: dict[int, str],
    outcomes: dict[int, str] | None = None,
    minutes: str = "",
) -> Meeting:
    """Record that the meeting was held: attendance by person id, outcomes by agenda item id,
    and the draft minutes (final once approved at the next meeting). Raises ValidationError
    for a meeting that has not started or was cancelled."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED or meeting.starts_at > timezone.now():
        raise ValidationError("Attendance can be recorded once the meeting has started.")
    for person_id, status in attendance.items():
        Attendance.objects.update_or_create(
            meeting=meeting, person_id=person_id, defaults={"status": status}
        )
    outcomes = outcomes or {}
    for item in meeting.agenda_items.filter(pk__in=list(outcomes)):
        item.outcome = outcomes[item.pk].strip()
        item.save(update_fields=["outcome"])
    meeting.minutes = minutes.strip()
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["minutes", "status"])
    return meeting


def minutes_approve(*, meeting: Meeting, at_meeting: Meeting) -> Meeting:
    """Mark `meeting`'s minutes approved at `at_meeting` (the body's next meeting).
    Raises ValidationError when `at_meeting` is not a later meeting of the same body."""
    if at_meeting.body_id != meeting.body_id or at_meeting.starts_at <= meeting.starts_at:
        raise ValidationError("Minutes are approved at a later meeting of the same body.")
    meeting.minutes_approved_at = at_meeting
    meeting.save(update_fields=["minutes_approved_at"])
    return meeting


def action_add(
    *, meeting: Meeting, description: str, owner: Person | None, due_on=None
) -> MeetingAction:
    action = MeetingAction(
        meeting=meeting, description=description.strip(), owner=owner, due_on=due_on
    )
    action.full_clean()
    action.save()
    return action


def action_mark_done(*, action: MeetingAction) -> MeetingAction:
    action.status = "done"
    action.save(update_fields=["status"])
    return action


def rsvps_withdraw_for_area_member(*, membership) -> int:
    """Membership-ended hook: the person's replies to future meetings of the area no longer
    count, and they stop being a guest at them."""
    future = Meeting.objects.filter(body__area_id=membership.area_id, starts_at__gt=timezone.now())
    Guest.objects.filter(meeting__in=future, email__iexact=membership.person.email).delete()
    return Rsvp.objects.filter(meeting__in=future, person_id=membership.person_id).update(
        withdrawn=True
    )


def declaration_add(*, agenda_item: AgendaItem, person: Person, interest: str):
    """Record a declared interest in an agenda item (for example a parent carer whose child
    uses a service being commissioned). Raises ValidationError for an empty interest."""
    from forums.meetings.models import Declaration

    declaration = Declaration(agenda_item=agenda_item, person=person, interest=interest.strip())
    declaration.full_clean()
    declaration.save()
    return declaration


def venue_save(*, venue: Venue) -> Venue:
    """Add or change a venue of an area. Raises ValidationError (name taken in the area)."""
    venue.full_clean()
    venue.save()
    return venue
