"""What expenses add to the portal's frame (see `coproduction.registry`)."""

from django.urls import reverse

from coproduction.home import areas_with_roles, first_rows
from coproduction.people.models import FAMILY_ROLES, OFFICER_ROLES, Role
from coproduction.registry import (
    AreaPage,
    AreaSettingsLink,
    ClaimableActivitySource,
    DemoLoader,
    SectionProvider,
    registry,
)
from forums.expenses import activities, selectors


def claims_sections(person, area) -> list[dict]:
    """ "Your claims" for parent carers and young people (and administrators who claimed for
    someone); "Claims waiting for you" for officers. Bounded rows, fixed queries."""
    sections = []
    family_areas = areas_with_roles(person, area, FAMILY_ROLES)
    claim_areas = areas_with_roles(person, area, FAMILY_ROLES | {Role.AREA_ADMIN})
    if claim_areas:
        claims, more = first_rows(selectors.claims_of_person(person=person, area=area))
        if claims or family_areas:
            sections.append(
                {
                    "title": "Your claims",
                    "template": "expenses/home_claims.html",
                    "claims": claims,
                    "more": more,
                    "show_area": area is None and len(claim_areas) > 1,
                    "links": [
                        {"area": a, "href": reverse("expenses:my_claims", args=[a.slug])}
                        for a in claim_areas
                    ],
                }
            )
    officer_areas = areas_with_roles(person, area, OFFICER_ROLES)
    if officer_areas:
        claims, more = first_rows(
            selectors.claims_waiting(area_ids=[a.pk for a in officer_areas], exclude_person=person)
        )
        if claims:
            sections.append(
                {
                    "title": "Claims waiting for you",
                    "template": "expenses/home_waiting.html",
                    "claims": claims,
                    "more": more,
                    "show_area": area is None and len(officer_areas) > 1,
                    "links": [
                        {"area": a, "href": reverse("expenses:claims", args=[a.slug])}
                        for a in officer_areas
                    ],
                }
            )
    return sections


def _seed() -> None:
    from forums.expenses import demo

    demo.seed()


def register() -> None:
    for page in [
        AreaPage(
            "Expenses",
            "expenses:my_claims",
            "expenses.view_my_claims",
            "Claim travel, care and your time for meetings and opportunities you took part in.",
            order=41,
        ),
        AreaPage(
            "Claims",
            "expenses:claims",
            "expenses.approve_claims",
            "Expense claims to approve and pay, totals and the finance file.",
            order=42,
            in_menu=False,
        ),
        AreaPage(
            "Reward options",
            "expenses:incentives",
            "expenses.manage_incentives",
            "The area's portfolio of rewards people can choose for their time.",
            order=43,
            in_menu=False,
        ),
    ]:
        registry.add_area_page(page)
    registry.add_sections(SectionProvider("expenses", claims_sections, order=35))
    registry.add_settings_link(
        AreaSettingsLink(
            "Expenses",
            "The largest claim, and the service that pays young people's expenses.",
            "expenses:settings",
            "expenses.manage_settings",
        )
    )
    registry.add_claimable_source(
        ClaimableActivitySource(
            "meetings", activities.meetings_attended, activities.meeting_attended
        )
    )
    registry.add_demo_loader(
        DemoLoader("expenses", _seed, after=("people", "forums", "meetings", "initiatives"))
    )
