"""The reports benchmark (bench/reports.py) at a small size: it makes the report with the
synthetic feedback items and says how long it took."""

import pytest

from evaluation.reports.content import sections
from evaluation.reports.models import Report

pytestmark = pytest.mark.django_db


def test_report_measurement_at_a_small_size(area):
    from bench.reports import SYNTHETIC_SLUG, make_one

    row = make_one(area=area, kind="you_said_we_did", items=5)
    assert row["items"] == 5
    assert row["pages"] >= 1
    assert row["seconds"] > 0
    assert Report.objects.get().status == "ready"
    assert SYNTHETIC_SLUG not in [p.slug for p in sections.ordered("you_said_we_did")]
