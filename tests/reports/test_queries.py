"""Report pages run a fixed number of queries whatever the number of reports: pinned at two
sizes. The comment on each says which N+1 it guards against."""

import pytest

from coproduction.people.models import Role
from evaluation.reports.models import Report, ReportKind
from tests.forums.factories import BodyFactory, body_member
from tests.people.factories import member
from tests.queries import assert_page_queries
from tests.reports.factories import ask

pytestmark = pytest.mark.django_db

SIZES = [3, 15]


def many_reports(area, n, *, body=None):
    """`n` versions of one report, each asked for by a different person, plus one per body."""
    for _ in range(n):
        Report.objects.filter(area=area).update(status="ready")
        ask(area, by=member(area, Role.OFFICER), body=body)
        ask(
            area,
            by=member(area, Role.OFFICER),
            kind=ReportKind.SELF_EVALUATION,
            body=BodyFactory(area=area),
        )


def report_list(area, n):
    # guards: one query per report for its requester, body or initiative
    many_reports(area, n)
    return f"/{area.slug}/reports/", member(area, Role.BOARD_MEMBER)


def report_list_for_a_chair(area, n):
    # guards: the chair's bodies looked up once, not per report
    body = BodyFactory(area=area)
    many_reports(area, n, body=body)
    return f"/{area.slug}/reports/", body_member(body, Role.PARENT_CARER, role="chair")


def report_page(area, n):
    # guards: one query per version for its requester
    many_reports(area, n)
    report = Report.objects.filter(area=area, body=None).order_by("-version").first()
    return f"/{area.slug}/reports/{report.pk}/", member(area, Role.BOARD_MEMBER)


PAGES = {
    "report list": (report_list, 7),
    "report list for a chair": (report_list_for_a_chair, 9),
    "report page": (report_page, 7),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", PAGES)
def test_pages_run_a_fixed_number_of_queries(client, area, django_assert_num_queries, page, size):
    assert_page_queries(client, django_assert_num_queries, PAGES, page, area, size)
