"""What meetings add to the portal's frame (see `coproduction.registry`)."""

from django.urls import reverse

from coproduction.home import first_rows
from coproduction.registry import (
    AreaPage,
    AreaSettingsLink,
    DemoLoader,
    MembershipEndedHook,
    SectionProvider,
    registry,
)
from forums.meetings import selectors


def meetings_sections(person, area) -> list[dict]:
    """ "Your next meetings": the soonest upcoming meetings (one query)."""
    meetings, more = first_rows(selectors.person_next_meetings(person=person, area=area))
    if not meetings:
        return []
    areas = [area] if area is not None else [m.area for m in person.area_memberships()]
    return [
        {
            "title": "Your next meetings",
            "template": "meetings/home_meetings.html",
            "meetings": meetings,
            "more": more,
            "show_area": area is None and len(areas) > 1,
            "links": [
                {"area": a, "href": reverse("meetings:my_meetings", kwargs={"area_slug": a.slug})}
                for a in areas
            ],
        }
    ]


def _end_rsvps(membership) -> None:
    from forums.meetings.services.meetings import rsvps_withdraw_for_area_member

    rsvps_withdraw_for_area_member(membership=membership)


def _seed() -> None:
    from forums.meetings import demo

    demo.seed()


def register() -> None:
    registry.add_area_page(
        AreaPage(
            "Meetings",
            "meetings:my_meetings",
            "meetings.view_my_meetings",
            "Your meetings: papers to read, replies and access needs.",
            order=39,
        )
    )
    registry.add_area_page(
        AreaPage(
            "Venues",
            "meetings:venue_list",
            "meetings.manage_venues",
            "Places meetings are held and what they offer for access.",
            order=46,
            in_menu=False,
        )
    )
    registry.add_sections(SectionProvider("meetings", meetings_sections, order=10, on_area=False))
    registry.add_settings_link(
        AreaSettingsLink(
            "Meeting rules",
            "How often a body may meet at one venue, the largest paper, and the co-production "
            "standing item.",
            "meetings:settings",
            "meetings.manage_settings",
        )
    )
    registry.add_membership_ended_hook(MembershipEndedHook("meetings", _end_rsvps))
    registry.add_demo_loader(DemoLoader("meetings", _seed, after=("people", "forums")))
