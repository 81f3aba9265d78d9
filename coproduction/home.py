"""The sections of a signed-in person's home page.

Each app adds what is the person's own (invitations now; groups, work streams, meetings and
requests as those apps arrive). A section is a dict with a title, the template that shows it
and its rows; sections with nothing to show are left out by the function that builds them.
"""

from django.urls import reverse

from coproduction.people import selectors as people_selectors
from coproduction.people.models import FAMILY_ROLES
from forums import selectors as forums_selectors


def home_sections(person) -> list[dict]:
    sections = []
    invitations = list(people_selectors.open_invitations_for_email(email=person.email))
    if invitations:
        sections.append(
            {
                "title": "Invitations waiting for you",
                "template": "people/home_invitations.html",
                "invitations": invitations,
            }
        )
    sections += _forums_sections(person, area=None)
    return sections


def area_sections(person, area) -> list[dict]:
    """Sections of an area's overview page for this person, built the same way."""
    return _forums_sections(person, area=area)


# The most rows one home page section lists, so the page costs the same for everyone.
SECTION_ROWS = 20


def _first_rows(queryset) -> tuple[list, bool]:
    """Up to SECTION_ROWS rows, and whether there were more (one query)."""
    rows = list(queryset[: SECTION_ROWS + 1])
    return rows[:SECTION_ROWS], len(rows) > SECTION_ROWS


def _forums_sections(person, *, area) -> list[dict]:
    """Groups, work streams and join requests: one query each. With `area`, only that area's."""
    sections = []
    waiting, more = _first_rows(forums_selectors.requests_waiting_for(person=person, area=area))
    if waiting:
        sections.append(
            {
                "title": "Requests waiting for you",
                "template": "forums/home_waiting.html",
                "join_requests": waiting,
                "more": more,
            }
        )
    groups, more = _first_rows(forums_selectors.person_current_groups(person=person, area=area))
    if groups:
        sections.append(
            {
                "title": "Your groups",
                "template": "forums/home_groups.html",
                "memberships": groups,
                "more": more,
            }
        )
    family_areas = [
        membership.area
        for membership in person.area_memberships()
        if set(membership.roles) & FAMILY_ROLES and (area is None or membership.area_id == area.pk)
    ]
    find_links = [
        {"area": a, "href": reverse("forums:joinable", kwargs={"area_slug": a.slug})}
        for a in family_areas
    ]
    bodies, more = _first_rows(forums_selectors.person_current_bodies(person=person, area=area))
    if bodies or find_links:
        sections.append(
            {
                "title": "Your work streams",
                "template": "forums/home_bodies.html",
                "memberships": bodies,
                "more": more,
                "find_links": find_links,
                "show_area": area is None,
            }
        )
    pending, more = _first_rows(forums_selectors.person_pending_requests(person=person, area=area))
    if pending:
        sections.append(
            {
                "title": "Your requests to join",
                "template": "forums/home_requests.html",
                "join_requests": pending,
                "more": more,
                "show_area": area is None,
            }
        )
    return sections
