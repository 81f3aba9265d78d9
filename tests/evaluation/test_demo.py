"""On the demo data board@example.org reads every figure of Birmingham's dashboard with its
table (the figures use the demo's initiatives, bodies, meetings and consultation requests)."""

import pytest
from django.core.management import call_command

from coproduction.people.models import Person

pytestmark = pytest.mark.django_db

FIGURES = [
    "initiatives-co-by-sector",
    "representation-gaps",
    "papers-on-time",
    "consultation-load",
]


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)


def test_board_member_reads_birminghams_dashboard_with_every_figure(client, demo):
    client.force_login(Person.objects.get(email="board@example.org"))
    response = client.get("/birmingham/dashboard/")
    assert response.status_code == 200
    page = response.content.decode()
    for slug in FIGURES:
        section = page[page.index(f'id="{slug}"') :].split("</section>")[0]
        assert "govuk-table" in section, f"{slug} has no table on the demo data"
        assert f"/birmingham/dashboard/figures/{slug}.csv" in section
    assert "Nothing to show for this period" not in page


def test_board_member_downloads_a_demo_figure(client, demo):
    client.force_login(Person.objects.get(email="board@example.org"))
    response = client.get("/birmingham/dashboard/figures/initiatives-co-by-sector.csv")
    assert response.status_code == 200
    assert "Co-design" in response.content.decode()
