"""The demo data lets the done-when be walked: Birmingham's signed agreement with its rates,
claims in every state, and a meeting parent@example.org attended with nothing claimed yet."""

import pytest

from coproduction.people.models import LocalArea, Person
from coproduction.registry import registry
from forums.expenses import selectors
from forums.expenses.models import Claim, ClaimStatus

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
