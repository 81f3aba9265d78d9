"""The report pages as a board member uses them: ask, see it being made, download, versions;
the form's messages for bad input, with nothing typed lost."""

import re

import pytest

from coproduction.people.models import Role
from evaluation.reports.models import Report, ReportStatus
from tests.forums.factories import BodyFactory
from tests.initiatives.factories import InitiativeFactory
from tests.people.factories import TermFactory, member
from tests.reports.factories import ready

pytestmark = pytest.mark.django_db

OWN_DATES = {
    "period": "custom",
    "period_start_0": "1",
    "period_start_1": "9",
    "period_start_2": "2025",
    "period_end_0": "31",
    "period_end_1": "8",
    "period_end_2": "2026",
}


@pytest.fixture
def board(client, area):
    person = member(area, Role.BOARD_MEMBER, display_name="Priya Shah")
    client.force_login(person)
    return person


def post(client, area, **fields):
    return client.post(f"/{area.slug}/reports/new/", fields)


def test_asking_for_a_report_shows_it_being_made_with_who_asked(client, area, board):
    response = post(client, area, kind="inspection_pack", scope="area", **OWN_DATES)
    report = Report.objects.get()
    assert response.url == report.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert "This report is being made" in page
    assert "Check again" in page
    assert "Priya Shah" in page
    assert report.period_label == "1 September 2025 to 31 August 2026"


def test_asking_twice_back_to_back_makes_one_job(client, area, board):
    # Nothing is made in between (the worker has not run): the second gets the first job.
    first = post(client, area, kind="self_evaluation", scope="area", **OWN_DATES)
    second = post(client, area, kind="self_evaluation", scope="area", **OWN_DATES)
    assert first.url == second.url
    assert Report.objects.count() == 1
    page = client.get(second.url).content.decode()
    assert "already being made" in page


def test_made_on_commit_by_the_worker_then_downloadable(client, area, board, run_on_commit):
    with run_on_commit():
        response = post(client, area, kind="you_said_we_did", scope="area", **OWN_DATES)
    report = Report.objects.get()
    assert report.status == ReportStatus.READY
    page = client.get(response.url).content.decode()
    assert "Download the report (PDF)" in page
    assert f"{report.page_count} page" in page


def test_a_term_and_a_body_can_be_chosen(client, area, board):
    term = TermFactory(area=area, name="Autumn term 2025")
    body = BodyFactory(area=area, name="Objective 3: Working Together Well")
    post(client, area, kind="self_evaluation", scope=f"body-{body.pk}", period=f"term-{term.pk}")
    report = Report.objects.get()
    assert (report.body, report.period_start, report.period_label) == (
        body,
        term.starts_on,
        "Autumn term 2025",
    )


def test_the_local_offer_publication_for_a_school_year(client, area, board):
    form = client.get(f"/{area.slug}/reports/new/").context["form"]
    year = next(key for key, _label in form.fields["period"].choices if key.startswith("year"))
    post(client, area, kind="local_offer", scope="area", period=year)
    report = Report.objects.get()
    assert report.local_offer
    assert report.kind == "you_said_we_did"
    assert report.period_start.month == 9
    assert report.period_start.day == 1


def test_versions_are_listed_on_each_report(client, area, board):
    first = ready(area, by=board)
    second = ready(area, by=board)
    page = client.get(second.get_absolute_url()).content.decode()
    assert "Versions" in page
    assert f"/reports/{first.pk}/" in page
    assert "2 (this one)" in page


def test_the_list_is_newest_first_and_paginated(client, area, board):
    from tests.reports.factories import ask

    reports = [ask(area, kind="self_evaluation")]
    for _ in range(22):
        Report.objects.update(status="ready")  # as if made, so asking again adds a version
        reports.append(ask(area))
    page = client.get(f"/{area.slug}/reports/")
    assert page.context["reports"][0].pk == reports[-1].pk
    assert len(page.context["reports"]) == 20
    assert "Older reports" in page.content.decode()
    assert len(client.get(f"/{area.slug}/reports/?page=2").context["reports"]) == 3


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, "kind", "Choose which report you want"),
        (
            {"kind": "inspection_pack", "scope": "area", "period": "custom"},
            "period_start",
            "Enter the first day",
        ),
        (
            {**OWN_DATES, "kind": "inspection_pack", "scope": "area", "period_end_0": "32"},
            "period_end",
            "The last day must be a real date",
        ),
        (
            {**OWN_DATES, "kind": "inspection_pack", "scope": "area", "period_end_2": "2024"},
            "period_end",
            "The last day must be the same as or after the first day",
        ),
    ],
)
def test_bad_input_is_explained_at_the_field(client, area, board, fields, field, message):
    response = post(client, area, **fields)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert not Report.objects.exists()


def test_an_initiative_cannot_have_an_inspection_pack(client, area, board):
    initiative = InitiativeFactory(area=area)
    response = post(
        client, area, kind="inspection_pack", scope=f"initiative-{initiative.pk}", **OWN_DATES
    )
    assert response.status_code == 200
    assert "ask for “You said, we did”" in response.context["form"].errors["scope"][0]
    # Nothing typed is lost.
    assert response.context["form"]["period_start"].value() == ["1", "9", "2025"]
    assert not Report.objects.exists()


def test_another_areas_body_is_not_offered(client, area, other_area, board):
    theirs = BodyFactory(area=other_area)
    response = post(client, area, kind="self_evaluation", scope=f"body-{theirs.pk}", **OWN_DATES)
    assert "scope" in response.context["form"].errors
    assert not Report.objects.exists()


def test_the_dashboards_link_opens_the_form_with_its_scope_and_period_chosen(client, area):
    from django.utils import timezone

    from evaluation.figures import academic_year

    board = member(area, Role.BOARD_MEMBER)
    body = BodyFactory(area=area)
    client.force_login(board)
    year = academic_year(timezone.localdate())
    page = client.get(
        f"/{area.slug}/reports/new/?kind=inspection_pack&scope=body-{body.pk}&period={year.slug}"
    )
    form = page.context["form"]
    assert form.initial == {
        "kind": "inspection_pack",
        "scope": f"body-{body.pk}",
        "period": f"year-{year.starts_on.year}",
    }
    html = page.content.decode()
    assert f'value="body-{body.pk}" selected' in html
    chosen = re.search(r'<input[^>]*value="year-\d{4}"[^>]*checked[^>]*>', html)
    assert chosen is not None
    assert f'value="year-{year.starts_on.year}"' in chosen.group(0)


def test_a_prefilled_scope_or_period_the_area_does_not_have_is_left_unchosen(
    client, area, other_area
):
    elsewhere = BodyFactory(area=other_area)
    client.force_login(member(area, Role.BOARD_MEMBER))
    page = client.get(
        f"/{area.slug}/reports/new/?kind=nonsense&scope=body-{elsewhere.pk}&period=term-999999"
    )
    assert page.status_code == 200
    assert page.context["form"].initial == {}
