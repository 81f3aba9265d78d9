"""Zero axe-core violations (WCAG 2.2 A and AA) and 320 px reflow on every training page,
and on every training form sent with errors."""

import pytest

from coproduction.people.models import Role
from coproduction.training.models import CourseAudience, SignUp
from tests.accessibility import check_form_errors, check_pages
from tests.initiatives.factories import InitiativeFactory, OpportunityFactory
from tests.people.factories import LocalAreaFactory, OrganisationFactory, member
from tests.training.factories import CourseFactory, attended, past_course

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db):
    area = LocalAreaFactory(name="Birmingham", slug="birmingham")
    forum = OrganisationFactory(area=area, name="Birmingham Parent Carer Forum")
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    officer = member(area, Role.OFFICER, display_name="Helen Ward")
    held = past_course(
        area,
        title="Co-production in practice: working together with families",
        delivered_by_organisation=forum,
        co_delivered=True,
    )
    attended(held, parent)
    SignUp.objects.create(course=held, person=officer, status="place")
    full = CourseFactory(
        area=area, title="Working with parent carer forums", capacity=1, online=True, place=""
    )
    SignUp.objects.create(course=full, person=officer, status="place")
    SignUp.objects.create(course=full, person=parent, status="waiting")
    open_course = CourseFactory(
        area=area,
        title="Being a parent carer representative",
        audience=CourseAudience.PARENT_CARERS,
        delivered_by_organisation=forum,
        co_delivered=True,
        sessions="Also the following week, same time",
    )
    initiative = InitiativeFactory(area=area)
    opportunity = OpportunityFactory(initiative=initiative, course=open_course, kind="training")
    return {
        "area": area,
        "parent": parent,
        "officer": officer,
        "held": held,
        "full": full,
        "open": open_course,
        "initiative": initiative,
        "opportunity": opportunity,
    }


def test_pages_families_use(axe, world):
    w = world
    t = "/birmingham/training/"
    check_pages(
        axe,
        w["parent"],
        [
            "/",
            "/account/",
            t,
            f"{t}courses/{w['open'].pk}/",
            f"{t}courses/{w['full'].pk}/",
            f"{t}courses/{w['full'].pk}/withdraw/",
            f"{t}courses/{w['held'].pk}/",
            w["opportunity"].get_absolute_url(),
        ],
    )


def test_pages_and_forms_officers_use(axe, world):
    w = world
    t = "/birmingham/training/"
    officer = w["officer"]
    check_pages(
        axe,
        officer,
        [
            t,
            f"{t}past-courses/",
            f"{t}records/",
            f"{t}courses/{w['full'].pk}/",
            f"{t}courses/{w['held'].pk}/",
            f"{t}courses/{w['held'].pk}/attendance/",
            f"{t}courses/add/",
        ],
    )
    check_form_errors(axe, officer, f"{t}courses/add/")

    def too_few_places(page):
        page.fill("input[name=capacity]", "0")

    check_form_errors(axe, officer, f"{t}courses/{w['full'].pk}/edit/", too_few_places)
    # Attendance before the course has happened is refused with a message.
    check_form_errors(axe, officer, f"{t}courses/{w['full'].pk}/attendance/")

    def no_places(page):
        page.fill("input[name=places]", "0")

    code = w["initiative"].code
    check_form_errors(
        axe,
        officer,
        f"/birmingham/initiatives/{code}/opportunities/{w['opportunity'].pk}/change/",
        no_places,
    )
