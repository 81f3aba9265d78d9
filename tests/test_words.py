"""Counts read as English: "1 initiative", "2 initiatives", never "1 initiatives"."""

import pytest

from coproduction.people.models import Role, Sector
from tests.forums.factories import BodyFactory
from tests.initiatives.factories import InitiativeFactory
from tests.initiatives.test_views import page_text
from tests.people.factories import member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("health_initiatives", "link"),
    [
        (1, "Download this initiative as a CSV file"),
        (2, "Download these 2 initiatives as a CSV file"),
    ],
)
def test_the_download_link_of_a_filtered_register_counts_in_english(
    client, area, health_initiatives, link
):
    InitiativeFactory.create_batch(health_initiatives, area=area, sectors=[Sector.HEALTH])
    InitiativeFactory(area=area, sectors=[Sector.EDUCATION])
    client.force_login(member(area, Role.PARENT_CARER))
    text = page_text(client.get("/birmingham/initiatives/?sector=health"))
    assert link in text
    assert "1 initiatives" not in text


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, '1<span class="govuk-visually-hidden"> co-design initiative</span>'),
        (2, '2<span class="govuk-visually-hidden"> co-design initiatives</span>'),
    ],
)
def test_the_summary_names_its_counts_in_english_for_screen_readers(client, area, count, words):
    InitiativeFactory.create_batch(count, area=area)
    client.force_login(member(area, Role.OFFICER))
    assert words in page_text(client.get("/birmingham/initiatives/summary/"))


@pytest.mark.parametrize(("limit", "words"), [(1, "1 request a term"), (6, "6 requests a term")])
def test_the_consultation_page_states_the_limit_in_english(client, area, limit, words):
    area.group_requests_per_term = limit
    area.save()
    client.force_login(member(area, Role.OFFICER))
    assert words in page_text(client.get("/birmingham/consultation/"))


@pytest.mark.parametrize(("hours", "words"), [(1, "About 1 hour a term"), (3, "About 3 hours")])
def test_the_time_a_work_stream_asks_reads_in_english(client, area, hours, words):
    body = BodyFactory(area=area, open_to_requests=True, hours_per_term=hours)
    client.force_login(member(area, Role.PARENT_CARER))
    assert words in page_text(client.get(f"/birmingham/governance/{body.pk}/"))
