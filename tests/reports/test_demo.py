"""The demo data gives Birmingham one ready report of each kind, asked for by
board@example.org, and loading it again adds nothing."""

import pytest
from django.core.management import call_command

from evaluation.reports.models import Report, ReportKind, ReportStatus

pytestmark = pytest.mark.django_db


def test_demo_reports_one_of_each_kind_and_safe_to_load_twice(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    reports = Report.objects.filter(area__slug="birmingham")
    assert sorted(reports.values_list("kind", flat=True)) == sorted(ReportKind.values)
    assert set(reports.values_list("status", flat=True)) == {ReportStatus.READY}
    assert set(reports.values_list("requested_by__email", flat=True)) == {"board@example.org"}
    call_command("seed_demo", verbosity=0)
    assert Report.objects.count() == 3
