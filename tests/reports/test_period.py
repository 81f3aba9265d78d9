"""The period of a report: one that starts after today is refused at its field (there is
nothing to report yet), and the period is shown once when its label is only its dates."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.figures import academic_year
from evaluation.reports.models import Report, ReportKind
from evaluation.reports.services import report_request
from tests.people.factories import member
from tests.reports.factories import ask

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def own_dates(start: date, end: date) -> dict:
    return {
        "period": "custom",
        "period_start_0": str(start.day),
        "period_start_1": str(start.month),
        "period_start_2": str(start.year),
        "period_end_0": str(end.day),
        "period_end_1": str(end.month),
        "period_end_2": str(end.year),
    }


@pytest.fixture
def board(client, area):
    person = member(area, Role.BOARD_MEMBER)
    client.force_login(person)
    return person


def test_a_period_in_the_future_is_refused_at_the_first_day(client, area, board):
    # The tester's case: 1 January to 31 December 2028.
    start, end = date(TODAY.year + 2, 1, 1), date(TODAY.year + 2, 12, 31)
    response = client.post(
        f"/{area.slug}/reports/new/",
        {"kind": "inspection_pack", "scope": "area", **own_dates(start, end)},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "a report can only cover a period that has started" in " ".join(errors["period_start"])
    page = response.content.decode()
    assert 'href="#id_period_start' in page  # the error summary links to the field
    assert f'value="{start.year}"' in page  # nothing typed is lost
    assert not Report.objects.exists()


def test_a_period_that_starts_tomorrow_is_refused_but_one_that_started_today_is_made(
    client, area, board
):
    tomorrow = TODAY + timedelta(days=1)
    response = client.post(
        f"/{area.slug}/reports/new/",
        {"kind": "inspection_pack", "scope": "area", **own_dates(tomorrow, tomorrow)},
    )
    assert response.status_code == 200
    response = client.post(
        f"/{area.slug}/reports/new/",
        {"kind": "inspection_pack", "scope": "area", **own_dates(TODAY, TODAY)},
    )
    assert response.status_code == 302


def test_the_service_refuses_a_future_period_at_the_first_day(area):
    start = TODAY + timedelta(days=30)
    with pytest.raises(ValidationError) as error:
        report_request(
            area=area,
            by=None,
            kind=ReportKind.INSPECTION_PACK,
            period_start=start,
            period_end=start + timedelta(days=30),
            period_label="Next month",
            queue=False,
        )
    assert "period_start" in error.value.message_dict


def test_your_own_dates_are_shown_once(client, area, board):
    start, end = date(TODAY.year - 2, 1, 1), date(TODAY.year - 2, 12, 31)
    response = client.post(
        f"/{area.slug}/reports/new/",
        {"kind": "inspection_pack", "scope": "area", **own_dates(start, end)},
    )
    page = client.get(response.url).content.decode()
    dates = f"1 January {start.year} to 31 December {start.year}"
    assert page.count(dates) == 1
    assert f"({dates})" not in page


def test_a_named_period_shows_its_name_and_its_dates(client, area, board):
    year = academic_year(date(TODAY.year - 1, 10, 1))
    report = ask(area, period=year)
    page = client.get(report.get_absolute_url()).content.decode()
    dates = f"{year.starts_on:%-d %B %Y} to {year.ends_on:%-d %B %Y}"
    assert f"{year.label} ({dates})" in page
