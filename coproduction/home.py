"""The sections of a signed-in person's home page.

Each app adds what is the person's own: invitations (people), groups, work streams and join
requests (forums), opportunities and interest (initiatives). A section is a dict with a
title, the template that shows it and its rows; sections with nothing to show are left out by
the function that builds them.
"""

from django.urls import reverse

from coproduction.people import selectors as people_selectors
from coproduction.people.models import FAMILY_ROLES, OFFICER_ROLES
from forums import selectors as forums_selectors
from initiatives import selectors as initiatives_selectors
from initiatives.models import CO_ORDER, Co


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
    sections += _initiatives_sections(person)
    return sections


def area_sections(person, area) -> list[dict]:
    """Sections of an area's overview page for this person, built the same way."""
    sections = _forums_sections(person, area=area)
    sections += _initiatives_sections(person, area)
    if person.has_perm("initiatives.view_register", area):
        by_co = initiatives_selectors.register_counts_by_co(area=area)
        sections.append(
            {
                "title": "Co-production initiatives",
                "template": "initiatives/area_initiatives.html",
                "total": sum(by_co.values()),
                "counts": [(Co(co).label, by_co.get(co, 0)) for co in CO_ORDER],
            }
        )
    return sections


def _areas_with_roles(person, area, roles) -> list:
    """The person's areas (only `area`, when given) where they hold any of `roles`."""
    return [
        membership.area
        for membership in person.area_memberships()
        if set(membership.roles) & roles and (area is None or membership.area_id == area.pk)
    ]


def _initiatives_sections(person, area=None) -> list[dict]:
    """Interest waiting for an officer's answer; for parent carers and young people, open
    opportunities for them and their own interest. Across their areas, or in `area`."""
    sections = []
    officer_areas = [a.pk for a in _areas_with_roles(person, area, OFFICER_ROLES)]
    if officer_areas:
        interests, total = initiatives_selectors.interests_waiting_for(
            officer=person, area_ids=officer_areas
        )
        if interests:
            sections.append(
                {
                    "title": "Interest waiting for your answer",
                    "template": "initiatives/home_waiting.html",
                    "interests": interests,
                    "total": total,
                }
            )
    family_areas = _areas_with_roles(person, area, FAMILY_ROLES)
    if family_areas:
        sections.append(
            {
                "title": "Ways to get involved",
                "template": "initiatives/home_opportunities.html",
                "opportunities": list(
                    initiatives_selectors.opportunities_open_for(person=person, area=area)[:5]
                ),
                "areas": family_areas,
            }
        )
        interests = initiatives_selectors.interests_of_person(person=person, area=area, limit=5)
        if interests:
            sections.append(
                {
                    "title": "Your interest in opportunities",
                    "template": "initiatives/home_interests.html",
                    "interests": interests,
                }
            )
    return sections


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
    find_links = [
        {"area": a, "href": reverse("forums:joinable", kwargs={"area_slug": a.slug})}
        for a in _areas_with_roles(person, area, FAMILY_ROLES)
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
