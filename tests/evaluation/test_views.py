"""The dashboard page: every registered provider's figures in order, the period and body
filter, a clear message for a period that is not there, and each figure's CSV download."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.figures import academic_year
from tests.forums.factories import BodyFactory
from tests.people.factories import TermFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(client, area):
    person = member(area, Role.BOARD_MEMBER)
    client.force_login(person)
    return person


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_dashboard_shows_the_current_school_year_by_default(client, board, area):
    page = client.get("/birmingham/dashboard/").content.decode()
    year = academic_year(timezone.localdate())
    assert f'<option value="{year.slug}" selected>' in page
    assert year.label in page


def test_every_figure_of_the_codebase_is_listed_in_the_contents(client, board, area):
    page = client.get("/birmingham/dashboard/").content.decode()
    for slug in (
        "initiatives-co-by-sector",
        "representation-gaps",
        "papers-on-time",
        "consultation-load",
    ):
        assert f'href="#{slug}"' in page
        assert f'id="{slug}"' in page


def test_a_registered_providers_figure_appears_first_with_its_notes_and_csv_link(
    client, board, area, registered_provider
):
    page = client.get("/birmingham/dashboard/").content.decode()
    assert "A test figure" in page
    assert "A note from the test provider." in page
    assert page.index('href="#test-figure"') < page.index('href="#representation-gaps"')
    year = academic_year(timezone.localdate())
    assert f"/birmingham/dashboard/figures/test-figure.csv?period={year.slug}" in page
    assert "fewer than 5" in page


def test_a_body_dashboard_hides_area_only_providers(
    client, board, area, registered_provider, area_only_provider
):
    body = BodyFactory(area=area, name="Objective 3")
    whole = client.get("/birmingham/dashboard/").content.decode()
    assert whole.count("A test figure") >= 2  # both test providers
    for url in (
        f"/birmingham/dashboard/?body={body.pk}",
        f"/birmingham/dashboard/bodies/{body.pk}/",
    ):
        page = client.get(url).content.decode()
        assert "Objective 3" in page
        assert page.count('id="test-figure"') == 1  # the body-level one only
        assert 'id="initiatives-co-by-sector"' not in page
        assert 'id="consultation-load"' not in page
        assert 'id="representation-gaps"' in page
        assert "test-figure.csv?period=" in page
        assert f"body={body.pk}" in page


def test_the_period_filter_offers_the_areas_terms_and_school_years(client, board, area):
    autumn = TermFactory(
        area=area, name="Autumn term 2024", starts_on=date(2024, 9, 3), ends_on=date(2024, 12, 20)
    )
    page = client.get("/birmingham/dashboard/").content.decode()
    assert f'value="term-{autumn.pk}"' in page
    assert 'value="2024-25"' in page
    chosen = client.get(f"/birmingham/dashboard/?period=term-{autumn.pk}").content.decode()
    assert f'<option value="term-{autumn.pk}" selected>' in chosen
    assert "Autumn term 2024" in chosen


def test_an_unknown_period_is_explained_at_the_field_without_figures(client, board, area):
    response = client.get("/birmingham/dashboard/?period=1999-00")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'id="id_period-error"' in page
    assert "Choose a school year or term from the list" in page
    assert 'id="representation-gaps"' not in page


def test_the_figure_period_reaches_the_provider(client, board, area, registered_provider):
    response = client.get("/birmingham/dashboard/figures/test-figure.csv?period=2024-25")
    assert ["Period", "2024-25"] in read_csv(response)


def test_csv_is_exactly_the_figures_headings_and_rows_and_safe_in_a_spreadsheet(
    client, board, area, registered_provider
):
    response = client.get("/birmingham/dashboard/figures/test-figure.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    year = academic_year(timezone.localdate())
    assert response["Content-Disposition"] == (
        f'attachment; filename="birmingham-test-figure-{year.slug}.csv"'
    )
    assert read_csv(response) == [
        ["What", "Value"],
        ["Area", "Birmingham"],
        ["Period", year.slug],
        ["Body", "whole area"],
        ["Small count", "fewer than 5"],
        ["Risky text", '\'=HYPERLINK("http://evil.example")'],
        ["Negative number", "-2"],  # a number, not text: left as it is
    ]


def test_csv_for_a_body(client, board, area, registered_provider):
    body = BodyFactory(area=area, name="Objective 1")
    response = client.get(f"/birmingham/dashboard/figures/test-figure.csv?body={body.pk}")
    assert ["Body", "Objective 1"] in read_csv(response)
    assert f"-body-{body.pk}.csv" in response["Content-Disposition"]


def test_csv_of_an_area_only_figure_for_a_body_is_not_found(client, board, area):
    body = BodyFactory(area=area)
    url = f"/birmingham/dashboard/figures/consultation-load.csv?body={body.pk}"
    assert client.get(url).status_code == 404


def test_csv_of_an_unknown_figure_or_period_is_not_found_with_a_message(client, board, area):
    response = client.get("/birmingham/dashboard/figures/no-such-figure.csv")
    assert response.status_code == 404
    assert "There is no such figure on this dashboard" in response.content.decode()
    response = client.get("/birmingham/dashboard/figures/papers-on-time.csv?period=nonsense")
    assert response.status_code == 404
    assert "There is no such school year or term" in response.content.decode()


def test_the_filter_form_works_without_javascript(client, board, area):
    page = client.get("/birmingham/dashboard/").content.decode()
    assert '<form method="get" action="/birmingham/dashboard/"' in page
    assert 'name="period"' in page
    assert 'name="body"' in page
    assert 'type="submit"' in page


def test_the_body_list_holds_only_this_areas_bodies(client, board, area, other_area):
    BodyFactory(area=area, name="Ours")
    BodyFactory(area=other_area, name="Theirs")
    page = client.get("/birmingham/dashboard/").content.decode()
    assert "Ours" in page
    assert "Theirs" not in page


def test_dates_of_a_term_include_the_holiday_before(client, board, area, registered_provider):
    TermFactory(area=area, name="Summer", starts_on=date(2026, 4, 20), ends_on=date(2026, 7, 22))
    autumn = TermFactory(
        area=area, name="Autumn", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18)
    )
    page = client.get(f"/birmingham/dashboard/?period=term-{autumn.pk}").content.decode()
    first = date(2026, 7, 22) + timedelta(days=1)
    assert f"{first.day} July 2026 to 18 December 2026" in page


def test_an_empty_period_means_the_current_school_year(client, board, area):
    year = academic_year(timezone.localdate())
    page = client.get("/birmingham/dashboard/?period=&body=").content.decode()
    assert f'<option value="{year.slug}" selected>' in page
    assert "There is a problem" not in page


def test_csv_numbers_read_as_on_the_page_whole_numbers_without_a_trailing_zero():
    """Tester: the conditions figures' CSV said "3.0" and "-3.0" where the page says 3 and -3."""
    from decimal import Decimal

    from evaluation.csv_export import figure_csv_lines
    from evaluation.figures import Figure

    figure = Figure(
        slug="numbers",
        title="Numbers",
        headings=("Whole", "Negative", "Decimal", "Money", "Count", "Text"),
        rows=((3.0, -3.0, 2.5, Decimal("4.00"), 7, "-3.0"),),
    )
    text = "".join(figure_csv_lines(figure))
    assert text.splitlines()[1] == "3,-3,2.5,4,7,'-3.0"


def test_the_conditions_gap_csv_has_no_trailing_zeros(client, board, area):
    from tests.conditions.factories import scored_round

    scored_round(area, family=[3] * 5, professionals=[6] * 5)
    response = client.get("/birmingham/dashboard/figures/conditions-by-role-group.csv")
    rows = read_csv(response)
    assert rows[1][1:] == ["3", "6", "-3"]
    page = client.get("/birmingham/dashboard/").content.decode()
    assert ">-3<" in page


def test_people_who_may_ask_for_reports_get_a_link_to_report_these_figures(client, board, area):
    body = BodyFactory(area=area)
    year = academic_year(timezone.localdate())
    page = client.get(f"/{area.slug}/dashboard/bodies/{body.pk}/?period={year.slug}")
    assert "Make a report of these figures" in page.content.decode()
    assert page.context["report_url"] == (
        f"/{area.slug}/reports/new/?kind=inspection_pack&scope=body-{body.pk}&period={year.slug}"
    )


def test_parent_carer_representatives_see_the_dashboard_without_the_report_link(client, area):
    client.force_login(member(area, Role.PARENT_CARER))
    page = client.get(f"/{area.slug}/dashboard/")
    assert page.status_code == 200
    assert "Make a report of these figures" not in page.content.decode()
