"""The sections of a signed-in person's home page.

Each app adds what is the person's own (invitations now; groups, work streams, meetings and
requests as those apps arrive). A section is a dict with a title, the template that shows it
and its rows; sections with nothing to show are left out by the function that builds them.
"""

from coproduction.people import selectors as people_selectors
from coproduction.people.models import FAMILY_ROLES, OFFICER_ROLES
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
    sections += _initiatives_sections(person)
    return sections


def area_sections(person, area) -> list[dict]:
    """Sections of an area's overview page for this person, built the same way."""
    sections = _initiatives_sections(person, area)
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


def _initiatives_sections(person, area=None) -> list[dict]:
    """Interest waiting for an officer's answer; for parent carers and young people, open
    opportunities for them and their own interest. Across their areas, or in `area`."""
    roles_by_area = {
        area_id: roles
        for area_id, roles in person.area_roles().items()
        if area is None or area_id == area.pk
    }
    sections = []
    officer_areas = [area_id for area_id, roles in roles_by_area.items() if roles & OFFICER_ROLES]
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
    family_areas = [
        membership.area
        for membership in person.area_memberships()
        if membership.area_id in roles_by_area and set(membership.roles) & FAMILY_ROLES
    ]
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
