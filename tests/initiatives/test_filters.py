"""The register's search and filters (django-filter) as people meet them in the address."""

import html
import re

import pytest

from coproduction.people.models import Role, Sector
from initiatives import services
from tests.initiatives.factories import InitiativeFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def test_a_search_over_200_characters_is_refused_at_the_search_field(client, area):
    InitiativeFactory(area=area, title="Short breaks review")
    InitiativeFactory(area=area, title="Transitions to adult services")
    client.force_login(member(area, Role.PARENT_CARER))
    response = client.get("/birmingham/initiatives/?q=" + "respite " * 30)
    assert response.status_code == 200
    page = page_text(response)
    message = "Enter a search of 200 characters or fewer. We have shown the register without it."
    # In the error summary, linked to the field, and at the field itself.
    assert f'<a href="#id_q">{message}</a>' in page
    assert (
        f'class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {message}'
        in page
    )
    assert "<title>Error: " in page
    assert "2 initiatives" in page
    assert "Short breaks review" in page


def test_a_search_of_200_characters_searches(client, area):
    initiative = InitiativeFactory(area=area, title="Short breaks review")
    services.initiatives_refresh_search(initiative_ids=[initiative.pk])
    client.force_login(member(area, Role.PARENT_CARER))
    query = "short" + " " * 189 + "breaks"
    assert len(query) == 200
    page = page_text(client.get("/birmingham/initiatives/", {"q": query}))
    assert "govuk-error-message" not in page
    assert "1 initiative matches your search" in page


def test_other_invalid_parts_of_the_address_are_ignored_without_an_error(client, area):
    InitiativeFactory(area=area, title="Health work", sectors=[Sector.HEALTH])
    InitiativeFactory(area=area, title="School work", sectors=[Sector.EDUCATION])
    client.force_login(member(area, Role.PARENT_CARER))
    page = page_text(client.get("/birmingham/initiatives/?sector=health&co=nonsense&option=9"))
    assert "govuk-error-summary" not in page
    assert "<title>Error: " not in page
    assert "Health work" in page
    assert "School work" not in page
