"""What the register, the summary and "Get involved" show, and to whom."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role, Sector
from initiatives import selectors, services
from initiatives.models import Audience, Co, Interest, Publication
from tests.initiatives.factories import (
    InitiativeFactory,
    InterestFactory,
    OpportunityFactory,
    OptionFactory,
    OutcomeFactory,
)
from tests.people.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db


def register(area, *, include_unpublished=False, **filters):
    return list(
        selectors.register_initiatives(
            area=area,
            include_unpublished=include_unpublished,
            filters=selectors.RegisterFilters(**filters),
        )
    )


def test_members_see_published_initiatives_officers_also_drafts(area, other_area):
    published = InitiativeFactory(area=area)
    draft = InitiativeFactory(area=area, publication=Publication.DRAFT)
    archived = InitiativeFactory(area=area, publication=Publication.ARCHIVED)
    InitiativeFactory(area=other_area)
    assert register(area) == [published]
    assert set(register(area, include_unpublished=True)) == {published, draft}
    assert register(area, include_unpublished=True, publications=["archived"]) == [archived]
    # Asking for archived ones without the right to see them changes nothing.
    assert register(area, publications=["archived"]) == [published]


def test_the_register_is_in_code_order_by_co_then_number(area):
    design_10 = InitiativeFactory(area=area, main_co=Co.CO_DESIGN, code_number=10)
    design_9 = InitiativeFactory(area=area, main_co=Co.CO_DESIGN, code_number=9)
    assessment = InitiativeFactory(area=area, main_co=Co.CO_ASSESSMENT, code_number=1)
    commissioning = InitiativeFactory(area=area, main_co=Co.CO_COMMISSIONING, code_number=2)
    assert register(area) == [commissioning, design_9, design_10, assessment]


def test_filters_combine_freely(area):
    council = OrganisationFactory(area=area)
    option = OptionFactory(area=area)
    match = InitiativeFactory(
        area=area,
        main_co=Co.CO_DELIVERY,
        sectors=[Sector.HEALTH, Sector.PARENT_CARERS],
        status="active",
        level="service",
        lead_organisations=[council],
    )
    match.options.set([option])
    InitiativeFactory(area=area, main_co=Co.CO_DELIVERY, sectors=[Sector.EDUCATION])
    InitiativeFactory(area=area, main_co=Co.CO_DESIGN, sectors=[Sector.HEALTH])
    assert register(area, cos=[Co.CO_DELIVERY], sectors=[Sector.HEALTH]) == [match]
    assert register(area, sectors=[Sector.PARENT_CARERS, Sector.YOUNG_PEOPLE]) == [match]
    assert register(
        area,
        cos=[Co.CO_DELIVERY, Co.CO_DESIGN],
        statuses=["active"],
        levels=["service"],
        organisation=council,
        option=option,
    ) == [match]
    assert register(area, statuses=["ended"]) == []


def test_search_covers_title_summary_and_outcomes_and_ranks_title_first(area):
    in_title = InitiativeFactory(area=area, title="Autism training for parents")
    in_summary = InitiativeFactory(
        area=area, main_co=Co.CO_DELIVERY, summary="Workshops on autism in the early years"
    )
    in_outcome = InitiativeFactory(area=area, title="Short breaks")
    OutcomeFactory(initiative=in_outcome, description="Staff understand autism in children")
    InitiativeFactory(area=area, title="Hospital passports")
    services.initiatives_refresh_search(initiative_ids=[in_title.pk, in_summary.pk, in_outcome.pk])
    assert register(area, query="autism") == [in_title, in_summary, in_outcome]
    assert register(area, query="autism", cos=[Co.CO_DESIGN]) == [in_title, in_outcome]
    assert register(area, query='"early years" -parents') == [in_summary]
    assert register(area, query=in_outcome.code) == [in_outcome]
    assert register(area, query="!!! & | ::") == []  # any input is safe to search


def test_counts_by_co_and_by_co_and_sector_are_of_published_initiatives(area):
    InitiativeFactory(area=area, main_co=Co.CO_DESIGN, sectors=[Sector.HEALTH, Sector.EDUCATION])
    InitiativeFactory(area=area, main_co=Co.CO_DESIGN, sectors=[Sector.HEALTH])
    InitiativeFactory(area=area, main_co=Co.CO_DELIVERY, sectors=[Sector.VOLUNTARY])
    InitiativeFactory(area=area, main_co=Co.CO_DESIGN, publication=Publication.DRAFT)
    assert selectors.register_counts_by_co(area=area) == {Co.CO_DESIGN: 2, Co.CO_DELIVERY: 1}
    assert selectors.register_counts_by_co_and_sector(area=area) == {
        (Co.CO_DESIGN, Sector.HEALTH): 2,
        (Co.CO_DESIGN, Sector.EDUCATION): 1,
        (Co.CO_DELIVERY, Sector.VOLUNTARY): 1,
    }


def test_get_involved_lists_open_opportunities_for_the_persons_role(area, other_area):
    parent = member(area, Role.PARENT_CARER)
    young_person = member(area, Role.YOUNG_PERSON)
    initiative = InitiativeFactory(area=area)
    for_parents = OpportunityFactory(initiative=initiative, audience=Audience.PARENT_CARERS)
    for_young = OpportunityFactory(initiative=initiative, audience=Audience.YOUNG_PEOPLE)
    for_anyone = OpportunityFactory(
        initiative=initiative,
        audience=Audience.ANYONE,
        closes_on=timezone.localdate() + timedelta(days=2),
    )
    OpportunityFactory(initiative=initiative, closes_on=timezone.localdate() - timedelta(days=1))
    OpportunityFactory(initiative=initiative, closed_early_at=timezone.now())
    full = OpportunityFactory(initiative=initiative, places=1)
    InterestFactory(opportunity=full, status=Interest.Status.ACCEPTED)
    OpportunityFactory(initiative=InitiativeFactory(area=area, publication=Publication.DRAFT))
    OpportunityFactory(initiative=InitiativeFactory(area=other_area))
    InterestFactory(opportunity=for_parents, person=parent)

    mine = list(selectors.opportunities_open_for(person=parent, area=area))
    assert mine == [for_anyone, for_parents]  # soonest closing first
    assert [o.my_status for o in mine] == [None, Interest.Status.PENDING]
    assert list(selectors.opportunities_open_for(person=young_person)) == [for_anyone, for_young]
    officer = member(area, Role.OFFICER)
    assert list(selectors.opportunities_open_for(person=officer)) == []


def test_interest_waiting_is_the_officers_own_oldest_first(area):
    officer = member(area, Role.OFFICER)
    colleague = member(area, Role.OFFICER)
    mine = OpportunityFactory(initiative=InitiativeFactory(area=area), opened_by=officer)
    theirs = OpportunityFactory(initiative=InitiativeFactory(area=area), opened_by=colleague)
    first = InterestFactory(opportunity=mine)
    second = InterestFactory(opportunity=mine)
    InterestFactory(opportunity=mine, status=Interest.Status.ACCEPTED)
    InterestFactory(opportunity=theirs)
    rows, total = selectors.interests_waiting_for(officer=officer, area_ids=[area.pk], limit=1)
    assert (rows, total) == ([first], 2)
    rows, total = selectors.interests_waiting_for(officer=officer, area_ids=[area.pk])
    assert (rows, total) == ([first, second], 2)
