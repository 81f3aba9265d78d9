"""The dashboard, a figure's CSV and the side-by-side view run a fixed number of queries
whatever the amount of data: pinned at two sizes. Each figure aggregates in SQL; the comment
on each builder says which N+1 it guards against."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from coproduction.consultation.models import ConsultationRequest
from coproduction.people.models import AreaMembership, Role, Sector
from initiatives.models import Co
from tests.forums.factories import BodyFactory, ParticipationGroupFactory, body_member
from tests.initiatives.factories import InitiativeFactory
from tests.meetings.factories import MeetingFactory
from tests.people.factories import TermFactory, member

pytestmark = pytest.mark.django_db

SIZES = [2, 8]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def data(area, n):
    """n of everything the figures count: initiatives, bodies with members and meetings,
    terms, groups and people with consultation requests."""
    # guards: one query per initiative, per body for its seats or meetings, per term for its
    # load, per group or person for their requests
    today = timezone.localdate()
    for index in range(n):
        TermFactory(
            area=area,
            name=f"Term {index}",
            starts_on=today - timedelta(days=60 * (index + 1)),
            ends_on=today - timedelta(days=60 * index + 1),
        )
        InitiativeFactory(area=area, main_co=list(Co)[index % 4], sectors=[Sector.HEALTH])
        body = BodyFactory(area=area)
        body_member(body, Role.PARENT_CARER)
        body_member(body, Role.OFFICER, role="chair")
        MeetingFactory(body=body, starts_at=timezone.now() + timedelta(days=index + 1))
        group = ParticipationGroupFactory(area=area)
        person = member(area, Role.PARENT_CARER)
        for who in ({"group": group}, {"person": person}):
            ConsultationRequest.objects.create(
                area=area,
                kind="survey",
                title="Survey",
                asked_on=today - timedelta(days=3),
                hours_asked=Decimal(1),
                **who,
            )
    return body


def area_dashboard(area, n):
    data(area, n)
    return "/birmingham/dashboard/"


def body_dashboard(area, n):
    body = data(area, n)
    return f"/birmingham/dashboard/bodies/{body.pk}/"


def figure_csv(area, n):
    data(area, n)
    return "/birmingham/dashboard/figures/consultation-load.csv"


PAGES = {
    "area dashboard": (area_dashboard, 33),
    "body dashboard": (body_dashboard, 20),
    "figure CSV": (figure_csv, 32),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", PAGES)
def test_pages_run_a_fixed_number_of_queries(client, area, django_assert_num_queries, page, size):
    build, expected = PAGES[page]
    url = build(area, size)
    client.force_login(member(area, Role.BOARD_MEMBER))
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_side_by_side_runs_a_fixed_number_of_queries(
    client, area, other_area, django_assert_num_queries, size
):
    # guards: per area for anything beyond its providers' measures
    data(area, size)
    data(other_area, size)
    person = member(area, Role.BOARD_MEMBER)
    AreaMembership.objects.create(person=person, area=other_area, roles=[Role.OFFICER])
    client.force_login(person)
    with django_assert_num_queries(44):
        assert client.get("/dashboard/areas/").status_code == 200


def test_a_term_period_reads_no_more(client, area, django_assert_num_queries):
    data(area, 3)
    term = area.terms.order_by("starts_on").first()
    client.force_login(member(area, Role.BOARD_MEMBER))
    # one fewer than the year: no meeting in that term, so no papers emails to look up
    with django_assert_num_queries(32):
        assert client.get(f"/birmingham/dashboard/?period=term-{term.pk}").status_code == 200
