"""What "You said, we did" adds to the portal's frame (see `coproduction.registry`)."""

from django.urls import reverse
from django.utils import timezone

from coproduction.home import areas_with_roles, first_rows
from coproduction.people.models import OFFICER_ROLES
from coproduction.registry import (
    AreaPage,
    AreaSettingsLink,
    DemoLoader,
    SectionProvider,
    registry,
)


def overdue_sections(person, area) -> list[dict]:
    """ "Feedback waiting for your response": the responses the person owns that are past
    their due date, most overdue first (one query)."""
    from evaluation.feedback import selectors

    # Only officers own responses: nobody else pays for the query.
    if not person.is_authenticated or not areas_with_roles(person, area, OFFICER_ROLES):
        return []
    items, more = first_rows(
        selectors.owner_overdue(person=person, area=area, today=timezone.localdate())
    )
    if not items:
        return []
    return [
        {
            "title": "Feedback overdue for your response",
            "template": "feedback/home_overdue.html",
            "items": [
                {
                    "item": item,
                    "href": reverse(
                        "feedback:item", kwargs={"area_slug": item.area.slug, "pk": item.pk}
                    ),
                }
                for item in items
            ],
            "more": more,
            "show_area": area is None,
        }
    ]


def _seed() -> None:
    from evaluation.feedback import demo

    demo.seed()


def register() -> None:
    for page in [
        AreaPage(
            "You said, we did",
            "feedback:publication",
            "feedback.view_publication",
            "What families told us and what we did about it.",
            order=50,
            in_menu=False,
        ),
        AreaPage(
            "Feedback to answer",
            "feedback:list",
            "feedback.manage_feedback",
            "Record, import and answer feedback; anonymise and publish it.",
            order=51,
            in_menu=False,
        ),
        AreaPage(
            "Tell us what you think",
            "feedback:send",
            "feedback.send_feedback",
            "Send us your feedback about the Local Offer or a service.",
            order=52,
            in_menu=False,
        ),
        AreaPage(
            "What you told us",
            "feedback:yours",
            "feedback.view_own_feedback",
            "The feedback you sent and what we did about it.",
            order=53,
            in_menu=False,
        ),
    ]:
        registry.add_area_page(page)
    registry.add_sections(SectionProvider("feedback-overdue", overdue_sections, order=15))
    registry.add_settings_link(
        AreaSettingsLink(
            "Feedback: you said, we did",
            "Weeks to respond to feedback, and who can see the published pages.",
            "feedback:settings",
            "feedback.manage_settings",
        )
    )
    registry.add_demo_loader(
        DemoLoader("feedback", _seed, after=("people", "forums", "initiatives", "meetings"))
    )
    from evaluation.feedback.report_sections import register_report_sections

    register_report_sections()
