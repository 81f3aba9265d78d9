"""Every report page against every role, an officer of another area and nobody; then the
body chair's reach (their body's reports only), a body member who does not chair it, and
another area's report id. Downloads are never reachable by anyone not allowed the scope."""

import pytest

from coproduction.people.models import Role
from evaluation.reports.models import ReportKind
from tests.forums.factories import BodyFactory, body_member
from tests.people.factories import member
from tests.permissions import (
    ADMINS,
    EVERYONE,
    FAMILIES,
    OFFICERS,
    assert_matrix_status,
    expect,
    not_found_for,
)
from tests.reports.factories import ask, ready

pytestmark = pytest.mark.django_db

READERS = [*OFFICERS, *ADMINS, Role.BOARD_MEMBER]
R = "/{area}/reports/{report}/"

MATRIX = {
    "reports": ("get", "/{area}/reports/", expect(READERS)),
    "make a report": ("get", "/{area}/reports/new/", expect(READERS)),
    "report": ("get", R, not_found_for(expect(READERS), FAMILIES)),
    "being made": ("get", "/{area}/reports/{waiting}/", not_found_for(expect(READERS), FAMILIES)),
    "download": ("get", R + "download/", not_found_for(expect(READERS), FAMILIES)),
}


def make_records(area) -> dict:
    """One record of every kind this app's pages take an id of, all in `area`."""
    return {
        "area": area.slug,
        "report": ready(area).pk,
        "waiting": ask(area, kind=ReportKind.SELF_EVALUATION).pk,
    }


@pytest.fixture
def records(area):
    return make_records(area)


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


def test_posting_the_form_needs_the_role(client, area):
    client.force_login(member(area, Role.PARENT_CARER))
    response = client.post(f"/{area.slug}/reports/new/", {"kind": "inspection_pack"})
    assert response.status_code == 403


def test_another_areas_report_is_not_found_even_for_its_own_readers(client, area, other_area):
    theirs = ready(other_area)
    client.force_login(member(area, Role.BOARD_MEMBER, Role.AREA_ADMIN))
    for url in (
        f"/{area.slug}/reports/{theirs.pk}/",
        f"/{area.slug}/reports/{theirs.pk}/download/",
    ):
        assert client.get(url).status_code == 404, url
    # ... and through its own area's address they are outsiders.
    assert client.get(f"/{other_area.slug}/reports/{theirs.pk}/download/").status_code == 403


@pytest.fixture
def body_reports(area):
    body = BodyFactory(area=area, name="Objective 3: Working Together Well")
    return {
        "body": body,
        "about_body": ready(area, kind=ReportKind.SELF_EVALUATION, body=body),
        "about_area": ready(area, kind=ReportKind.SELF_EVALUATION),
        "about_other_body": ready(
            area, kind=ReportKind.SELF_EVALUATION, body=BodyFactory(area=area)
        ),
    }


def test_a_parent_carer_chairing_a_body_downloads_its_reports_only(client, area, body_reports):
    chair = body_member(body_reports["body"], Role.PARENT_CARER, role="chair")
    client.force_login(chair)
    listing = client.get(f"/{area.slug}/reports/")
    assert listing.status_code == 200
    assert [r.pk for r in listing.context["reports"]] == [body_reports["about_body"].pk]
    assert "Make a report" not in listing.content.decode()
    mine = body_reports["about_body"]
    assert client.get(f"/{area.slug}/reports/{mine.pk}/download/").status_code == 200
    for name in ("about_area", "about_other_body"):
        report = body_reports[name]
        # reports they may not see are "not found", as a missing id is
        assert client.get(f"/{area.slug}/reports/{report.pk}/download/").status_code == 404, name
    assert client.get(f"/{area.slug}/reports/new/").status_code == 403


def test_a_member_of_the_body_who_does_not_chair_it_cannot_download(client, area, body_reports):
    client.force_login(body_member(body_reports["body"], Role.PARENT_CARER))
    report = body_reports["about_body"]
    assert client.get(f"/{area.slug}/reports/").status_code == 403
    assert client.get(f"/{area.slug}/reports/{report.pk}/download/").status_code == 404


def test_a_report_still_being_made_has_no_download(client, area):
    waiting = ask(area)
    client.force_login(member(area, Role.BOARD_MEMBER))
    assert client.get(f"/{area.slug}/reports/{waiting.pk}/download/").status_code == 404


def test_the_download_is_private_and_never_a_media_address(client, area):
    report = ready(area)
    client.force_login(member(area, Role.OFFICER))
    response = client.get(f"/{area.slug}/reports/{report.pk}/download/")
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]
    page = client.get(report.get_absolute_url()).content.decode()
    assert "/media/" not in page
    assert report.file.name.split("/")[1] not in page
