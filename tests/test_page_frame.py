"""The page frame every page shares: menu by role, area switcher, cookies, headers, errors."""

import re

import pytest
from django.test import Client
from django.urls import include, path

from coproduction.people.models import Role
from tests.people.factories import AreaMembershipFactory, member

pytestmark = pytest.mark.django_db


def test_menu_shows_area_pages_by_role(client, area):
    client.force_login(member(area, Role.AREA_ADMIN))
    admin_page = client.get("/birmingham/").content.decode()
    assert 'href="/birmingham/people/"' in admin_page
    assert 'href="/birmingham/settings/"' in admin_page

    client.force_login(member(area, Role.PARENT_CARER))
    parent_page = client.get("/birmingham/").content.decode()
    assert 'href="/birmingham/people/"' not in parent_page
    assert 'href="/birmingham/settings/"' not in parent_page


def test_header_names_the_area_and_links_to_the_persons_other_areas(client, area, other_area):
    person = member(area, Role.OFFICER)
    AreaMembershipFactory(person=person, area=other_area, roles=[Role.OFFICER])
    client.force_login(person)
    page = client.get("/birmingham/").content.decode()
    assert "Local area: <strong>Birmingham</strong>" in page
    assert '<a class="govuk-link govuk-!-margin-left-1" href="/leeds/">Leeds</a>' in page


def test_pages_have_a_skip_link_and_footer_links(client):
    page = client.get("/").content.decode()
    assert 'href="#main-content"' in page
    assert 'id="main-content"' in page
    assert 'href="/accessibility/"' in page
    assert 'href="/privacy/"' in page
    assert "govuk-header__logotype" not in page  # no crown: this is not a GOV.UK service


def test_only_the_session_and_csrf_cookies_are_set(client, area):
    person = member(area, Role.OFFICER)
    client.get("/accounts/login/")
    client.post(
        "/accounts/login/", {"login": person.email, "password": "a-long-test-password-2026"}
    )
    client.get("/birmingham/")
    assert set(client.cookies) == {"sessionid", "csrftoken"}


def test_a_strict_content_security_policy_is_sent(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def boom(request):
    raise RuntimeError("something broke")


urlpatterns = [path("boom/", boom), path("", include("coproduction.urls"))]
handler500 = "coproduction.views.server_error"


@pytest.mark.urls("tests.test_page_frame")
def test_a_server_error_shows_the_service_error_page():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_a_person_outside_the_area_gets_the_access_page(client, area, other_area):
    client.force_login(member(other_area, Role.OFFICER))
    response = client.get("/birmingham/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "You do not have access to this page" in page
    assert "Local area: <strong>Birmingham" not in page


def test_the_home_page_names_each_area_once_in_its_link(client, area):
    client.force_login(member(area, Role.PARENT_CARER))
    page = client.get("/").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Go to the area page (Birmingham)" in text
    assert "Birmingham (Birmingham)" not in text
