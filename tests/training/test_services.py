"""The waiting list, capacity, signing up twice, who may sign up, and attendance."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from coproduction.training import services
from coproduction.training.models import CourseAudience, SignUp
from tests.people.factories import member
from tests.training.factories import CourseFactory, past_course

pytestmark = pytest.mark.django_db


def place_emails(person=None):
    emails = OutboundEmail.objects.filter(subject__startswith="You have a place on")
    return emails.filter(to=person.email) if person else emails


def details_of(course, **changes):
    values = {name: getattr(course, name) for name in services.CourseDetails.__dataclass_fields__}
    return services.CourseDetails(**{**values, **changes})


@pytest.fixture
def full_course(area):
    """Two places taken, two people waiting (in order)."""
    course = CourseFactory(area=area, capacity=2)
    people = [member(area, Role.PARENT_CARER) for _ in range(4)]
    for person in people:
        services.course_sign_up(course=course, person=person)
    return course, people


def test_people_get_places_until_the_course_is_full_then_join_the_waiting_list(full_course):
    course, people = full_course
    statuses = [SignUp.objects.get(course=course, person=p).status for p in people]
    assert statuses == ["place", "place", "waiting", "waiting"]


def test_a_withdrawn_place_goes_to_the_first_person_waiting_who_is_emailed_once(
    full_course, run_on_commit
):
    course, (first, second, third, fourth) = full_course
    with run_on_commit():
        services.course_withdraw(course=course, person=first)
    assert SignUp.objects.get(course=course, person=third).status == "place"
    assert SignUp.objects.get(course=course, person=fourth).status == "waiting"
    assert place_emails().count() == 1
    email = place_emails(third).get()
    assert course.title in email.subject
    assert "/training/courses/" in email.body_text
    # Withdrawing again frees nothing more and tells nobody else.
    services.course_withdraw(course=course, person=first)
    assert place_emails().count() == 1
    assert SignUp.objects.get(course=course, person=fourth).status == "waiting"


def test_raising_the_places_gives_them_to_the_waiting_list_in_order(full_course, area):
    course, (_, _, third, fourth) = full_course
    officer = member(area, Role.OFFICER)
    services.course_update(course=course, by=officer, details=details_of(course, capacity=3))
    assert SignUp.objects.get(course=course, person=third).status == "place"
    assert SignUp.objects.get(course=course, person=fourth).status == "waiting"
    assert list(place_emails().values_list("to", flat=True)) == [third.email]
    # Saving again without a change gives no place and sends nothing more.
    services.course_update(course=course, by=officer, details=details_of(course, capacity=3))
    assert place_emails().count() == 1


def test_places_cannot_go_below_the_people_who_have_one(full_course, area):
    course, _ = full_course
    with pytest.raises(ValidationError) as error:
        services.course_update(
            course=course, by=member(area, Role.OFFICER), details=details_of(course, capacity=1)
        )
    assert "2 people already have a place" in error.value.message_dict["capacity"][0]


def test_signing_up_twice_is_one_sign_up(area):
    course = CourseFactory(area=area)
    person = member(area, Role.PARENT_CARER)
    first = services.course_sign_up(course=course, person=person)
    again = services.course_sign_up(course=course, person=person)
    assert first.pk == again.pk
    assert SignUp.objects.filter(course=course).count() == 1


def test_someone_who_withdrew_and_signs_up_again_joins_the_end_of_the_list(full_course):
    course, (first, _, third, fourth) = full_course
    services.course_withdraw(course=course, person=first)  # third takes the place
    services.course_sign_up(course=course, person=first)
    assert SignUp.objects.get(course=course, person=first).status == "waiting"
    services.course_withdraw(course=course, person=third)
    assert SignUp.objects.get(course=course, person=fourth).status == "place"
    assert SignUp.objects.get(course=course, person=first).status == "waiting"


@pytest.mark.parametrize(
    ("audience", "role", "allowed"),
    [
        (CourseAudience.PARENT_CARERS, Role.PARENT_CARER, True),
        (CourseAudience.PARENT_CARERS, Role.YOUNG_PERSON, False),
        (CourseAudience.YOUNG_PEOPLE, Role.YOUNG_PERSON, True),
        (CourseAudience.YOUNG_PEOPLE, Role.OFFICER, False),
        (CourseAudience.STAFF, Role.OFFICER, True),
        (CourseAudience.STAFF, Role.BOARD_MEMBER, True),
        (CourseAudience.STAFF, Role.PARENT_CARER, False),
        (CourseAudience.MIXED, Role.YOUNG_PERSON, True),
    ],
)
def test_only_people_whose_role_fits_the_audience_sign_up(area, audience, role, allowed):
    course = CourseFactory(area=area, audience=audience)
    person = member(area, role)
    if allowed:
        assert services.course_sign_up(course=course, person=person).status == "place"
    else:
        with pytest.raises(ValidationError, match="so you cannot sign up"):
            services.course_sign_up(course=course, person=person)


def test_nobody_from_another_area_signs_up(area, other_area):
    with pytest.raises(ValidationError, match="member of this area"):
        services.course_sign_up(
            course=CourseFactory(area=area), person=member(other_area, Role.PARENT_CARER)
        )


def test_a_course_that_has_started_takes_no_sign_ups(area):
    with pytest.raises(ValidationError, match="already started"):
        services.course_sign_up(course=past_course(area), person=member(area, Role.PARENT_CARER))


def test_attendance_is_recorded_after_the_course_for_people_with_places(area):
    course = past_course(area)
    came, missed = member(area, Role.PARENT_CARER), member(area, Role.OFFICER)
    for person in (came, missed):
        SignUp.objects.create(course=course, person=person, status="place")
    officer = member(area, Role.OFFICER)
    assert services.attendance_record(course=course, by=officer, attended_ids={came.pk}) == 1
    assert SignUp.objects.get(person=came).attended is True
    assert SignUp.objects.get(person=missed).attended is False


def test_attendance_cannot_be_recorded_before_the_course(area):
    with pytest.raises(ValidationError, match="on or after the day"):
        services.attendance_record(
            course=CourseFactory(area=area), by=member(area, Role.OFFICER), attended_ids=set()
        )


def test_a_course_needs_a_place_or_to_be_online(area):
    details = details_of(CourseFactory.build(area=area), place="", online=False)
    with pytest.raises(ValidationError) as error:
        services.course_create(area=area, by=member(area, Role.OFFICER), details=details)
    assert "place" in error.value.message_dict


def test_leaving_the_area_gives_the_place_to_the_next_person(full_course, area):
    from coproduction.people.models import AreaMembership
    from coproduction.registry import registry

    course, (first, _, third, _) = full_course
    registry.membership_ended(AreaMembership.objects.get(person=first, area=area))
    assert SignUp.objects.get(course=course, person=first).status == "withdrawn"
    assert SignUp.objects.get(course=course, person=third).status == "place"


@pytest.mark.django_db(transaction=True)
def test_two_places_freed_at_once_go_to_two_different_people_each_told_once(area):
    course = CourseFactory(area=area, capacity=2)
    people = [member(area, Role.PARENT_CARER) for _ in range(5)]
    for person in people:
        services.course_sign_up(course=course, person=person)
    start = threading.Barrier(2)
    errors = []

    def withdraw(person):
        try:
            start.wait()
            services.course_withdraw(course=course, person=person)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=withdraw, args=(p,)) for p in people[:2]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with_place = set(
        SignUp.objects.filter(course=course, status="place").values_list("person", flat=True)
    )
    assert with_place == {people[2].pk, people[3].pk}
    assert sorted(place_emails().values_list("to", flat=True)) == sorted(
        [people[2].email, people[3].email]
    )


@pytest.mark.django_db(transaction=True)
def test_a_place_freed_while_two_people_sign_up_is_given_once(area):
    course = CourseFactory(area=area, capacity=1)
    holder, waiting = member(area, Role.PARENT_CARER), member(area, Role.PARENT_CARER)
    services.course_sign_up(course=course, person=holder)
    services.course_sign_up(course=course, person=waiting)
    newcomers = [member(area, Role.PARENT_CARER) for _ in range(2)]
    start = threading.Barrier(3)
    errors = []

    def run(action):
        try:
            start.wait()
            action()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    actions = [lambda: services.course_withdraw(course=course, person=holder)] + [
        (lambda p=p: services.course_sign_up(course=course, person=p)) for p in newcomers
    ]
    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    places = SignUp.objects.filter(course=course, status="place")
    assert list(places.values_list("person", flat=True)) == [waiting.pk]
    assert list(place_emails().values_list("to", flat=True)) == [waiting.email]
