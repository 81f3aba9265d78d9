"""Training pages run a fixed number of queries whatever the amount of data: pinned at two
sizes. The comment on each says which N+1 it guards against."""

import pytest

from coproduction.people.models import Role
from coproduction.training.models import SignUp
from tests.people.factories import member
from tests.queries import assert_page_queries
from tests.training.factories import CourseFactory, attended, past_course

pytestmark = pytest.mark.django_db

SIZES = [3, 15]


def area_view(area, n):
    # guards: per course for its organisation or place counts, per role or sector
    for _ in range(n):
        CourseFactory(area=area)
        attended(past_course(area), member(area, Role.PARENT_CARER))
    return f"/{area.slug}/training/", member(area, Role.PARENT_CARER)


def past_courses(area, n):
    # guards: per course for its attendance counts or organisation
    for _ in range(n):
        attended(past_course(area), member(area, Role.PARENT_CARER))
    return f"/{area.slug}/training/past-courses/", member(area, Role.OFFICER)


def records(area, n):
    # guards: per person for their courses, per course for its organisation
    for _ in range(n):
        person = member(area, Role.PARENT_CARER)
        attended(past_course(area), person)
        attended(past_course(area), person)
    return f"/{area.slug}/training/records/", member(area, Role.OFFICER)


def course_page(area, n):
    # guards: per sign-up for its person
    course = CourseFactory(area=area, capacity=n)
    for _ in range(2 * n):
        SignUp.objects.create(
            course=course,
            person=member(area, Role.PARENT_CARER),
            status="place" if SignUp.objects.count() < n else "waiting",
        )
    return course.get_absolute_url(), member(area, Role.OFFICER)


def home_page(area, n):
    # guards: per course for its area, organisation or place counts
    for _ in range(n):
        CourseFactory(area=area)
    return "/", member(area, Role.PARENT_CARER)


def account_page(area, n):
    # guards: per course on the record for its area or organisation
    person = member(area, Role.PARENT_CARER)
    for _ in range(n):
        attended(past_course(area), person)
    return "/account/", person


PAGES = {
    "area view": (area_view, 8),
    "past courses": (past_courses, 6),
    "training records": (records, 7),
    "course page": (course_page, 8),
    "home page": (home_page, 18),
    "account page": (account_page, 6),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", PAGES)
def test_pages_run_a_fixed_number_of_queries(client, area, django_assert_num_queries, page, size):
    assert_page_queries(client, django_assert_num_queries, PAGES, page, area, size)
