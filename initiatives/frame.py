"""What the initiatives app adds to the portal's frame (see `coproduction.registry`)."""

from coproduction.home import areas_with_roles
from coproduction.people.models import FAMILY_ROLES, OFFICER_ROLES
from coproduction.registry import (
    AreaPage,
    ClaimableActivitySource,
    DemoLoader,
    MembershipEndedHook,
    SectionProvider,
    registry,
)
from initiatives import demo, selectors, services
from initiatives.models import CO_ORDER, Co


def initiatives_sections(person, area) -> list[dict]:
    """Interest waiting for an officer's answer; for parent carers and young people, open
    opportunities for them and their own interest. Across their areas, or in `area`."""
    sections = []
    officer_areas = [a.pk for a in areas_with_roles(person, area, OFFICER_ROLES)]
    if officer_areas:
        interests, total = selectors.interests_waiting_for(officer=person, area_ids=officer_areas)
        if interests:
            sections.append(
                {
                    "title": "Interest waiting for your answer",
                    "template": "initiatives/home_waiting.html",
                    "interests": interests,
                    "total": total,
                }
            )
    family_areas = areas_with_roles(person, area, FAMILY_ROLES)
    if family_areas:
        sections.append(
            {
                "title": "Ways to get involved",
                "template": "initiatives/home_opportunities.html",
                "opportunities": list(
                    selectors.opportunities_open_for(person=person, area=area)[:5]
                ),
                "areas": family_areas,
            }
        )
        interests = selectors.interests_of_person(person=person, area=area, limit=5)
        if interests:
            sections.append(
                {
                    "title": "Your interest in opportunities",
                    "template": "initiatives/home_interests.html",
                    "interests": interests,
                }
            )
    return sections


def register_counts_section(person, area) -> list[dict]:
    """On an area's overview: how many initiatives there are for each of the 4 Co's."""
    if area is None or not person.has_perm("initiatives.view_register", area):
        return []
    by_co = selectors.register_counts_by_co(area=area)
    return [
        {
            "title": "Co-production initiatives",
            "template": "initiatives/area_initiatives.html",
            "total": sum(by_co.values()),
            "counts": [(Co(co).label, by_co.get(co, 0)) for co in CO_ORDER],
        }
    ]


def register() -> None:
    for page in [
        AreaPage(
            "Initiatives",
            "initiatives:register",
            "initiatives.view_register",
            "The register of co-production initiatives: search, filter and download it.",
            order=20,
        ),
        AreaPage(
            "Initiatives summary",
            "initiatives:summary",
            "initiatives.view_summary",
            "How many initiatives there are for each of the 4 Co's and each sector.",
            order=21,
            in_menu=False,
        ),
        AreaPage(
            "Get involved",
            "initiatives:get_involved",
            "initiatives.get_involved",
            "Groups, surveys, panels and workshops you can join now.",
            order=22,
        ),
    ]:
        registry.add_area_page(page)
    registry.add_sections(SectionProvider("initiatives", initiatives_sections, order=30))
    registry.add_sections(
        SectionProvider("initiatives-counts", register_counts_section, order=31, on_home=False)
    )
    registry.add_claimable_source(
        ClaimableActivitySource(
            "opportunities",
            lambda person, area: selectors.accepted_opportunities_claimable(
                person=person, area=area
            ),
            lambda person, area, key: selectors.accepted_opportunity_claimable(
                person=person, area=area, key=key
            ),
        )
    )
    registry.add_demo_loader(DemoLoader("initiatives", demo.seed, after=("people",)))
    registry.add_membership_ended_hook(
        MembershipEndedHook("initiatives", services.area_membership_ended)
    )
