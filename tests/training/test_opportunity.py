"""A course offered as an opportunity to get involved: an officer links one of the area's
courses to an opportunity, and the opportunity's page shows it with a link to sign up."""

import pytest

from coproduction.people.models import Role
from initiatives.models import Opportunity
from tests.initiatives.factories import InitiativeFactory, OpportunityFactory
from tests.initiatives.test_views import error_summary, opportunity_form, page_text
from tests.people.factories import member
from tests.training.factories import CourseFactory

pytestmark = pytest.mark.django_db


def test_an_officer_opens_an_opportunity_offering_a_course(client, area):
    course = CourseFactory(area=area, title="Being a parent carer representative")
    initiative = InitiativeFactory(area=area)
    client.force_login(member(area, Role.OFFICER))
    base = f"/{area.slug}/initiatives/{initiative.code}/opportunities/"
    assert "Being a parent carer representative" in page_text(client.get(base + "add/"))
    response = client.post(base + "add/", opportunity_form(kind="training", course=course.pk))
    assert response.status_code == 302
    opportunity = Opportunity.objects.get()
    assert opportunity.course == course
    client.force_login(member(area, Role.PARENT_CARER))
    page = page_text(client.get(response["Location"]))
    assert (
        f'This opportunity is a place on <a class="govuk-link" '
        f'href="/{area.slug}/training/courses/{course.pk}/">Being a parent carer representative</a>'
    ) in page


def test_another_areas_course_cannot_be_offered(client, area, other_area):
    elsewhere = CourseFactory(area=other_area)
    initiative = InitiativeFactory(area=area)
    client.force_login(member(area, Role.OFFICER))
    url = f"/{area.slug}/initiatives/{initiative.code}/opportunities/add/"
    response = client.post(url, opportunity_form(course=elsewhere.pk))
    assert "Choose a course from the list." in error_summary(response)
    assert not Opportunity.objects.exists()


def test_changing_an_opportunity_keeps_or_removes_its_course(client, area):
    course = CourseFactory(area=area)
    opportunity = OpportunityFactory(initiative=InitiativeFactory(area=area), course=course)
    client.force_login(member(area, Role.OFFICER))
    url = (
        f"/{area.slug}/initiatives/{opportunity.initiative.code}/opportunities/"
        f"{opportunity.pk}/change/"
    )
    assert f'<option value="{course.pk}" selected>' in client.get(url).content.decode()
    assert client.post(url, opportunity_form(course="")).status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.course is None


def test_an_opportunity_without_a_course_shows_none(client, area):
    opportunity = OpportunityFactory(initiative=InitiativeFactory(area=area))
    client.force_login(member(area, Role.PARENT_CARER))
    assert "The course" not in page_text(client.get(opportunity.get_absolute_url()))
