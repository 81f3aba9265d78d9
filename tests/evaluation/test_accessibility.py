"""Zero axe-core violations (WCAG 2.2 A and AA) and 320 px reflow on the board dashboard with
its charts (area and body), the filter sent with a bad period, and the side-by-side view."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from coproduction.consultation.models import ConsultationRequest
from coproduction.people.models import AreaMembership, Role, Sector
from initiatives.models import Co
from tests.forums.factories import BodyFactory, ParticipationGroupFactory, body_member
from tests.initiatives.factories import InitiativeFactory
from tests.meetings.factories import MeetingFactory
from tests.people.factories import LocalAreaFactory, TermFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    area = LocalAreaFactory(name="Birmingham", slug="birmingham")
    leeds = LocalAreaFactory(name="Leeds", slug="leeds")
    today = timezone.localdate()
    TermFactory(
        area=area,
        name="This term",
        starts_on=today - timedelta(days=20),
        ends_on=today + timedelta(days=40),
    )
    for co, sectors in [
        (Co.CO_DESIGN, [Sector.EDUCATION, Sector.HEALTH]),
        (Co.CO_DELIVERY, [Sector.SOCIAL_CARE]),
        (Co.CO_COMMISSIONING, [Sector.PARENT_CARERS, Sector.YOUNG_PEOPLE, Sector.VOLUNTARY]),
    ]:
        InitiativeFactory(area=area, main_co=co, sectors=sectors)
    body = BodyFactory(area=area, name="Objective 3: Working Together Well")
    body_member(body, Role.OFFICER, role="chair")
    body_member(body, Role.PARENT_CARER)
    BodyFactory(area=area, name="SEND Local Area Partnership Board")
    MeetingFactory(body=body, starts_at=timezone.now() + timedelta(days=3))
    group = ParticipationGroupFactory(area=area, name="Birmingham Parent Carer Forum")
    for days in range(7):
        ConsultationRequest.objects.create(
            area=area,
            group=group,
            kind="survey",
            title="Survey",
            asked_on=today - timedelta(days=days),
            hours_asked=Decimal(2),
        )
    board = member(area, Role.BOARD_MEMBER)
    AreaMembership.objects.create(person=board, area=leeds, roles=[Role.BOARD_MEMBER])
    return {"area": area, "body": body, "board": board}


def test_dashboard_with_charts_and_its_filter_with_a_bad_period(axe, world):
    board, body = world["board"], world["body"]
    page = axe.open("/birmingham/dashboard/", as_person=board)
    assert page.locator("svg.app-bar-chart").count() >= 3
    axe.check(page)
    axe.check(axe.open(f"/birmingham/dashboard/bodies/{body.pk}/", as_person=board))
    bad = axe.open("/birmingham/dashboard/?period=not-a-period", as_person=board)
    assert bad.locator(".govuk-error-summary").is_visible()
    axe.check(bad)


def test_the_filter_works_by_choosing_and_sending(axe, world):
    page = axe.open("/birmingham/dashboard/", as_person=world["board"])
    page.select_option("select[name=body]", label="Objective 3: Working Together Well")
    page.click("button:has-text('Show figures')")
    page.wait_for_load_state()
    assert f"body={world['body'].pk}" in page.url
    assert (
        page.locator("h1 + *, .govuk-caption-l")
        .first.inner_text()
        .endswith("Objective 3: Working Together Well")
    )


def test_side_by_side_view_and_its_bad_period(axe, world):
    board = world["board"]
    axe.check(axe.open("/dashboard/areas/", as_person=board))
    bad = axe.open("/dashboard/areas/?period=1900-01", as_person=board)
    assert bad.locator(".govuk-error-summary").is_visible()
    axe.check(bad)
