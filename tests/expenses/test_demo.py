"""The demo data lets the done-when be walked: Birmingham's signed agreement with its rates,
claims in every state, and a meeting parent@example.org attended with nothing claimed yet."""

import pytest
from django.utils import timezone

from coproduction.people.models import LocalArea, Person
from coproduction.registry import registry
from forums.expenses import selectors
from forums.expenses.models import Claim, ClaimStatus, ClaimStep

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_demo_has_claims_in_every_state_and_a_meeting_to_claim_for():
    for loader in registry.demo_loaders_in_order():
        loader.load()
    for loader in registry.demo_loaders_in_order():
        loader.load()  # safe to run twice
    area = LocalArea.objects.get(slug="birmingham")
    parent = Person.objects.get(email="parent@example.org")
    states = set(Claim.objects.filter(area=area).values_list("status", flat=True))
    assert states == set(ClaimStatus.values)
    mine = Claim.objects.filter(claimant=parent)
    assert {c.status for c in mine} == {ClaimStatus.PAID, ClaimStatus.SUBMITTED}
    assert selectors.activities_to_claim(person=parent, area=area)
    assert selectors.agreement_in_force(area=area, day=mine.first().activity_on) is not None


def test_demo_claims_have_histories_that_could_happen():
    """Sent, then approved, then paid: never paid before it was approved (the finance file
    showed EXP-00001 approved on the day of the demo and paid 20 days before)."""
    for loader in registry.demo_loaders_in_order():
        loader.load()
    claims = Claim.objects.filter(area__slug="birmingham").prefetch_related("steps")
    assert claims.filter(status=ClaimStatus.PAID).exists()
    for made in claims:
        assert made.activity_on <= timezone.localdate(made.first_submitted_at)
        if made.decided_at:
            assert made.first_submitted_at <= made.decided_at
        if made.paid_on:
            assert timezone.localdate(made.decided_at) <= made.paid_on
        steps = sorted(made.steps.all(), key=lambda step: step.at)
        kinds = [step.kind for step in steps]
        assert kinds[0] == ClaimStep.Kind.SUBMITTED
        if ClaimStep.Kind.PAID in kinds:
            assert kinds.index(ClaimStep.Kind.APPROVED) < kinds.index(ClaimStep.Kind.PAID)
            assert steps[-1].at.date() <= timezone.localdate()
