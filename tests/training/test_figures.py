"""The board dashboard's training figures: people trained by role (small counts suppressed),
the share of courses co-delivered, and their headline measures; in fixed queries."""

from datetime import date, time

import pytest

from coproduction.people.models import Role
from evaluation.figures import DashboardScope, academic_year, figures
from tests.people.factories import member
from tests.training.factories import CourseFactory, attended

pytestmark = pytest.mark.django_db

YEAR = academic_year(date(2026, 11, 1))


def provider():
    return next(p for p in figures.ordered() if p.slug == "training")


def scope(area):
    return DashboardScope(area=area, period=YEAR, today=date(2026, 11, 30))


def held(area, day, **fields):
    return CourseFactory(area=area, starts_on=day, start_time=time(10), **fields)


def people_trained(area, n_parents, n_officers, day=date(2026, 10, 1), **fields):
    course = held(area, day, **fields)
    for _ in range(n_parents):
        attended(course, member(area, Role.PARENT_CARER))
    for _ in range(n_officers):
        attended(course, member(area, Role.OFFICER))
    return course


def test_people_trained_by_role_with_small_counts_suppressed(area, other_area):
    people_trained(area, 7, 3, co_delivered=True)
    people_trained(area, 0, 0)
    people_trained(area, 5, 0, day=date(2026, 7, 1))  # the year before: not counted
    people_trained(other_area, 9, 9)  # another area: not counted
    trained, courses = provider().build(scope(area))
    rows = dict(trained.rows)
    assert rows["Parent carer representative"] == 7
    assert rows["Officer"] == "fewer than 5"
    assert rows["Young person"] == 0
    assert trained.chart is None  # a chart would show the suppressed bar's size
    assert dict(courses.rows) == {
        "Courses held": 2,
        "Co-delivered by parent carers or young people": 1,
        "Share co-delivered": "50%",
    }


def test_the_measures_suppress_the_total_too(area):
    people_trained(area, 2, 1, co_delivered=True)
    measures = {m.label: m.value for m in provider().measures(scope(area))}
    assert measures == {
        "People trained in co-production": "fewer than 5",
        "Courses co-delivered by families": "100%",
    }


def test_nothing_held_shows_the_empty_text(area):
    trained, courses = provider().build(scope(area))
    assert courses.rows == ()
    assert all(count == 0 for _, count in trained.rows)


@pytest.mark.parametrize("size", [6, 20])
def test_the_figures_run_a_fixed_number_of_queries(area, size, django_assert_num_queries):
    # guards: one query per person, course or role
    people_trained(area, size, size, co_delivered=True)
    people_trained(area, size, 0)
    with django_assert_num_queries(3):
        trained, _ = provider().build(scope(area))
    assert trained.chart is not None
    with django_assert_num_queries(3):
        provider().measures(scope(area))
