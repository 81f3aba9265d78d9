"""A signed-in request asks the database at most once before its view runs, and the cached
roles behind that still follow every change on the very next request (the speed issue)."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse

from coproduction.people.models import AreaMembership, Role
from coproduction.people.services import membership_remove, membership_set_roles
from tests.people.factories import give_totp, member

pytestmark = pytest.mark.django_db

QUERIES_WHEN_THE_VIEW_STARTED = []


def _is_a_query(sql: str) -> bool:
    # The view's own transaction (ATOMIC_REQUESTS) shows as a savepoint inside a test.
    return "SAVEPOINT" not in sql


def bare_signed_in_view(request):
    """A page that needs nothing but a signed-in person: it notes how many queries ran."""
    QUERIES_WHEN_THE_VIEW_STARTED.append(
        sum(1 for query in connection.queries if _is_a_query(query["sql"]))
    )
    assert request.user.is_authenticated
    return HttpResponse("signed in")


urlpatterns = [
    path("bare-signed-in/", bare_signed_in_view),
    path("", include("coproduction.urls")),
]


def queries_before_the_view(client, url):
    QUERIES_WHEN_THE_VIEW_STARTED.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    sql = [q["sql"] for q in captured.captured_queries if _is_a_query(q["sql"])]
    return QUERIES_WHEN_THE_VIEW_STARTED[0], sql


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("roles", [[Role.PARENT_CARER], [Role.AREA_ADMIN, Role.OFFICER]])
def test_signed_in_request_asks_the_database_once_before_the_view(client, area, roles):
    person = member(area, *roles)
    client.force_login(person)
    client.get("/bare-signed-in/")  # the first request after signing in fills the cache
    before, sql = queries_before_the_view(client, "/bare-signed-in/")
    # Only the person's own row: the session, the area memberships (the two-factor check)
    # and the two-factor state come from Redis.
    assert before <= 1, sql
    assert all("people_person" in statement for statement in sql[:before])


@pytest.mark.urls(__name__)
def test_signed_in_request_still_works_when_the_cache_is_emptied(client, area):
    from django.core.cache import cache

    client.force_login(member(area, Role.OFFICER))
    cache.clear()  # as after Redis restarts empty: the session is read from the database
    before, _ = queries_before_the_view(client, "/bare-signed-in/")
    assert before == 3  # session, person, area memberships


def test_a_new_role_counts_on_the_next_request(client, area):
    person = member(area, Role.OFFICER)
    give_totp(person)
    client.force_login(person)
    people_page = reverse("people:member_list", args=[area.slug])
    assert client.get(people_page).status_code in (403, 404)

    membership = AreaMembership.objects.get(person=person, area=area)
    membership_set_roles(membership=membership, roles=[Role.OFFICER, Role.AREA_ADMIN])

    assert client.get(people_page).status_code == 200


def test_a_role_taken_away_counts_on_the_next_request(client, area):
    member(area, Role.AREA_ADMIN)  # another administrator, so one remains
    person = member(area, Role.AREA_ADMIN, Role.OFFICER)
    client.force_login(person)
    people_page = reverse("people:member_list", args=[area.slug])
    assert client.get(people_page).status_code == 200

    membership = AreaMembership.objects.get(person=person, area=area)
    membership_set_roles(membership=membership, roles=[Role.OFFICER])

    assert client.get(people_page).status_code in (403, 404)


def test_an_ended_membership_counts_on_the_next_request(client, area):
    person = member(area, Role.PARENT_CARER)
    client.force_login(person)
    area_home = reverse("people:area_home", args=[area.slug])
    assert client.get(area_home).status_code == 200

    membership_remove(membership=AreaMembership.objects.get(person=person, area=area))

    assert client.get(area_home).status_code in (403, 404)


def test_a_renamed_area_shows_its_new_name_on_the_next_request(client, area):
    person = member(area, Role.PARENT_CARER)
    client.force_login(person)
    assert "Birmingham" in client.get("/").content.decode()

    area.name = "Birmingham and Solihull"
    area.save()

    assert "Birmingham and Solihull" in client.get("/").content.decode()


def test_two_factor_removed_counts_on_the_next_request(client, area):
    from allauth.mfa import signals
    from allauth.mfa.models import Authenticator

    person = member(area, Role.AREA_ADMIN)  # with two-factor sign-in set up
    client.force_login(person)
    people_page = reverse("people:member_list", args=[area.slug])
    assert client.get(people_page).status_code == 200  # "set up" is now cached

    # What allauth does when someone removes their authenticator on its pages.
    for authenticator in Authenticator.objects.filter(user=person):
        authenticator.delete()
        signals.authenticator_removed.send(
            sender=Authenticator, request=None, user=person, authenticator=authenticator
        )

    assert client.get(people_page).url == reverse("mfa_activate_totp")
