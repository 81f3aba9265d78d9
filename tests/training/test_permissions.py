"""Every training page against every role, an officer of another area and nobody; another
area's course is not found; the account page shows only the person's own record."""

import pytest

from coproduction.people.models import Role
from coproduction.training.models import CourseAudience
from tests.people.factories import member
from tests.permissions import (
    ADMINS,
    EVERYONE,
    MEMBERS,
    OFFICERS,
    assert_matrix_status,
    expect,
)
from tests.training.factories import CourseFactory, attended, past_course

pytestmark = pytest.mark.django_db

MANAGERS = [*OFFICERS, *ADMINS]
T = "/{area}/training/"
C = T + "courses/{course}/"

MATRIX = {
    "training": ("get", T, expect(MEMBERS)),
    "past courses": ("get", T + "past-courses/", expect(MANAGERS)),
    "training records": ("get", T + "records/", expect(MANAGERS)),
    "add course": ("get", T + "courses/add/", expect(MANAGERS)),
    "course": ("get", C, expect(MEMBERS)),
    "change course": ("get", C + "edit/", expect(MANAGERS)),
    "sign up (parent carers' course)": (
        "post",
        T + "courses/{parents_course}/sign-up/",
        expect([Role.PARENT_CARER], ok=302),
    ),
    "sign up (staff course)": (
        "post",
        T + "courses/{staff_course}/sign-up/",
        expect([Role.OFFICER, Role.COMMISSIONER, Role.BOARD_MEMBER, Role.AREA_ADMIN], ok=302),
    ),
    "withdraw": ("post", C + "withdraw/", expect(MEMBERS, ok=302)),
    # Not signed up: the confirmation page sends them back to the course.
    "withdraw (are you sure?)": ("get", C + "withdraw/", expect(MEMBERS, ok=302)),
    "attendance": ("get", T + "courses/{past}/attendance/", expect(MANAGERS)),
}


def make_records(area) -> dict:
    """One record of every kind this app's pages take an id of, all in `area`."""
    return {
        "area": area.slug,
        "course": CourseFactory(area=area).pk,
        "parents_course": CourseFactory(area=area, audience=CourseAudience.PARENT_CARERS).pk,
        "staff_course": CourseFactory(area=area, audience=CourseAudience.STAFF).pk,
        "past": past_course(area).pk,
    }


@pytest.fixture
def records(area):
    return make_records(area)


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


@pytest.mark.parametrize("suffix", ["", "edit/", "sign-up/", "withdraw/", "attendance/"])
def test_another_areas_course_is_not_found_by_changing_the_id(client, area, other_area, suffix):
    elsewhere = (
        past_course(other_area) if suffix == "attendance/" else CourseFactory(area=other_area)
    )
    client.force_login(member(area, Role.OFFICER))
    url = f"/{area.slug}/training/courses/{elsewhere.pk}/{suffix}"
    response = client.post(url) if suffix in ("sign-up/", "withdraw/") else client.get(url)
    assert response.status_code == 404
    assert client.get(url).status_code in (404, 405)


def test_a_missing_course_is_not_found(client, area):
    client.force_login(member(area, Role.PARENT_CARER))
    assert client.get(f"/{area.slug}/training/courses/999999/").status_code == 404


def test_only_officers_see_who_signed_up(client, area):
    course = CourseFactory(area=area)
    other = member(area, Role.PARENT_CARER, display_name="Nadia Hussain")
    client.force_login(other)
    client.post(f"/{area.slug}/training/courses/{course.pk}/sign-up/")
    client.force_login(member(area, Role.PARENT_CARER))
    assert "Nadia Hussain" not in client.get(course.get_absolute_url()).content.decode()
    client.force_login(member(area, Role.OFFICER))
    assert "Nadia Hussain" in client.get(course.get_absolute_url()).content.decode()


def test_the_account_page_shows_only_your_own_training(client, area):
    course = past_course(area, title="Speaking up in meetings")
    attended(course, member(area, Role.PARENT_CARER))
    client.force_login(member(area, Role.PARENT_CARER))
    assert "Speaking up in meetings" not in client.get("/account/").content.decode()


@pytest.mark.parametrize(
    "page",
    [name for name, (_, url, _) in MATRIX.items() if "{c" in url or "{p" in url or "{s" in url],
)
def test_an_outsider_cannot_tell_an_existing_course_from_a_missing_one(
    client, area, other_area, records, page
):
    method, url, _expected = MATRIX[page]
    client.force_login(member(other_area, Role.PARENT_CARER))
    missing = {name: value if name == "area" else 999_999 for name, value in records.items()}
    existing = getattr(client, method)(url.format(**records))
    nonexistent = getattr(client, method)(url.format(**missing))
    assert existing.status_code == nonexistent.status_code == 403, page


@pytest.mark.parametrize("suffix", ["edit/", "attendance/"])
def test_a_member_without_the_role_gets_the_same_answer_for_any_course(
    client, area, records, suffix
):
    client.force_login(member(area, Role.PARENT_CARER))
    existing = client.get(f"/{area.slug}/training/courses/{records['past']}/{suffix}")
    nonexistent = client.get(f"/{area.slug}/training/courses/999999/{suffix}")
    assert existing.status_code == nonexistent.status_code == 403
