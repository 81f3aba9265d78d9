"""Zero axe-core violations (WCAG 2.2 A and AA) and 320 px reflow on every meeting page, and
on every meeting form after it is sent with errors (the scheduling warnings included)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from forums.meetings.models import Declaration, MeetingAction, Rsvp, SchedulingWarning
from forums.meetings.services.dispatch import papers_dispatch_meeting
from tests.accessibility import check_form_errors, check_pages
from tests.forums.factories import BodyFactory, body_member
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, VenueFactory, paper
from tests.people.factories import LocalAreaFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    area = LocalAreaFactory(name="Birmingham", slug="birmingham")
    body = BodyFactory(area=area, name="Objective 3: Working Together Well")
    chair = body_member(body, Role.OFFICER, role="chair", display_name="Helen Ward")
    parent = body_member(body, Role.PARENT_CARER, display_name="Sam Okafor")
    young_person = body_member(body, Role.YOUNG_PERSON, display_name="Ali Khan")
    admin = member(area, Role.AREA_ADMIN)
    venue = VenueFactory(area=area, name="Northfield Library", travel_notes="Bus 61 stops outside.")
    soon = timezone.now() + timedelta(days=2)
    meeting = MeetingFactory(
        body=body,
        title="Short breaks review",
        chair=chair,
        venue=venue,
        starts_at=soon,
        ends_at=soon + timedelta(hours=2),
        join_link="https://meet.example.org/short-breaks",
        mode="hybrid",
    )
    item = AgendaItemFactory(meeting=meeting, title="Short breaks budget", presenter="Helen Ward")
    version = paper(item, title="Budget 2026 to 2027")
    Rsvp.objects.create(
        meeting=meeting, person=parent, answer="apologies", access_needs="Large print"
    )
    SchedulingWarning.objects.create(
        meeting=meeting,
        code="same_venue",
        message="The last 3 meetings were at one venue.",
        reason="The only step-free room free that week.",
        acknowledged_by=chair,
    )
    papers_dispatch_meeting(meeting_id=meeting.pk)
    return {
        "area": area,
        "body": body,
        "chair": chair,
        "parent": parent,
        "young_person": young_person,
        "admin": admin,
        "meeting": meeting,
        "item": item,
        "paper": version.paper,
    }


def clear_answer(page):
    page.locator("main form input[type=radio]").evaluate_all(
        "inputs => inputs.forEach(input => { input.checked = false; })"
    )


def test_pages_families_use(axe, world):
    w = world
    m = f"/birmingham/meetings/{w['meeting'].pk}/"
    check_pages(
        axe,
        w["parent"],
        [
            "/",
            "/birmingham/meetings/",
            f"/birmingham/governance/{w['body'].pk}/meetings/",
            m,
            m + "reply/",
            "/account/meetings/",
        ],
    )
    check_form_errors(axe, w["parent"], m + "reply/", fill=clear_answer)
    check_pages(axe, w["young_person"], [m])  # with the short, plain summary on top


def test_pages_organisers_use(axe, world):
    w = world
    m = f"/birmingham/meetings/{w['meeting'].pk}/"
    schedule = f"/birmingham/governance/{w['body'].pk}/meetings/schedule/"
    check_pages(axe, w["chair"], [m + "organise/", m + "edit/", schedule, m + "agenda/add/"])
    check_form_errors(axe, w["chair"], schedule)
    check_form_errors(axe, w["chair"], m + "agenda/add/")
    check_form_errors(axe, w["chair"], m + f"agenda/{w['item'].pk}/papers/add/")
    check_form_errors(axe, w["chair"], m + f"papers/{w['paper'].pk}/replace/")
    check_pages(axe, w["admin"], ["/birmingham/meetings/settings/"])
    officer = member(w["area"], Role.OFFICER)
    check_pages(axe, officer, ["/birmingham/meetings/venues/"])
    check_form_errors(axe, officer, "/birmingham/meetings/venues/add/")


def test_pages_after_the_meeting(axe, world):
    w = world
    held = MeetingFactory(
        body=w["body"],
        title="Last month",
        chair=w["chair"],
        starts_at=timezone.now() - timedelta(days=30),
    )
    item = AgendaItemFactory(meeting=held, title="Short breaks budget")
    MeetingAction.objects.create(meeting=held, description="Write to schools", owner=w["chair"])
    Declaration.objects.create(agenda_item=item, person=w["parent"], interest="My child uses it.")
    held.minutes = "Draft minutes."
    held.save()
    m = f"/birmingham/meetings/{held.pk}/"
    check_form_errors(axe, w["chair"], m + "record/")
    check_form_errors(axe, w["chair"], m + "actions/add/")
    check_form_errors(axe, w["chair"], m + "interests/add/")
    check_pages(axe, w["chair"], [f"/birmingham/meetings/{w['meeting'].pk}/organise/", m])


def test_scheduling_warnings_with_their_reason_boxes(axe, world):
    w = world
    day = timezone.localdate() + timedelta(weeks=4)
    day += timedelta(days=(5 - day.weekday()) % 7)  # a Saturday: parent carers are invited

    def fill(page):
        page.fill("input[name=title]", "Planning day")
        page.fill("input[name=day_0]", str(day.day))
        page.fill("input[name=day_1]", str(day.month))
        page.fill("input[name=day_2]", str(day.year))
        page.fill("input[name=start]", "18:00")
        page.fill("input[name=end]", "20:00")
        page.select_option("select[name=venue]", label="Northfield Library")

    check_form_errors(
        axe, w["chair"], f"/birmingham/governance/{w['body'].pk}/meetings/schedule/", fill
    )
