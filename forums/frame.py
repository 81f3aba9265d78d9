"""What the forums app adds to the portal's frame (see `coproduction.registry`)."""

from django.urls import reverse

from coproduction.home import areas_with_roles, first_rows
from coproduction.people.models import FAMILY_ROLES
from coproduction.registry import (
    AreaPage,
    AreaSettingsLink,
    DemoLoader,
    MembershipEndedHook,
    SectionProvider,
    registry,
)
from forums import demo, selectors, services


def forums_sections(person, area) -> list[dict]:
    """Groups, work streams and join requests: one query each. With `area`, only that area's."""
    sections = []
    waiting, more = first_rows(selectors.requests_waiting_for(person=person, area=area))
    if waiting:
        sections.append(
            {
                "title": "Requests waiting for you",
                "template": "forums/home_waiting.html",
                "join_requests": waiting,
                "more": more,
            }
        )
    groups, more = first_rows(selectors.person_current_groups(person=person, area=area))
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
        for a in areas_with_roles(person, area, FAMILY_ROLES)
    ]
    bodies, more = first_rows(selectors.person_current_bodies(person=person, area=area))
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
    pending, more = first_rows(selectors.person_pending_requests(person=person, area=area))
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


def register() -> None:
    for page in [
        AreaPage(
            "Governance",
            "forums:governance",
            "forums.view_governance",
            "Boards and work streams, who sits on them and whom they represent.",
            order=40,
        ),
        AreaPage(
            "Join a work stream",
            "forums:joinable",
            "forums.find_bodies_to_join",
            "Ask to join a board or work stream that is open to parent carers and young people.",
            order=41,
        ),
        AreaPage(
            "Groups",
            "forums:group_list",
            "forums.view_groups",
            "Parent carer forums, youth forums and other groups, and how to reach them.",
            order=42,
        ),
        AreaPage(
            "Representation gaps",
            "forums:representation",
            "forums.view_representation",
            "Boards and work streams missing a chair with authority, a service, a commissioner "
            "or families.",
            order=43,
            in_menu=False,
        ),
        AreaPage(
            "Consultation load",
            "forums:consultation",
            "forums.view_consultation_load",
            "How often each group and person has been asked this term, against the area's limit.",
            order=44,
            in_menu=False,
        ),
        AreaPage(
            "Agreements",
            "forums:agreement_list",
            "forums.view_agreements",
            "Partnership agreements with the parent carer forum: funding, payments, schedule "
            "and outcomes.",
            order=45,
        ),
    ]:
        registry.add_area_page(page)
    registry.add_sections(SectionProvider("forums", forums_sections, order=20))
    registry.add_settings_link(
        AreaSettingsLink(
            "Population figures",
            "Participation groups compare who they reach with the area's population.",
            "forums:population",
            "forums.manage_population",
        )
    )
    registry.add_demo_loader(DemoLoader("forums", demo.seed, after=("people",)))
    registry.add_membership_ended_hook(
        MembershipEndedHook("forums", services.area_membership_ended)
    )
