"""Each page runs the same number of queries with few rows or many.

Every test runs at two sizes with one pinned count; the comment on each says which N+1 it
guards against.
"""

import pytest

from coproduction.people.models import Role, Sector
from initiatives import services
from initiatives.models import Audience, Co, InitiativeChange, Interest
from tests.initiatives.factories import (
    InitiativeFactory,
    InterestFactory,
    OpportunityFactory,
    OptionFactory,
    OutcomeFactory,
)
from tests.people.factories import OrganisationFactory, PersonFactory, member

pytestmark = pytest.mark.django_db
SIZES = [5, 60]


@pytest.fixture
def people(area):
    return {
        "officer": member(area, Role.OFFICER),
        "parent": member(area, Role.PARENT_CARER),
        "young_person": member(area, Role.YOUNG_PERSON),
    }


def build_register(area, size):
    """`size` initiatives, each led by two organisations and linked to an option."""
    organisations = [OrganisationFactory(area=area) for _ in range(3)]
    option = OptionFactory(area=area)
    initiatives = []
    for n in range(size):
        initiative = InitiativeFactory(
            area=area,
            main_co=list(Co)[n % 4],
            sectors=[Sector.HEALTH, Sector.EDUCATION],
            title=f"Autism support {n}",
            lead_organisations=organisations[n % 2 : n % 2 + 2],
        )
        initiative.options.set([option])
        initiatives.append(initiative)
    services.initiatives_refresh_search(initiative_ids=[i.pk for i in initiatives])
    return initiatives, option


def build_initiative(area, size, officer):
    """One initiative with `size` outcomes, contacts, opportunities (with interest) and
    history lines."""
    initiative = InitiativeFactory(area=area, lead_organisations=[OrganisationFactory(area=area)])
    initiative.options.set([OptionFactory(area=area) for _ in range(2)])
    for _ in range(size):
        OutcomeFactory(initiative=initiative)
        initiative.contacts.create(person=PersonFactory(), role="Lead")
        opportunity = OpportunityFactory(
            initiative=initiative, opened_by=officer, audience=Audience.ANYONE, places=size
        )
        InterestFactory(opportunity=opportunity)
        InterestFactory(opportunity=opportunity, status=Interest.Status.ACCEPTED)
        InitiativeChange.objects.create(initiative=initiative, changed_by=officer, action="changed")
    return initiative


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "query",
    ["", "?co=co_design&sector=health&status=active", "?q=autism+support&co=co_delivery"],
)
def test_register(client, area, people, django_assert_num_queries, size, query):
    # Guards: lead organisations per row (prefetched), and the filter form's choices.
    build_register(area, size)
    client.force_login(people["officer"])
    with django_assert_num_queries(10):
        assert client.get(f"/birmingham/initiatives/{query}").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_export(client, area, people, django_assert_num_queries, size):
    # Guards: lead organisations and options per row (prefetched with the iterator's chunks).
    build_register(area, size)
    client.force_login(people["parent"])
    with django_assert_num_queries(10):
        response = client.get("/birmingham/initiatives/export.csv")
        b"".join(response.streaming_content)


@pytest.mark.parametrize("size", SIZES)
def test_summary(client, area, people, django_assert_num_queries, size):
    # Guards: counting per Co or per cell in Python or one query per cell.
    build_register(area, size)
    client.force_login(people["parent"])
    with django_assert_num_queries(7):
        assert client.get("/birmingham/initiatives/summary/").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_options(client, area, people, django_assert_num_queries, size):
    # Guards: counting each option's initiatives one by one; lead organisations per row.
    _initiatives, option = build_register(area, size)
    client.force_login(people["parent"])
    with django_assert_num_queries(6):
        assert client.get("/birmingham/options/").status_code == 200
    # One fewer on the second page of the session: the area memberships are cached by then.
    with django_assert_num_queries(7):
        assert client.get(f"/birmingham/options/{option.pk}/").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_initiative_page(client, area, people, django_assert_num_queries, size):
    # Guards: outcomes, contacts (and their people), options, opportunities (and their
    # interest counts) and history (and who made each change) per row.
    initiative = build_initiative(area, size, people["officer"])
    client.force_login(people["officer"])
    with django_assert_num_queries(12):
        assert client.get(f"/birmingham/initiatives/{initiative.code}/").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_opportunity_page(client, area, people, django_assert_num_queries, size):
    # Guards: each interested person, and who answered them, per row.
    initiative = InitiativeFactory(area=area)
    opportunity = OpportunityFactory(initiative=initiative, places=size * 2)
    InterestFactory.create_batch(size, opportunity=opportunity)
    InterestFactory.create_batch(
        size,
        opportunity=opportunity,
        status=Interest.Status.ACCEPTED,
        responded_by=people["officer"],
    )
    client.force_login(people["officer"])
    url = f"/birmingham/initiatives/{initiative.code}/opportunities/{opportunity.pk}/"
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_get_involved(client, area, people, django_assert_num_queries, size):
    # Guards: the initiative of each opportunity, the person's own status and the places
    # filled, per row.
    for _ in range(size):
        opportunity = OpportunityFactory(initiative=InitiativeFactory(area=area), places=3)
        InterestFactory(opportunity=opportunity, person=people["parent"])
        InterestFactory(opportunity=opportunity, status=Interest.Status.ACCEPTED)
    client.force_login(people["parent"])
    with django_assert_num_queries(8):
        assert client.get("/birmingham/get-involved/").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_home_and_area_overview(client, area, people, django_assert_num_queries, size):
    # Guards: opportunities, interest and the initiatives of each, per row, in the sections.
    build_register(area, size)
    for _ in range(size):
        opportunity = OpportunityFactory(
            initiative=InitiativeFactory(area=area),
            audience=Audience.ANYONE,
            opened_by=people["officer"],
        )
        InterestFactory(opportunity=opportunity, person=people["parent"])
    # Each home count includes 1 query for each app's home section ("Your next meetings",
    # "Rate the conditions of success", ...).
    for role, count in [("parent", 18), ("officer", 18)]:
        client.force_login(people[role])
        with django_assert_num_queries(count):
            assert client.get("/").status_code == 200
    # One fewer on the area overview: each person's memberships were cached by the home page.
    for role, count in [("parent", 14), ("officer", 14)]:
        client.force_login(people[role])
        with django_assert_num_queries(count):
            assert client.get("/birmingham/").status_code == 200
