"""What self-evaluation on the dial adds to the portal's frame (see `coproduction.registry`)."""

from datetime import timedelta

from django.utils import timezone

from coproduction.home import areas_with_roles, first_rows
from coproduction.people.models import FAMILY_ROLES, OFFICER_ROLES
from coproduction.registry import AreaPage, AreaSettingsLink, DemoLoader, SectionProvider, registry

# A subject not assessed for this long is due for review (the West Sussex framework reviews
# its self-evaluation yearly).
REVIEW_AFTER_DAYS = 365


def due_for_review_sections(person, area) -> list[dict]:
    """Officers' "Dial assessments due for review": subjects not assessed for a year (one
    query, bounded rows)."""
    from evaluation.dial import selectors

    areas = areas_with_roles(person, area, OFFICER_ROLES)
    if not areas:
        return []
    before = timezone.localdate() - timedelta(days=REVIEW_AFTER_DAYS)
    subjects, more = first_rows(selectors.subjects_due_for_review(areas=areas, before=before))
    if not subjects:
        return []
    return [
        {
            "title": "Dial assessments due for review",
            "template": "dial/home_due.html",
            "subjects": subjects,
            "more": more,
            "areas": areas,
            "show_area": len(areas) > 1,
        }
    ]


def to_answer_sections(person, area) -> list[dict]:
    """Parent carers' and young people's "Say how it felt": declared activities they took
    part in and have not answered yet (one query, bounded rows)."""
    from evaluation.dial import selectors

    areas = areas_with_roles(person, area, FAMILY_ROLES)
    if not areas:
        return []
    declarations, more = first_rows(selectors.activities_to_answer(person=person, areas=areas))
    if not declarations:
        return []
    return [
        {
            "title": "Say how it felt",
            "template": "dial/home_answer.html",
            "declarations": declarations,
            "more": more,
            "show_area": len(areas) > 1,
        }
    ]


def _seed() -> None:
    from evaluation.dial import demo

    demo.seed()


def register() -> None:
    registry.add_area_page(
        AreaPage(
            "Engagement dial",
            "dial:overview",
            "dial.view_self_evaluation",
            "Where each service, team and board sits on the engagement dial, and how it moved.",
            order=60,
            in_menu=False,
        )
    )
    registry.add_area_page(
        AreaPage(
            "Declared and experienced levels",
            "dial:activities",
            "dial.view_self_evaluation",
            "The level an activity claims, against the level families who took part felt.",
            order=61,
            in_menu=False,
        )
    )
    registry.add_area_page(
        AreaPage(
            "Characteristics of co-production",
            "dial:characteristics",
            "dial.view_self_evaluation",
            "The eight characteristics, present, partly or not yet, with evidence.",
            order=62,
            in_menu=False,
        )
    )
    registry.add_area_page(
        AreaPage(
            "Stakeholders and assets",
            "dial:stakeholders",
            "dial.view_self_evaluation",
            "Who is involved, what each brings, and who is missing.",
            order=63,
            in_menu=False,
        )
    )
    registry.add_sections(
        SectionProvider("dial-due", due_for_review_sections, order=60, on_area=False)
    )
    registry.add_sections(
        SectionProvider("dial-answer", to_answer_sections, order=15, on_area=False)
    )
    registry.add_settings_link(
        AreaSettingsLink(
            "Words for the engagement levels",
            "The IMPOWER engagement dial or the West Sussex ladder of participation.",
            "dial:settings",
            "dial.manage_settings",
        )
    )
    registry.add_demo_loader(
        DemoLoader("dial", _seed, after=("people", "forums", "meetings", "initiatives"))
    )
