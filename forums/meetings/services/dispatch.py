"""Meeting emails: papers when they fall due, updated papers, late papers to the chair,
the day-before reminder, and moved or cancelled notices with calendar invites.

Exactly once. Each meeting is dispatched inside one transaction holding its row lock
(`select_for_update(skip_locked=True)`: a second worker skips a meeting another is on). In
it, the dispatch rows (unique per recipient and paper version), the log rows (unique per
logical message) and the outbox emails (same idempotency key) are written together: a
worker that dies mid-batch rolls all of them back and the next run does the meeting again.
Sending, retries with back-off and the record of each outcome are the outbox's.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from coproduction.outbox.services import Attachment, email_queue_template
from forums.meetings import ics, selectors
from forums.meetings.models import (
    Meeting,
    MeetingEmail,
    MeetingEmailKind,
    MeetingPreferences,
    MeetingStatus,
    Paper,
    PaperDispatch,
)
from forums.meetings.selectors import Invitee

logger = logging.getLogger(__name__)

# Emails with a short, plain version for young people (issue 9, item 7): the template
# `<name>_young_person` is used instead of `<name>` when the invitee is a young person.
YOUNG_PERSON_VERSIONS = frozenset({"papers"})

# How far ahead the dispatch run looks: papers fall due at most 20 working days ahead.
LOOK_AHEAD = timedelta(days=40)


def _invite_attachment(meeting: Meeting) -> Attachment:
    return Attachment(
        filename="meeting.ics",
        content_type="text/calendar; charset=utf-8",
        content=ics.meeting_invite(meeting),
    )


def _key(*parts) -> str:
    key = "meetings:" + ":".join(str(p) for p in parts)
    if len(key) > 200:
        key = key[:150] + ":" + hashlib.sha256(key.encode()).hexdigest()[:40]
    return key


def _queue(
    *,
    meeting: Meeting,
    invitee: Invitee,
    kind: str,
    key: str,
    template: str,
    context: dict,
    attachments=(),
) -> MeetingEmail | None:
    """Queue one email and its log row unless this logical message exists already. A young
    person gets the short, plain version of the email where there is one."""
    if MeetingEmail.objects.filter(key=key).exists():
        return None
    if invitee.is_young_person and template in YOUNG_PERSON_VERSIONS:
        template = f"{template}_young_person"
    email = email_queue_template(
        to=invitee.email,
        template=f"meetings/email/{template}",
        context={"meeting": meeting, "invitee": invitee, **context},
        purpose=f"meeting {kind.replace('_', ' ')}",
        area=meeting.body.area,
        idempotency_key=key,
        attachments=attachments,
    )
    return MeetingEmail.objects.create(
        meeting=meeting, to=invitee.email.lower(), kind=kind, key=key, email=email
    )


def meetings_with_papers_due(*, now: datetime | None = None) -> list[int]:
    """Ids of open meetings still to come whose papers are due today or earlier."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    meetings = Meeting.objects.filter(
        status__in=[MeetingStatus.SCHEDULED, MeetingStatus.MOVED],
        starts_at__gt=now,
        starts_at__lte=now + LOOK_AHEAD,
    ).select_related("body__area")
    return [m.pk for m in meetings if m.papers_due_on() <= today]


def papers_dispatch_meeting(*, meeting_id: int, now: datetime | None = None) -> int:
    """Send the meeting's papers to every invitee who has not had them; returns the number
    of emails queued.

    The first email to an invitee carries the agenda, summaries, paper links and the
    calendar invite; later ones are "updated papers", listing only the new versions, one
    email per recipient however many changed. Returns 0 when another worker holds the
    meeting, or it is not open or not due. Safe to run any number of times at once.
    """
    now = now or timezone.now()
    with transaction.atomic():
        meeting = (
            Meeting.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("body__area", "venue", "chair")
            .filter(pk=meeting_id)
            .first()
        )
        if meeting is None or not meeting.is_open or meeting.starts_at <= now:
            return 0
        if meeting.papers_due_on() > timezone.localtime(now).date():
            return 0
        versions = selectors.latest_versions(meeting=meeting)
        agenda = selectors.meeting_agenda(meeting=meeting)
        invitees = selectors.meeting_invitees(meeting=meeting)
        sent = set(
            PaperDispatch.objects.filter(meeting_email__meeting=meeting).values_list(
                "to", "paper_version_id"
            )
        )
        had_papers = set(
            MeetingEmail.objects.filter(meeting=meeting, kind=MeetingEmailKind.PAPERS).values_list(
                "to", flat=True
            )
        )
        queued = 0
        for invitee in invitees:
            to = invitee.email.lower()
            new = [v for v in versions if (to, v.pk) not in sent]
            if to in had_papers and not new:
                continue
            if to not in had_papers:
                logged = _queue(
                    meeting=meeting,
                    invitee=invitee,
                    kind=MeetingEmailKind.PAPERS,
                    key=_key("papers", meeting.pk, to),
                    template="papers",
                    context={"agenda": agenda, "versions": versions},
                    attachments=[_invite_attachment(meeting)],
                )
            else:
                logged = _queue(
                    meeting=meeting,
                    invitee=invitee,
                    kind=MeetingEmailKind.UPDATED_PAPERS,
                    key=_key("updated", meeting.pk, to, "-".join(str(v.pk) for v in new)),
                    template="updated_papers",
                    context={"versions": new},
                )
            if logged is None:
                continue
            PaperDispatch.objects.bulk_create(
                PaperDispatch(paper_version=v, to=to, meeting_email=logged) for v in new
            )
            queued += 1
    if queued:
        logger.info("Meeting %s: papers queued for %s recipients", meeting_id, queued)
    return queued


def papers_dispatch_due(*, now: datetime | None = None) -> int:
    """The beat task's work: dispatch every meeting whose papers are due, each in its own
    transaction. Returns the number of emails queued."""
    now = now or timezone.now()
    return sum(
        papers_dispatch_meeting(meeting_id=pk, now=now) for pk in meetings_with_papers_due(now=now)
    )


def meeting_reminders_send(*, now: datetime | None = None) -> int:
    """Email each invitee of tomorrow's open meetings a reminder, once per meeting time,
    except people who turned reminders off. Returns the number queued."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    queued = 0
    meetings = Meeting.objects.filter(
        status__in=[MeetingStatus.SCHEDULED, MeetingStatus.MOVED],
        starts_at__date=tomorrow,
    ).select_related("body__area", "venue", "chair")
    for meeting in meetings:
        with transaction.atomic():
            invitees = selectors.meeting_invitees(meeting=meeting)
            off = set(
                MeetingPreferences.objects.filter(
                    reminders=False, person_id__in=[i.person.pk for i in invitees if i.person]
                ).values_list("person__email", flat=True)
            )
            for invitee in invitees:
                if invitee.email in off:
                    continue
                key = _key("reminder", meeting.pk, meeting.sequence, invitee.email.lower())
                if _queue(
                    meeting=meeting,
                    invitee=invitee,
                    kind=MeetingEmailKind.REMINDER,
                    key=key,
                    template="reminder",
                    context={},
                ):
                    queued += 1
    return queued


def meeting_notify_change(*, meeting: Meeting) -> int:
    """Email every invitee once that the meeting moved or was cancelled, with an updated or
    cancelled calendar invite (same UID, the meeting's new SEQUENCE). Call inside the
    transaction that made the change."""
    kind = (
        MeetingEmailKind.CANCELLED
        if meeting.status == MeetingStatus.CANCELLED
        else MeetingEmailKind.MOVED
    )
    attachment = _invite_attachment(meeting)
    queued = 0
    for invitee in selectors.meeting_invitees(meeting=meeting):
        if _queue(
            meeting=meeting,
            invitee=invitee,
            kind=kind,
            key=_key(kind, meeting.pk, meeting.sequence, invitee.email.lower()),
            template=kind,
            context={},
            attachments=[attachment],
        ):
            queued += 1
    return queued


def late_paper_tell_chair(*, paper: Paper) -> MeetingEmail | None:
    """Tell the meeting's chair, once, that a paper arrived after the due date."""
    meeting = paper.agenda_item.meeting
    if meeting.chair is None:
        return None
    chair = Invitee(
        email=meeting.chair.email, name=meeting.chair.display_name, person=meeting.chair
    )
    return _queue(
        meeting=meeting,
        invitee=chair,
        kind=MeetingEmailKind.LATE_PAPER,
        key=_key("late-paper", paper.pk),
        template="late_paper",
        context={"paper": paper, "due_on": meeting.papers_due_on()},
    )
