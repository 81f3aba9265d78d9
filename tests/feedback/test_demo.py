"""The demo feedback: every state an item can be in, across the three demo areas, and safe to
load twice."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from evaluation.feedback import selectors
from evaluation.feedback.models import FeedbackItem, FeedbackSettings, Visibility

pytestmark = pytest.mark.django_db


def test_demo_feedback_covers_every_state_and_loads_twice(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)
    count = FeedbackItem.objects.count()
    call_command("seed_demo", verbosity=0)
    assert FeedbackItem.objects.count() == count
    today = timezone.localdate()
    for slug in ["birmingham", "leeds", "west-sussex"]:
        items = FeedbackItem.objects.filter(area__slug=slug)
        assert items.filter(response_kind="", due_on__lt=today).exists(), slug  # overdue
        assert items.exclude(leave_out_reason="").exists(), slug
        assert items.filter(duplicate_of__isnull=False).exists(), slug
        area = items.first().area
        last_year = selectors.local_offer_publication(area=area, year=today.year - 1)
        assert last_year["item_count"] >= 3, slug
    assert FeedbackSettings.objects.get(area__slug="birmingham").visibility == Visibility.PUBLIC
    mine = FeedbackItem.objects.filter(said_by__email="parent@example.org")
    assert mine.exclude(response_kind="").count() >= 2
