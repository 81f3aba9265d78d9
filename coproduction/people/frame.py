"""What the people app adds to the portal's frame (see `coproduction.registry`)."""

from coproduction.people import demo, selectors
from coproduction.registry import AreaPage, DemoLoader, SectionProvider, registry


def invitation_sections(person, area) -> list[dict]:
    """On the home page: invitations to areas sent to the person's email address."""
    invitations = list(selectors.open_invitations_for_email(email=person.email))
    if not invitations:
        return []
    return [
        {
            "title": "Invitations waiting for you",
            "template": "people/home_invitations.html",
            "invitations": invitations,
        }
    ]


def register() -> None:
    for page in [
        AreaPage("Overview", "people:area_home", "people.view_area", order=10),
        AreaPage(
            "People",
            "people:member_list",
            "people.manage_people",
            "Invite people to the area and change their roles.",
            order=30,
        ),
        AreaPage(
            "Area settings",
            "people:area_settings",
            "people.change_area",
            "Term dates and how far ahead meeting papers go out.",
            order=90,
        ),
    ]:
        registry.add_area_page(page)
    registry.add_sections(
        SectionProvider("invitations", invitation_sections, order=10, on_area=False)
    )
    registry.add_demo_loader(DemoLoader("people", demo.seed))
