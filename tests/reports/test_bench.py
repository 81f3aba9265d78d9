"""The reports benchmark (bench/reports.py) at a small size: it makes "You said, we did"
from real published feedback items, through the feedback app's report sections, and says
how long it took and how the time grows."""

import pytest

from bench.reports import PERIODS, growth, make_one, report_items
from evaluation.feedback.models import FeedbackItem
from evaluation.reports.models import Report

pytestmark = pytest.mark.django_db


def test_report_measurement_with_real_feedback_items(area):
    assert report_items(area, published=10, not_published=4) == 14
    assert report_items(area, published=10, not_published=4) == 0  # safe to run twice
    assert FeedbackItem.objects.filter(area=area, published_at__isnull=False).count() == 10
    start, end = PERIODS[1000]
    row = make_one(area=area, kind="you_said_we_did", period_start=start, period_end=end)
    assert row["items"] == 10
    assert row["pages"] >= 1
    assert row["seconds"] > 0
    assert row["cpu_seconds"] > 0
    assert Report.objects.get().status == "ready"


def test_growth_is_given_as_ratios_beside_the_items_ratio():
    small = {"items": 100, "seconds": 1.0, "cpu_seconds": 0.8, "peak_mb": 100, "pages": 15}
    large = {"items": 1000, "seconds": 8.0, "cpu_seconds": 7.2, "peak_mb": 200, "pages": 150}
    assert growth(small, large) == {
        "items_ratio": 10.0,
        "time_ratio": 8.0,
        "cpu_time_ratio": 9.0,
        "memory_ratio": 2.0,
        "pages_ratio": 10.0,
    }
