"""The demo data: two closed conditions rounds per area (one not co-produced), an open
Birmingham round parent@example.org can rate, an action plan with overdue actions owned by
officer@example.org, and this year's activity self-evaluation; seeding twice adds nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from evaluation.conditions.models import ActivityYear, ConditionScore, ConditionsRound, PlanAction
from evaluation.conditions.selectors import _rounds
from evaluation.figures import academic_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)


def test_each_area_has_two_closed_rounds_one_not_co_produced(demo):
    from coproduction.people.models import LocalArea

    today = timezone.localdate()
    for area in LocalArea.objects.filter(slug__in=["birmingham", "leeds", "west-sussex"]):
        closed = [r for r in _rounds(area) if r.is_closed(today)]
        assert len(closed) == 2, area
        assert sorted(r.co_produced for r in closed) == [False, True], area


def test_parent_can_rate_an_open_birmingham_round(client, demo):
    from coproduction.people.models import Person

    parent = Person.objects.get(email="parent@example.org")
    today = timezone.localdate()
    open_round = ConditionsRound.objects.get(
        area__slug="birmingham", closed_at=None, closes_on__gte=today
    )
    client.force_login(parent)
    assert (
        client.get(f"/birmingham/self-evaluation/conditions/{open_round.pk}/rate/").status_code
        == 200
    )


def test_officer_has_overdue_actions_and_this_year_is_open(client, demo):
    today = timezone.localdate()
    overdue = PlanAction.objects.filter(
        area__slug="birmingham", owner__email="officer@example.org", due_on__lt=today
    ).exclude(status="done")
    assert overdue.count() >= 2
    year = ActivityYear.objects.get(
        area__slug="birmingham", starts_on=academic_year(today).starts_on
    )
    assert year.activities.count() == 3


def test_seeding_twice_adds_nothing(demo):
    counts = (
        ConditionsRound.objects.count(),
        ConditionScore.objects.count(),
        PlanAction.objects.count(),
    )
    call_command("seed_demo", verbosity=0)
    assert (
        ConditionsRound.objects.count(),
        ConditionScore.objects.count(),
        PlanAction.objects.count(),
    ) == counts
