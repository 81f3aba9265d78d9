"""What conditions of success, the action plan and the yearly self-evaluation add to the
portal's frame (see `coproduction.registry`)."""

from django.utils import timezone

from coproduction.home import first_rows
from coproduction.registry import AreaPage, DemoLoader, SectionProvider, registry
from evaluation.conditions import selectors


def overdue_actions_sections(person, area) -> list[dict]:
    """ "Your overdue actions": the person's plan actions past their due date (one query)."""
    if not getattr(person, "is_authenticated", False):
        return []
    actions, more = first_rows(
        selectors.overdue_actions_of(person=person, area=area, today=timezone.localdate())
    )
    if not actions:
        return []
    return [
        {
            "title": "Your overdue actions",
            "template": "conditions/home_overdue_actions.html",
            "actions": actions,
            "more": more,
            "show_area": area is None,
        }
    ]


def rounds_to_rate_sections(person, area) -> list[dict]:
    """ "Rate the conditions of success": open rounds the person is invited to rate and has
    not rated yet, so a parent carer finds the invitation on their home page (one query)."""
    if not getattr(person, "is_authenticated", False):
        return []
    raters, more = first_rows(
        selectors.rounds_to_rate_of(person=person, area=area, today=timezone.localdate())
    )
    if not raters:
        return []
    return [
        {
            "title": "Rate the conditions of success",
            "template": "conditions/home_rounds_to_rate.html",
            "raters": raters,
            "more": more,
            "show_area": area is None,
        }
    ]


def _seed() -> None:
    from evaluation.conditions import demo

    demo.seed()


def register() -> None:
    registry.add_area_page(
        AreaPage(
            "Conditions of success",
            "conditions:round_list",
            "conditions.view_rounds",
            "Score the twelve conditions of co-production privately and see where families "
            "and professionals differ.",
            order=60,
            in_menu=False,
        )
    )
    registry.add_area_page(
        AreaPage(
            "Action plan",
            "conditions:action_plan",
            "conditions.view_action_plan",
            "Making it happen: actions to move up the engagement scale, with owners and dates.",
            order=61,
            in_menu=False,
        )
    )
    registry.add_area_page(
        AreaPage(
            "Yearly self-evaluation",
            "conditions:year_list",
            "conditions.view_activities",
            "The year's agreed activities, the level each strives for, and their impact.",
            order=62,
            in_menu=False,
        )
    )
    registry.add_sections(
        SectionProvider("conditions_actions", overdue_actions_sections, order=15, on_area=False)
    )
    registry.add_sections(
        SectionProvider("conditions_to_rate", rounds_to_rate_sections, order=14, on_area=False)
    )
    registry.add_demo_loader(
        DemoLoader("conditions", _seed, after=("people", "forums", "meetings"))
    )
