"""Reads for meetings: settings, invitees, the pages' lists, papers and the dispatch log.

Selectors own select_related/prefetch_related so each page's query count is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from coproduction.people.models import AreaMembership, LocalArea, Person, Role
from forums.meetings.models import (
    AgendaItem,
    Declaration,
    Meeting,
    MeetingAction,
    MeetingEmail,
    MeetingPreferences,
    MeetingSettings,
    MeetingStatus,
    Paper,
    PaperVersion,
    Rsvp,
    Venue,
)
from forums.models import Body, BodyMembership, current_on


def meeting_settings_for(*, area: LocalArea) -> MeetingSettings:
    """The area's meeting settings, or the defaults (unsaved) when none are stored."""
    found = MeetingSettings.objects.filter(area=area).first()
    return found if found is not None else MeetingSettings(area=area)


def area_venues(*, area: LocalArea) -> QuerySet[Venue]:
    return Venue.objects.filter(area=area).order_by("name")


@dataclass(frozen=True)
class Invitee:
    """Someone a meeting's papers and notices go to: a body member (`person`) or a guest."""

    email: str
    name: str
    person: Person | None = None
    area_roles: frozenset[str] = frozenset()
    copied_in: bool = False

    @property
    def is_parent_carer(self) -> bool:
        return Role.PARENT_CARER in self.area_roles

    @property
    def is_young_person(self) -> bool:
        return Role.YOUNG_PERSON in self.area_roles


def body_member_invitees(*, body: Body, on_day: date | None = None) -> list[Invitee]:
    """The body's members on `on_day` (today by default), copied-in heads of service
    included, each with their roles in the body's area. Two queries."""
    on_day = on_day or timezone.localdate()
    memberships = list(
        BodyMembership.objects.filter(current_on(on_day), body=body)
        .select_related("person")
        .order_by("person__display_name")
    )
    roles = dict(
        AreaMembership.objects.filter(
            area_id=body.area_id, person_id__in=[m.person_id for m in memberships]
        ).values_list("person_id", "roles")
    )
    seen: dict[int, Invitee] = {}
    for membership in memberships:
        person = membership.person
        if person.pk in seen or not person.is_active:
            continue
        seen[person.pk] = Invitee(
            email=person.email,
            name=person.display_name,
            person=person,
            area_roles=frozenset(roles.get(person.pk) or ()),
            copied_in=membership.role == "copied",
        )
    return list(seen.values())


def meeting_invitees(*, meeting: Meeting) -> list[Invitee]:
    """Everyone invited to the meeting: the body's current members, then the guests, one
    entry per email address (three queries)."""
    invitees = body_member_invitees(body=meeting.body)
    emails = {i.email.lower() for i in invitees}
    for guest in meeting.guests.all():
        if guest.email.lower() not in emails:
            emails.add(guest.email.lower())
            invitees.append(Invitee(email=guest.email, name=guest.name))
    return invitees


def is_invited(*, meeting: Meeting, person: Person) -> bool:
    """True when `person` is a current member of the meeting's body or a guest (by email)."""
    if not getattr(person, "is_authenticated", False):
        return False
    return (
        BodyMembership.objects.filter(
            current_on(timezone.localdate()), body_id=meeting.body_id, person=person
        ).exists()
        or meeting.guests.filter(email__iexact=person.email).exists()
    )


def needed_features_of(*, people: list[Person], meeting: Meeting | None = None) -> dict[int, set]:
    """What each person needs at a venue: from their preferences and, for an existing
    meeting, their RSVP for it. Two queries."""
    ids = [p.pk for p in people]
    needs: dict[int, set] = {pk: set() for pk in ids}
    for person_id, features in MeetingPreferences.objects.filter(person_id__in=ids).values_list(
        "person_id", "needed_features"
    ):
        needs[person_id].update(features)
    if meeting is not None and meeting.pk:
        for person_id, features in Rsvp.objects.filter(
            meeting=meeting, person_id__in=ids, withdrawn=False
        ).values_list("person_id", "needed_features"):
            needs[person_id].update(features)
    return needs


def body_recent_venue_ids(
    *, body: Body, before: datetime, count: int, exclude_meeting_id: int | None = None
) -> list[int | None]:
    """Venues of the body's last `count` meetings (not cancelled) starting before `before`,
    latest first."""
    meetings = Meeting.objects.filter(body=body, starts_at__lt=before).exclude(
        status=MeetingStatus.CANCELLED
    )
    if exclude_meeting_id:
        meetings = meetings.exclude(pk=exclude_meeting_id)
    return list(meetings.order_by("-starts_at").values_list("venue_id", flat=True)[:count])


def meeting_get(*, area: LocalArea, pk: int) -> Meeting | None:
    """A meeting of a body in `area`, with its body, area, venue and chair."""
    return (
        Meeting.objects.filter(pk=pk, body__area=area)
        .select_related("body__area", "venue", "chair")
        .first()
    )


def meeting_agenda(*, meeting: Meeting) -> list[AgendaItem]:
    """Agenda items with their papers and each paper's versions, newest first (3 queries)."""
    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .prefetch_related(
            Prefetch(
                "papers",
                queryset=Paper.objects.prefetch_related(
                    Prefetch("versions", queryset=PaperVersion.objects.order_by("-number"))
                ),
            )
        )
        .order_by("position", "pk")
    )


def latest_versions(*, meeting: Meeting) -> list[PaperVersion]:
    """The newest version of each paper of the meeting, in agenda order (one query)."""
    return list(
        PaperVersion.objects.filter(paper__agenda_item__meeting=meeting)
        .select_related("paper__agenda_item")
        .order_by("paper_id", "-number")
        .distinct("paper_id")
    )


def paper_version_get(*, meeting: Meeting, pk: int) -> PaperVersion | None:
    return (
        PaperVersion.objects.filter(pk=pk, paper__agenda_item__meeting=meeting)
        .select_related("paper")
        .first()
    )


def carried_actions(*, meeting: Meeting) -> QuerySet[MeetingAction]:
    """Open actions from the body's earlier meetings: they carry to this agenda until done."""
    return (
        MeetingAction.objects.filter(
            meeting__body_id=meeting.body_id,
            meeting__starts_at__lt=meeting.starts_at,
            status="open",
        )
        .select_related("owner", "meeting")
        .order_by("due_on", "pk")
    )


def meeting_rsvps(*, meeting: Meeting) -> QuerySet[Rsvp]:
    return (
        Rsvp.objects.filter(meeting=meeting, withdrawn=False)
        .select_related("person")
        .order_by("person__display_name")
    )


def meeting_dispatch_log(*, meeting: Meeting) -> QuerySet[MeetingEmail]:
    """Every email about the meeting with its outcome (one query)."""
    return MeetingEmail.objects.filter(meeting=meeting).select_related("email")


def body_meetings(*, body: Body) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(body=body)
        .select_related("body__area", "venue")
        .order_by("-starts_at")
    )


def person_meetings(*, person: Person, area: LocalArea | None = None) -> QuerySet[Meeting]:
    """Meetings of bodies the person belongs to today, or is a guest at (one query)."""
    today = timezone.localdate()
    member_of = BodyMembership.objects.filter(current_on(today), person=person).values("body_id")
    meetings = Meeting.objects.filter(
        Q(body_id__in=member_of) | Q(guests__email__iexact=person.email)
    ).select_related("body__area", "venue")
    if area is not None:
        meetings = meetings.filter(body__area=area)
    return meetings.distinct().order_by("starts_at")


def person_upcoming_meetings(*, person: Person, area: LocalArea | None = None):
    return person_meetings(person=person, area=area).filter(
        ends_at__gte=timezone.now(), status__in=[MeetingStatus.SCHEDULED, MeetingStatus.MOVED]
    )


def paper_get(*, meeting: Meeting, pk: int) -> Paper | None:
    return (
        Paper.objects.filter(pk=pk, agenda_item__meeting=meeting)
        .select_related("agenda_item__meeting__body__area")
        .first()
    )


def person_meetings_split(*, person: Person, area: LocalArea | None = None) -> dict:
    """The person's meetings: `upcoming` (soonest first) and `past` (latest first, at most
    20). Two queries whatever the number of meetings."""
    now = timezone.now()
    meetings = person_meetings(person=person, area=area).select_related("body")
    upcoming = list(meetings.filter(ends_at__gte=now))
    past = list(meetings.filter(ends_at__lt=now).order_by("-starts_at")[:20])
    return {"upcoming": upcoming, "past": past}


def meeting_page(*, meeting: Meeting, person: Person) -> dict:
    """What the meeting page shows: the agenda with papers, who is coming, the person's own
    reply, actions carried forward and the acknowledged warnings. A fixed number of queries.

    `for_young_person` is true when `person` is a young person in the meeting's area: the page
    then opens with a short, plain summary (issue 9, item 7: young people's meeting pages in
    short, plain words).
    """
    rsvps = list(meeting_rsvps(meeting=meeting))
    roles = (
        person.area_roles().get(meeting.body.area_id, frozenset())
        if getattr(person, "is_authenticated", False)
        else frozenset()
    )
    return {
        "for_young_person": Role.YOUNG_PERSON in roles,
        "agenda": meeting_agenda(meeting=meeting),
        "coming": [r for r in rsvps if r.answer == "attending"],
        "apologies": [r for r in rsvps if r.answer == "apologies"],
        "my_rsvp": next((r for r in rsvps if r.person_id == person.pk), None),
        "carried_actions": list(carried_actions(meeting=meeting)),
        "actions": list(meeting.actions.select_related("owner")),
        "warnings": list(meeting.warnings.select_related("acknowledged_by")),
        "papers_due_on": meeting.papers_due_on(),
    }


def meeting_organiser_page(*, meeting: Meeting) -> dict:
    """Replies with access needs, who has not replied, warnings and the dispatch log."""
    rsvps = list(meeting_rsvps(meeting=meeting))
    replied = {r.person_id for r in rsvps}
    invitees = meeting_invitees(meeting=meeting)
    return {
        "agenda": meeting_agenda(meeting=meeting),
        "rsvps": rsvps,
        "not_replied": [i for i in invitees if i.person is None or i.person.pk not in replied],
        "invitee_count": len(invitees),
        "warnings": list(meeting.warnings.select_related("acknowledged_by")),
        "dispatch_log": list(meeting_dispatch_log(meeting=meeting)[:200]),
        "carried_actions": list(carried_actions(meeting=meeting)),
        "awaiting_approval": previous_meeting_awaiting_approval(meeting=meeting),
        "declarations": list(
            Declaration.objects.filter(agenda_item__meeting=meeting).select_related(
                "person", "agenda_item"
            )
        ),
        "papers_due_on": meeting.papers_due_on(),
    }


def person_next_meetings(*, person: Person, area: LocalArea | None = None):
    """For the home page's "Your next meetings": upcoming open meetings, soonest first."""
    return person_upcoming_meetings(person=person, area=area).select_related("body")


@dataclass(frozen=True)
class PapersOnTime:
    """A body's papers record over a period, for the board dashboard."""

    body: Body
    meetings: int
    on_time: int
    late_papers: int

    @property
    def share_on_time(self) -> float | None:
        """Share (0 to 1) of the meetings whose papers all went out by their due date."""
        return self.on_time / self.meetings if self.meetings else None


def papers_on_time(*, area: LocalArea, starts_on: date, ends_on: date) -> list[PapersOnTime]:
    """Per body of the area, meetings held or due between `starts_on` and `ends_on`
    (inclusive, not cancelled): how many had every paper sent by the papers due date (the
    first papers email queued on or before it, and no late paper), and how many papers were
    late. Three queries whatever the number of meetings."""
    from django.db.models import Count, Min

    meetings = list(
        Meeting.objects.filter(
            body__area=area,
            starts_at__date__gte=starts_on,
            starts_at__date__lte=ends_on,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .annotate(
            late_papers=Count("agenda_items__papers", filter=Q(agenda_items__papers__is_late=True)),
        )
        .order_by("body__name", "starts_at")
    )
    first_sent = dict(
        MeetingEmail.objects.filter(meeting__in=meetings, kind="papers")
        .values("meeting_id")
        .annotate(first=Min("created_at"))
        .values_list("meeting_id", "first")
    )
    rows: dict[int, dict] = {}
    for meeting in meetings:
        row = rows.setdefault(
            meeting.body_id, {"body": meeting.body, "meetings": 0, "on_time": 0, "late_papers": 0}
        )
        row["meetings"] += 1
        row["late_papers"] += meeting.late_papers
        sent = first_sent.get(meeting.pk)
        due_on = meeting.papers_due_on(area.papers_ahead_working_days)
        if (
            sent is not None
            and timezone.localtime(sent).date() <= due_on
            and not meeting.late_papers
        ):
            row["on_time"] += 1
    return [PapersOnTime(**row) for row in rows.values()]


def area_venue_get(*, area: LocalArea, pk: int) -> Venue | None:
    return Venue.objects.filter(area=area, pk=pk).first()


def previous_meeting_awaiting_approval(*, meeting: Meeting) -> Meeting | None:
    """The body's latest earlier meeting with draft minutes not yet approved."""
    return (
        Meeting.objects.filter(
            body_id=meeting.body_id,
            starts_at__lt=meeting.starts_at,
            minutes_approved_at=None,
        )
        .exclude(minutes="")
        .order_by("-starts_at")
        .first()
    )


def body_action_get(*, meeting: Meeting, pk: int) -> MeetingAction | None:
    """An action agreed at any meeting of the meeting's body."""
    return MeetingAction.objects.filter(pk=pk, meeting__body_id=meeting.body_id).first()
