"""Who may do what with meetings, papers, RSVPs and calendar feeds.

Organisers of a body's meetings are its chairs, co-chairs and leads, and the area's officers
and administrators (as for the body itself, `forums.rules`). Invitees are the body's current
members (copied-in heads of service included) and the meeting's guests. Papers, RSVPs,
access needs and the joining link are for invitees and organisers only.
"""

import rules

from coproduction.people.rules import is_area_admin, is_area_member, is_area_officer
from forums.meetings import selectors
from forums.rules import is_body_chair_or_lead


@rules.predicate
def is_invitee(person, meeting=None):
    """The person is invited to `meeting` (a member of its body today, or a guest)."""
    if meeting is None or not hasattr(meeting, "guests"):
        return False
    cache = meeting.__dict__.setdefault("_invited", {})
    key = getattr(person, "pk", None)
    if key not in cache:
        cache[key] = is_area_member(person, meeting) and selectors.is_invited(
            meeting=meeting, person=person
        )
    return cache[key]


is_organiser = is_area_officer | is_area_admin | is_body_chair_or_lead

# Area-wide pages, checked against the area.
rules.add_perm("meetings.view_my_meetings", is_area_member)
rules.add_perm("meetings.manage_venues", is_area_officer | is_area_admin)
rules.add_perm("meetings.manage_settings", is_area_admin)
# A body's meetings list and feed: members of the area who can see governance.
rules.add_perm("meetings.view_body_meetings", is_area_member)
rules.add_perm("meetings.schedule_meeting", is_organiser)

# One meeting.
rules.add_perm("meetings.view_meeting", is_organiser | is_invitee)
rules.add_perm("meetings.view_papers", is_organiser | is_invitee)
rules.add_perm("meetings.rsvp", is_invitee)
rules.add_perm("meetings.organise_meeting", is_organiser)
