"""The demo training register in Birmingham: a co-delivered course held with attendees, a
full course with a waiting list, and a course with free places parent@example.org can
sign up for. Seeding twice adds nothing."""

import pytest
from django.core.management import call_command

from coproduction.people.models import Person
from coproduction.training import services
from coproduction.training.models import Course, SignUp

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)


def test_demo_courses_in_birmingham(demo, client):
    courses = Course.objects.filter(area__slug="birmingham")
    held = courses.get(title__startswith="Co-production in practice")
    assert held.co_delivered
    assert held.sign_ups.filter(attended=True).count() >= 5
    full = courses.get(title__startswith="Working with parent carer forums")
    assert full.sign_ups.filter(status="place").count() == full.capacity
    assert full.sign_ups.filter(status="waiting").count() == 2
    parent = Person.objects.get(email="parent@example.org")
    client.force_login(parent)
    assert "Co-production in practice" in client.get("/account/").content.decode()
    assert "Being a parent carer representative" in client.get("/").content.decode()
    open_course = courses.get(title="Being a parent carer representative")
    assert services.course_sign_up(course=open_course, person=parent).status == "place"


def test_seeding_twice_adds_nothing(demo):
    courses, sign_ups = Course.objects.count(), SignUp.objects.count()
    call_command("seed_demo", verbosity=0)
    assert (Course.objects.count(), SignUp.objects.count()) == (courses, sign_ups)
