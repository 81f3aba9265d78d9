"""The training pages as people use them: signing up (and the waiting list's messages),
adding and changing courses with bad input, attendance, the training record on the account
page, the officers' records, the area view's suppressed counts and the home page section."""

import html
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import AreaMembership, Role, Sector
from coproduction.training.models import Course, CourseAudience, SignUp
from tests.people.factories import OrganisationFactory, member
from tests.training.factories import CourseFactory, attended, past_course

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def error_summary(response) -> str:
    match = re.search(r'class="govuk-error-summary".*?</ul>', page_text(response))
    assert match, "no error summary on the page"
    return match.group(0)


def course_form(**changes) -> dict:
    day = timezone.localdate() + timedelta(days=30)
    data = {
        "title": "Speaking up in meetings",
        "description": "How to bring other families' views to a board.",
        "audience": "parent_carers",
        "trainers": "Sam Okafor",
        "co_delivered": "on",
        "starts_on_0": str(day.day),
        "starts_on_1": str(day.month),
        "starts_on_2": str(day.year),
        "start_time": "10:00",
        "end_time": "12:30",
        "place": "Northfield Library",
        "capacity": "8",
    }
    data.update(changes)
    return data


# Signing up -----------------------------------------------------------------------------------


def test_a_parent_signs_up_then_signing_up_again_changes_nothing(client, area):
    course = CourseFactory(area=area, audience=CourseAudience.PARENT_CARERS, capacity=5)
    client.force_login(member(area, Role.PARENT_CARER))
    url = f"/{area.slug}/training/courses/{course.pk}/"
    assert "Sign up" in page_text(client.get(url))
    page = page_text(client.post(url + "sign-up/", follow=True))
    assert "You have a place on this course." in page
    page = page_text(client.post(url + "sign-up/", follow=True))
    assert "You already have a place on this course." in page
    assert SignUp.objects.filter(course=course).count() == 1


def test_a_full_course_says_so_and_puts_you_on_the_waiting_list_with_your_number(client, area):
    course = CourseFactory(area=area, capacity=1)
    SignUp.objects.create(course=course, person=member(area, Role.OFFICER), status="place")
    client.force_login(member(area, Role.PARENT_CARER))
    url = f"/{area.slug}/training/courses/{course.pk}/"
    page = page_text(client.get(url))
    assert "This course is full." in page
    assert "Join the waiting list" in page
    page = page_text(client.post(url + "sign-up/", follow=True))
    assert "This course is full, so you are on the waiting list: number 1." in page
    page = page_text(client.post(url + "sign-up/", follow=True))
    assert "You are already on the waiting list: number 1." in page


def test_withdrawing_frees_the_place_for_the_next_person(client, area, run_on_commit):
    course = CourseFactory(area=area, capacity=1)
    holder = member(area, Role.PARENT_CARER)
    next_person = member(area, Role.PARENT_CARER)
    client.force_login(holder)
    url = f"/{area.slug}/training/courses/{course.pk}/"
    client.post(url + "sign-up/")
    client.force_login(next_person)
    client.post(url + "sign-up/")
    client.force_login(holder)
    with run_on_commit():
        page = page_text(client.post(url + "withdraw/", follow=True))
    assert "You are no longer signed up" in page
    client.force_login(next_person)
    assert "You have a place on this course." in page_text(client.get(url))


def test_giving_up_a_place_asks_are_you_sure_first(client, area):
    course = CourseFactory(area=area, title="Speaking up")
    parent = member(area, Role.PARENT_CARER)
    SignUp.objects.create(course=course, person=parent, status="place")
    client.force_login(parent)
    url = f"/{area.slug}/training/courses/{course.pk}/"
    page = page_text(client.get(url))
    assert f'href="{url}withdraw/"' in page  # a link to the question, not a one-click form
    assert 'action="' + url + 'withdraw/"' not in page
    page = page_text(client.get(url + "withdraw/"))
    assert "Are you sure you want to give up your place?" in page
    assert "Your place goes to the next person on the waiting list" in page
    assert "govuk-button--warning" in page
    assert SignUp.objects.get(person=parent).status == "place"  # asking changed nothing
    page = page_text(client.post(url + "withdraw/", follow=True))
    assert "You are no longer signed up" in page
    assert SignUp.objects.get(person=parent).status == "withdrawn"
    # Once withdrawn, the question page goes back to the course.
    assert client.get(url + "withdraw/")["Location"] == url


def test_leaving_the_waiting_list_asks_are_you_sure_with_the_number(client, area):
    course = CourseFactory(area=area, capacity=1)
    SignUp.objects.create(course=course, person=member(area, Role.OFFICER), status="place")
    parent = member(area, Role.PARENT_CARER)
    SignUp.objects.create(course=course, person=parent, status="waiting")
    client.force_login(parent)
    page = page_text(client.get(f"/{area.slug}/training/courses/{course.pk}/withdraw/"))
    assert "Are you sure you want to leave the waiting list?" in page
    assert "You are number 1 on the waiting list" in page


def test_a_started_course_has_no_sign_up_button(client, area):
    course = past_course(area)
    client.force_login(member(area, Role.PARENT_CARER))
    page = page_text(client.get(course.get_absolute_url()))
    assert "sign-up has closed" in page
    response = client.post(course.get_absolute_url() + "sign-up/", follow=True)
    assert "already started" in page_text(response)
    assert not SignUp.objects.exists()


# Officers: courses, attendance, records -------------------------------------------------------


def test_an_officer_adds_a_course(client, area):
    client.force_login(member(area, Role.OFFICER))
    response = client.post(f"/{area.slug}/training/courses/add/", course_form())
    course = Course.objects.get()
    assert response.status_code == 302
    assert response["Location"] == course.get_absolute_url()
    assert course.co_delivered
    assert course.capacity == 8
    assert course.audience == "parent_carers"


def test_bad_course_details_are_explained_at_the_fields_and_nothing_typed_is_lost(client, area):
    client.force_login(member(area, Role.OFFICER))
    response = client.post(
        f"/{area.slug}/training/courses/add/",
        course_form(
            end_time="09:00", place="", capacity="0", starts_on_1="13", title="Keep this title"
        ),
    )
    summary = error_summary(response)
    for message in [
        "The date must be a real date",
        "The end time must be after the start time",
        "Enter where the course is held, or say it is online",
        "Enter 1 place or more",
    ]:
        assert message in summary
    assert 'value="Keep this title"' in response.content.decode()
    assert not Course.objects.exists()


def test_a_course_in_the_past_is_refused_at_the_date(client, area):
    client.force_login(member(area, Role.OFFICER))
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        f"/{area.slug}/training/courses/add/",
        course_form(starts_on_0=day.day, starts_on_1=day.month, starts_on_2=day.year),
    )
    assert "The date of a new course must be today or later" in error_summary(response)


def test_places_below_those_taken_are_refused_with_a_clear_message(client, area):
    course = CourseFactory(area=area, audience=CourseAudience.PARENT_CARERS, capacity=3)
    for _ in range(2):
        SignUp.objects.create(course=course, person=member(area, Role.PARENT_CARER), status="place")
    client.force_login(member(area, Role.OFFICER))
    url = f"/{area.slug}/training/courses/{course.pk}/edit/"
    assert 'value="10:00"' in client.get(url).content.decode()
    response = client.post(url, course_form(capacity="1"))
    assert "2 people already have a place. Enter 2 places or more" in error_summary(response)
    course.refresh_from_db()
    assert course.capacity == 3


def test_attendance_shows_on_the_persons_account_page_with_dates_and_who_delivered(client, area):
    forum = OrganisationFactory(area=area, name="Parent Carer Forum", sector=Sector.PARENT_CARERS)
    course = past_course(
        area, title="Co-production basics", delivered_by_organisation=forum, co_delivered=True
    )
    parent = member(area, Role.PARENT_CARER)
    absent = member(area, Role.PARENT_CARER)
    for person in (parent, absent):
        SignUp.objects.create(course=course, person=person, status="place")
    client.force_login(member(area, Role.OFFICER))
    url = f"/{area.slug}/training/courses/{course.pk}/attendance/"
    response = client.post(url, {"attended": [str(parent.pk)]})
    assert response.status_code == 302
    client.force_login(parent)
    page = page_text(client.get("/account/"))
    assert "Your training" in page
    assert "Co-production basics" in page
    assert course.starts_on.strftime("%-d %B %Y") in page
    assert "Delivered by Parent Carer Forum, Sam Okafor, with parent carers or young people" in page
    client.force_login(absent)
    assert "Co-production basics" not in page_text(client.get("/account/"))


def test_attendance_for_someone_without_a_place_is_refused(client, area):
    course = past_course(area)
    stranger = member(area, Role.PARENT_CARER)
    client.force_login(member(area, Role.OFFICER))
    response = client.post(
        f"/{area.slug}/training/courses/{course.pk}/attendance/", {"attended": [str(stranger.pk)]}
    )
    assert "Choose people from the list" in error_summary(response)


def test_officers_see_the_areas_training_records(client, area, other_area):
    course = past_course(area, title="Working with families")
    attended(course, member(area, Role.PARENT_CARER, display_name="Amina Begum"))
    member(area, Role.YOUNG_PERSON, display_name="Ali Khan")
    attended(past_course(other_area, title="Leeds course"), member(area, Role.OFFICER))
    client.force_login(member(area, Role.OFFICER))
    page = page_text(client.get(f"/{area.slug}/training/records/"))
    assert "Amina Begum" in page
    assert "Working with families" in page
    assert "Ali Khan" in page
    assert "No courses attended yet." in page
    assert "Leeds course" not in page


# The area view and the home page ------------------------------------------------------------------


def test_the_area_view_suppresses_small_counts_and_lists_free_places(client, area):
    org = OrganisationFactory(area=area, sector=Sector.HEALTH)
    course = past_course(area)
    for _ in range(6):
        attended(course, member(area, Role.PARENT_CARER))
    for _ in range(2):
        officer = member(area, Role.OFFICER)
        AreaMembership.objects.filter(person=officer).update(organisation=org)
        attended(course, officer)
    CourseFactory(area=area, title="Next course", capacity=7)
    client.force_login(member(area, Role.YOUNG_PERSON))
    page = page_text(client.get(f"/{area.slug}/training/"))
    rows = dict(
        re.findall(
            r'<th scope="row" class="govuk-table__header">([^<]+)</th> <td[^>]*>([^<]+)<', page
        )
    )
    assert rows["Parent carer representative"] == "6"
    assert rows["Officer"] == "fewer than 5"
    assert rows["Young person"] == "0"
    assert rows["Health"] == "fewer than 5"
    assert "Next course" in page
    assert "7 places free" in page


def test_courses_open_to_you_on_the_home_page(client, area):
    parent = member(area, Role.PARENT_CARER)
    CourseFactory(area=area, audience=CourseAudience.PARENT_CARERS, title="For parents")
    CourseFactory(area=area, audience=CourseAudience.STAFF, title="For staff")
    signed = CourseFactory(area=area, title="Already signed up")
    SignUp.objects.create(course=signed, person=parent, status="place")
    client.force_login(parent)
    page = page_text(client.get("/"))
    assert "Courses open to you" in page
    assert "For parents" in page
    assert "For staff" not in page
    assert "Already signed up" in page  # their own course, with their place
    assert "You have a place" in page


def test_your_own_courses_show_on_the_home_page_with_your_place_or_number(client, area):
    parent = member(area, Role.PARENT_CARER)
    # A course for staff only: a parent signed up to it (an officer added them) still sees it.
    full = CourseFactory(area=area, audience=CourseAudience.STAFF, title="Full course", capacity=1)
    SignUp.objects.create(course=full, person=member(area, Role.OFFICER), status="place")
    SignUp.objects.create(course=full, person=member(area, Role.OFFICER), status="waiting")
    SignUp.objects.create(course=full, person=parent, status="waiting")
    client.force_login(parent)
    page = page_text(client.get("/"))
    assert "Full course" in page
    assert "You are number 2 on the waiting list" in page
    # Signing up through the course page shows it on the home page at once.
    course = CourseFactory(area=area, audience=CourseAudience.PARENT_CARERS, title="Speaking up")
    client.post(f"/{area.slug}/training/courses/{course.pk}/sign-up/")
    page = page_text(client.get("/"))
    assert "Speaking up" in page
    assert page.index("Speaking up") < page.index("You have a place</strong>")
