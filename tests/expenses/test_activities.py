"""What a person can claim for comes from the apps through the registry's claimable
activity sources: meetings they were recorded present at (forums.meetings) and opportunities
they were accepted for (initiatives), never someone else's."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduction.people.models import Role
from coproduction.registry import registry
from forums.expenses import selectors
from forums.expenses.services import claims as services
from initiatives.models import Interest
from tests.expenses.factories import attended, signed_agreement
from tests.initiatives.factories import InitiativeFactory, InterestFactory, OpportunityFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def accepted(area, person, days_ago=7, status=Interest.Status.ACCEPTED):
    opportunity = OpportunityFactory(initiative=InitiativeFactory(area=area))
    return InterestFactory(
        opportunity=opportunity,
        person=person,
        status=status,
        responded_at=timezone.now() - timedelta(days=days_ago),
    )


def test_accepted_opportunities_and_attended_meetings_can_be_claimed_for(area):
    person = member(area, Role.PARENT_CARER)
    interest = accepted(area, person)
    accepted(area, person, status=Interest.Status.PENDING)
    accepted(area, member(area, Role.PARENT_CARER))
    meeting = attended(person, area, days_ago=3)
    attended(person, area, status="absent")
    keys = [a.key for a in selectors.activities_to_claim(person=person, area=area)]
    assert keys == [f"meetings:{meeting.pk}", f"opportunities:{interest.pk}"]


def test_a_claim_for_an_accepted_opportunity_uses_the_day_it_was_accepted(area):
    signed_agreement(area)
    person = member(area, Role.PARENT_CARER)
    interest = accepted(area, person, days_ago=7)
    made = services.claim_submit(
        area=area,
        claimant=person,
        submitted_by=person,
        activity_key=f"opportunities:{interest.pk}",
        details=services.ClaimDetails(fares=Decimal("2.50")),
    )
    assert made.activity_on == timezone.localdate(interest.responded_at)
    assert interest.opportunity.title in made.activity_title
    assert selectors.activities_to_claim(person=person, area=area) == []


def test_unknown_or_someone_elses_activity_keys_find_nothing(area):
    signed_agreement(area)
    person = member(area, Role.PARENT_CARER)
    someone_elses = accepted(area, member(area, Role.PARENT_CARER))
    for key in ("", "meetings", "nowhere:1", "meetings:abc", f"opportunities:{someone_elses.pk}"):
        assert registry.claimable_activity(person, area, key) is None
        with pytest.raises(ValidationError):
            services.claim_submit(
                area=area,
                claimant=person,
                submitted_by=person,
                activity_key=key,
                details=services.ClaimDetails(fares=Decimal("1")),
            )


def test_another_areas_meeting_is_not_offered(area, other_area):
    person = member(area, Role.PARENT_CARER)
    attended(person, other_area)
    assert selectors.activities_to_claim(person=person, area=area) == []
