"""The sections of a signed-in person's home page.

Each app adds what is the person's own (invitations now; groups, work streams, meetings and
requests as those apps arrive). A section is a dict with a title, the template that shows it
and its rows; sections with nothing to show are left out by the function that builds them.
"""

from coproduction.people import selectors as people_selectors


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
    return sections


def area_sections(person, area) -> list[dict]:
    """Sections of an area's overview page for this person, built the same way."""
    return []
