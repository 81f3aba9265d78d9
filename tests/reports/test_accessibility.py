"""Zero axe-core violations (WCAG 2.2 A and AA) and 320 px reflow on every report page, and
on the "make a report" form sent with errors (nothing chosen; own dates that are wrong)."""

import pytest

from coproduction.people.models import Role
from evaluation.reports.models import ReportKind
from tests.forums.factories import BodyFactory
from tests.initiatives.factories import InitiativeFactory
from tests.people.factories import LocalAreaFactory, TermFactory, member
from tests.reports.factories import ask, ready

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    area = LocalAreaFactory(name="Birmingham", slug="birmingham")
    board = member(area, Role.BOARD_MEMBER, display_name="Priya Shah")
    BodyFactory(area=area, name="Objective 3: Working Together Well")
    InitiativeFactory(area=area)
    TermFactory(area=area, name="Autumn term 2025")
    first = ready(area, by=board)
    second = ready(area, by=board)
    waiting = ask(area, by=board, kind=ReportKind.SELF_EVALUATION)
    return {"board": board, "first": first, "second": second, "waiting": waiting}


def test_report_pages(axe, world):
    for path in (
        "/birmingham/reports/",
        "/birmingham/reports/new/",
        f"/birmingham/reports/{world['second'].pk}/",
        f"/birmingham/reports/{world['waiting'].pk}/",
    ):
        axe.check(axe.open(path, as_person=world["board"]))


def test_the_form_with_its_errors(axe, world):
    page = axe.open("/birmingham/reports/new/", as_person=world["board"])
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)

    page = axe.open("/birmingham/reports/new/", as_person=world["board"])
    page.get_by_label("Inspection evidence pack").check()
    page.get_by_label("Your own dates (type them below)").check()
    page.locator("input[name=period_start_0]").fill("31")
    page.locator("input[name=period_start_1]").fill("2")
    page.locator("input[name=period_start_2]").fill("2026")
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)


def test_the_form_with_a_period_in_the_future(axe, world):
    from django.utils import timezone

    page = axe.open("/birmingham/reports/new/", as_person=world["board"])
    page.get_by_label("Inspection evidence pack").check()
    page.get_by_label("Your own dates (type them below)").check()
    year = str(timezone.localdate().year + 2)
    for name, value in [("0", "1"), ("1", "1"), ("2", year)]:
        page.locator(f"input[name=period_start_{name}]").fill(value)
    for name, value in [("0", "31"), ("1", "12"), ("2", year)]:
        page.locator(f"input[name=period_end_{name}]").fill(value)
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)
