"""What the training register adds to the portal's frame (see `coproduction.registry`)."""

from django.urls import reverse

from coproduction.home import first_rows
from coproduction.registry import (
    AccountSection,
    AreaPage,
    DemoLoader,
    MembershipEndedHook,
    SectionProvider,
    registry,
)
from coproduction.training import selectors


def courses_sections(person, area) -> list[dict]:
    """ "Courses open to you": the person's own courses still to come (with their place or
    their number on the waiting list), then courses that fit their role (one query)."""
    courses, more = first_rows(selectors.courses_for_home(person=person, area=area))
    if not courses:
        return []
    for course in courses:
        course.free_places = selectors.free_places(course)
        waiting = course.my_status == selectors.Status.WAITING
        course.my_position = course.my_ahead + 1 if waiting else None
    areas = {course.area_id: course.area for course in courses}
    return [
        {
            "title": "Courses open to you",
            "template": "training/home_courses.html",
            "courses": courses,
            "more": more,
            "show_area": area is None and len(person.area_memberships()) > 1,
            "links": [
                {"area": a, "href": reverse("training:area", kwargs={"area_slug": a.slug})}
                for a in areas.values()
            ],
        }
    ]


def training_record_section(person) -> list[dict]:
    """ "Your training": the courses the person attended, with dates and who delivered
    them (one query). Nothing when they have attended none."""
    record = selectors.person_training_record(person=person)
    if not record:
        return []
    return [
        {"title": "Your training", "template": "training/account_record.html", "record": record}
    ]


def _end_sign_ups(membership) -> None:
    from coproduction.training.services import sign_ups_end_for_area_member

    sign_ups_end_for_area_member(membership=membership)


def _seed() -> None:
    from coproduction.training import demo

    demo.seed()


def register() -> None:
    registry.add_area_page(
        AreaPage(
            "Training",
            "training:area",
            "training.view_training",
            "Courses on co-production, with free places, and who has been trained this year.",
            order=55,
            in_menu=False,
        )
    )
    registry.add_area_page(
        AreaPage(
            "Training records",
            "training:records",
            "training.view_records",
            "The courses each person of the area has attended.",
            order=56,
            in_menu=False,
        )
    )
    registry.add_sections(SectionProvider("training", courses_sections, order=40))
    registry.add_account_section(AccountSection("training", training_record_section, order=20))
    registry.add_membership_ended_hook(MembershipEndedHook("training", _end_sign_ups))
    registry.add_demo_loader(DemoLoader("training", _seed, after=("people",)))
