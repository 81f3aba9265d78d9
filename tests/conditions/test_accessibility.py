"""Zero axe-core violations (WCAG 2.2 A and AA) and 320 px reflow on every conditions, action
plan and yearly self-evaluation page, and on every form after it is sent with errors."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from tests.accessibility import check_form_errors, check_pages
from tests.conditions.factories import add_rater, make_action, make_round, make_year
from tests.people.factories import LocalAreaFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db):
    area = LocalAreaFactory(name="Birmingham", slug="birmingham")
    officer = member(area, Role.OFFICER, display_name="Olivia Bennett")
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    earlier = make_round(area, held_on=timezone.localdate() - timedelta(days=200))
    closed = make_round(area)
    low = dict.fromkeys(range(1, 13), 7) | {6: 3, 7: 4}
    for n in range(6):
        add_rater(earlier, Role.OFFICER, scores=5)
        add_rater(closed, Role.PARENT_CARER, scores=low | {9: 2}, comment=f"Shared {n}", share=True)
        add_rater(closed, Role.OFFICER, scores=low)
    open_round = make_round(area, closed=False)
    add_rater(open_round, Role.PARENT_CARER, person=parent)
    add_rater(open_round, Role.OFFICER, person=officer)
    action = make_action(
        area,
        officer,
        due_on=timezone.localdate() - timedelta(days=3),
        level_from=4,
        level_to=5,
        conditions=[6, 7],
    )
    make_action(area, officer, theme="structure", status="amber")
    planning = make_year(area, activities=2)
    reviewing = make_year(
        area,
        status="reviewing",
        starts_on=planning.starts_on.replace(year=planning.starts_on.year - 1),
    )
    return {
        "area": area,
        "officer": officer,
        "action": action,
        "parent": parent,
        "closed": closed,
        "open": open_round,
        "planning": planning,
        "reviewing": reviewing,
    }


S = "/birmingham/self-evaluation/"


def test_pages_a_rater_uses(axe, world):
    w = world
    check_pages(
        axe,
        w["parent"],
        [
            "/",
            f"{S}conditions/",
            f"{S}conditions/{w['open'].pk}/",
            f"{S}conditions/{w['open'].pk}/rate/",
        ],
    )

    def bad_score(page):
        page.fill("input[name=score_1]", "11")

    check_form_errors(axe, w["parent"], f"{S}conditions/{w['open'].pk}/rate/", fill=bad_score)


def test_results_and_the_pages_officers_use(axe, world):
    w = world
    check_pages(
        axe,
        w["officer"],
        [
            "/",
            f"{S}conditions/",
            f"{S}conditions/{w['closed'].pk}/",
            f"{S}conditions/{w['open'].pk}/",
            f"{S}conditions/open/",
            f"{S}actions/",
            f"{S}actions/add/?condition=6&round={w['closed'].pk}",
            f"{S}actions/{w['action'].pk}/",
        ],
    )
    check_form_errors(axe, w["officer"], f"{S}conditions/open/")
    check_form_errors(axe, w["officer"], f"{S}actions/add/")


def test_the_yearly_self_evaluation_pages(axe, world):
    w = world
    activity = w["reviewing"].activities.first()
    check_pages(
        axe,
        w["officer"],
        [
            f"{S}activities/",
            f"{S}activities/{w['planning'].pk}/",
            f"{S}activities/{w['reviewing'].pk}/",
            f"{S}activities/open/",
            f"{S}activities/{w['planning'].pk}/add/",
        ],
    )
    check_form_errors(axe, w["officer"], f"{S}activities/open/")
    check_form_errors(axe, w["officer"], f"{S}activities/{w['planning'].pk}/add/")
    check_form_errors(axe, w["officer"], f"{S}activities/{w['reviewing'].pk}/{activity.pk}/impact/")
