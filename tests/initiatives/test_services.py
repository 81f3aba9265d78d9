"""Rules of the initiatives services: codes, validation, history, options, outcomes,
contacts, opportunities and the interest flow with its emails."""

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from coproduction.consultation.models import ConsultationRequest, RequestKind
from coproduction.people.models import Role, Sector
from initiatives import selectors, services
from initiatives.models import (
    Audience,
    Co,
    FundingKind,
    Initiative,
    InitiativeChange,
    InitiativeStatus,
    Interest,
    Opportunity,
    Publication,
)
from tests.initiatives.factories import (
    InitiativeFactory,
    InterestFactory,
    OpportunityFactory,
    OptionFactory,
    OutcomeFactory,
)
from tests.people.factories import LocalAreaFactory, OrganisationFactory, member

pytestmark = pytest.mark.django_db


def details(**changes) -> services.InitiativeDetails:
    values = {
        "title": "Short breaks review",
        "main_co": Co.CO_DESIGN,
        "cos": [Co.CO_DESIGN],
        "sectors": [Sector.SOCIAL_CARE],
        "level": "service",
        "status": InitiativeStatus.ACTIVE,
    }
    values.update(changes)
    return services.InitiativeDetails(**values)


def register(area, officer, **changes) -> Initiative:
    return services.initiative_register(area=area, by=officer, details=details(**changes))


def error_fields(error: ValidationError) -> dict:
    return {field: " ".join(messages) for field, messages in error.value.message_dict.items()}


# Codes ---------------------------------------------------------------------------------------


def test_codes_count_up_per_area_and_main_co(area, other_area):
    officer = member(area, Role.OFFICER)
    leeds_officer = member(other_area, Role.OFFICER)
    first = register(area, officer, title="One")
    second = register(area, officer, title="Two")
    commissioning = register(
        area, officer, title="Three", main_co=Co.CO_COMMISSIONING, cos=[Co.CO_COMMISSIONING]
    )
    leeds = register(other_area, leeds_officer, title="One")
    assert [first.code, second.code, commissioning.code] == ["CoDesign1", "CoDesign2", "CoComm1"]
    assert leeds.code == "CoDesign1"


def test_a_new_initiative_is_a_draft_with_its_registration_in_the_history(area):
    officer = member(area, Role.OFFICER)
    initiative = register(area, officer)
    assert initiative.publication == Publication.DRAFT
    change = initiative.changes.get()
    assert (change.action, change.changed_by) == (InitiativeChange.Action.REGISTERED, officer)


def test_a_rejected_registration_does_not_use_up_a_code(area):
    officer = member(area, Role.OFFICER)
    with pytest.raises(ValidationError):
        register(area, officer, start_date=date(2027, 1, 2), end_date=date(2027, 1, 1))
    assert register(area, officer).code == "CoDesign1"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("registered_before", [0, 1])
def test_two_officers_registering_at_once_get_different_codes(registered_before):
    """Two connections register in the same area at the same moment: the counter row lock
    makes one wait for the other, so the codes differ and both are saved. With nothing
    registered before, the two also race to create the counter row."""
    area = LocalAreaFactory(slug="birmingham", name="Birmingham")
    officers = [member(area, Role.OFFICER), member(area, Role.OFFICER)]
    for n in range(registered_before):
        register(area, officers[0], title=f"Earlier {n}")
    start = threading.Barrier(2)
    codes, failures = [], []

    def register_as(officer, title):
        try:
            start.wait(timeout=10)
            codes.append(register(area, officer, title=title).code)
        except Exception as error:  # noqa: BLE001 (reported below)
            failures.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=register_as, args=(officer, f"Work {n}"))
        for n, officer in enumerate(officers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not failures
    expected = [f"CoDesign{registered_before + 1}", f"CoDesign{registered_before + 2}"]
    assert sorted(codes) == expected
    assert Initiative.objects.filter(area=area).count() == registered_before + 2


# Validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"start_date": date(2027, 3, 1), "end_date": date(2027, 2, 1)},
            "end_date",
            "same as or after the start date",
        ),
        ({"funding_amount": Decimal("-5")}, "funding_amount", "£0 or more"),
        (
            {"main_co": Co.CO_DELIVERY, "cos": [Co.CO_DESIGN]},
            "main_co",
            "must be one of the Co's",
        ),
        ({"funding_kind": FundingKind.TIME_LIMITED}, "funding_ends_on", "time-limited funding"),
        (
            {"funding_kind": FundingKind.RECURRING, "funding_ends_on": date(2027, 1, 1)},
            "funding_ends_on",
            "Recurring funding has no end date",
        ),
        ({"status": InitiativeStatus.ENDED}, "end_date", "Enter the date the initiative ended"),
        ({"sectors": []}, "sectors", "cannot be blank"),
    ],
)
def test_each_rule_is_reported_at_its_field_and_nothing_is_saved(area, changes, field, message):
    officer = member(area, Role.OFFICER)
    with pytest.raises(ValidationError) as error:
        register(area, officer, **changes)
    assert message in error_fields(error)[field]
    assert not Initiative.objects.exists()


def test_a_duplicate_title_in_the_area_is_a_warning_that_can_be_confirmed(area, other_area):
    officer = member(area, Role.OFFICER)
    first = register(area, officer, title="Parent surveys")
    with pytest.raises(ValidationError) as error:
        register(area, officer, title="  parent   SURVEYS ")
    assert error.value.error_dict["title"][0].code == "duplicate_title"
    assert first.code in error_fields(error)["title"]
    second = services.initiative_register(
        area=area, by=officer, details=details(title="Parent surveys"), allow_duplicate_title=True
    )
    assert second.code != first.code
    # Another area's titles are not duplicates.
    InitiativeFactory(area=other_area, title="Local Offer website")
    register(area, officer, title="Local Offer website")


def test_lead_organisations_must_belong_to_the_area(area, other_area):
    officer = member(area, Role.OFFICER)
    elsewhere = OrganisationFactory(area=other_area)
    with pytest.raises(ValidationError) as error:
        register(area, officer, lead_organisations=[elsewhere])
    assert "lead_organisations" in error_fields(error)


# Changes and history -------------------------------------------------------------------------


def test_changing_details_writes_one_history_line_per_field(area):
    officer = member(area, Role.OFFICER)
    council = OrganisationFactory(area=area, name="Birmingham City Council")
    initiative = register(area, officer)
    services.initiative_update(
        initiative=initiative,
        by=officer,
        details=details(
            title="Short breaks co-design",
            funding_amount=Decimal("12500"),
            lead_organisations=[council],
        ),
    )
    changes = {
        c.field: (c.old_value, c.new_value)
        for c in initiative.changes.filter(action=InitiativeChange.Action.CHANGED)
    }
    assert changes == {
        "Title": ("Short breaks review", "Short breaks co-design"),
        "Funding amount": ("", "£12,500.00"),
        "Lead organisations": ("", "Birmingham City Council"),
    }
    initiative.refresh_from_db()
    assert initiative.code == "CoDesign1"


def test_changing_the_main_co_keeps_the_code(area):
    officer = member(area, Role.OFFICER)
    initiative = register(area, officer)
    services.initiative_update(
        initiative=initiative,
        by=officer,
        details=details(main_co=Co.CO_DELIVERY, cos=[Co.CO_DELIVERY, Co.CO_DESIGN]),
    )
    initiative.refresh_from_db()
    assert (initiative.code, initiative.main_co) == ("CoDesign1", Co.CO_DELIVERY)
    assert initiative.cos == [Co.CO_DESIGN, Co.CO_DELIVERY]


def test_publish_archive_and_restore_are_recorded_and_safe_to_repeat(area):
    officer = member(area, Role.OFFICER)
    initiative = register(area, officer)
    services.initiative_publish(initiative=initiative, by=officer)
    services.initiative_publish(initiative=initiative, by=officer)
    services.initiative_archive(initiative=initiative, by=officer)
    services.initiative_restore(initiative=initiative, by=officer)
    actions = list(initiative.changes.order_by("pk").values_list("action", flat=True))
    assert actions == ["registered", "published", "archived", "restored"]
    initiative.refresh_from_db()
    assert initiative.publication == Publication.PUBLISHED


def test_change_status_needs_an_end_date_to_end(area):
    officer = member(area, Role.OFFICER)
    initiative = register(area, officer)
    with pytest.raises(ValidationError) as error:
        services.initiative_change_status(
            initiative=initiative, by=officer, status="ended", start_date=None, end_date=None
        )
    assert "end_date" in error_fields(error)
    services.initiative_change_status(
        initiative=initiative,
        by=officer,
        status="ended",
        start_date=date(2025, 1, 6),
        end_date=date(2026, 7, 31),
    )
    assert set(initiative.changes.values_list("field", flat=True)) >= {
        "Status",
        "Start date",
        "End date",
    }


def test_options_link_only_to_the_areas_options(area, other_area):
    officer = member(area, Role.OFFICER)
    initiative = register(area, officer)
    mine = OptionFactory(area=area)
    theirs = OptionFactory(area=other_area)
    with pytest.raises(ValidationError):
        services.initiative_set_options(initiative=initiative, by=officer, options=[theirs])
    services.initiative_set_options(initiative=initiative, by=officer, options=[mine])
    assert list(initiative.options.all()) == [mine]
    assert initiative.changes.filter(field="Options").count() == 1
    services.initiative_set_options(initiative=initiative, by=officer, options=[mine])
    assert initiative.changes.filter(field="Options").count() == 1


def test_outcomes_are_searchable_and_their_changes_recorded(area):
    officer = member(area, Role.OFFICER)
    initiative = register(area, officer)
    services.initiative_publish(initiative=initiative, by=officer)
    outcome = services.outcome_add(
        initiative=initiative,
        by=officer,
        description="Fewer families wait for an assessment",
        indicators="Waiting times for speech therapy",
        timescale="By 2027",
        responsible="Therapy lead",
    )

    def found(words):
        return list(
            selectors.register_initiatives(
                area=area,
                include_unpublished=False,
                filters=selectors.RegisterFilters(query=words),
            )
        )

    assert found("speech waits") == [initiative]  # English stemming: waits, waiting
    services.outcome_update(outcome=outcome, by=officer, description="Shorter waits")
    assert found("speech therapy") == []
    services.outcome_remove(outcome=outcome, by=officer)
    actions = set(initiative.changes.values_list("action", flat=True))
    assert {"outcome_added", "outcome_changed", "outcome_removed"} <= actions


def test_a_contact_is_a_member_of_the_area_or_a_named_outsider(area, other_area):
    officer = member(area, Role.OFFICER)
    stranger = member(other_area, Role.OFFICER)
    initiative = register(area, officer)
    with pytest.raises(ValidationError):
        services.contact_add(initiative=initiative, by=officer)
    with pytest.raises(ValidationError):
        services.contact_add(initiative=initiative, by=officer, person=stranger)
    with pytest.raises(ValidationError):
        services.contact_add(initiative=initiative, by=officer, person=officer, name="Also")
    services.contact_add(initiative=initiative, by=officer, person=officer, role="Lead")
    with pytest.raises(ValidationError, match="already a contact"):
        services.contact_add(initiative=initiative, by=officer, person=officer)
    outsider = services.contact_add(
        initiative=initiative, by=officer, name="Sam Jones", role="Forum chair"
    )
    services.contact_remove(contact=outsider, by=officer)
    assert initiative.contacts.count() == 1


# Opportunities and interest ------------------------------------------------------------------


def opportunity_details(**changes) -> services.OpportunityDetails:
    values = {
        "title": "Join the short breaks group",
        "kind": Opportunity.Kind.WORK_STREAM,
        "description": "Help plan short breaks.",
        "audience": Audience.PARENT_CARERS,
        "time_asked": "Monthly meetings",
        "hours_asked": Decimal("12"),
        "closes_on": timezone.localdate() + timedelta(days=14),
    }
    values.update(changes)
    return services.OpportunityDetails(**values)


def test_an_opportunity_cannot_close_in_the_past(area):
    officer = member(area, Role.OFFICER)
    initiative = InitiativeFactory(area=area)
    with pytest.raises(ValidationError) as error:
        services.opportunity_open(
            initiative=initiative,
            by=officer,
            details=opportunity_details(closes_on=timezone.localdate() - timedelta(days=1)),
        )
    assert "today or in the future" in error_fields(error)["closes_on"]
    assert not Opportunity.objects.exists()


def test_interest_flow_emails_both_sides(area, run_on_commit):
    officer = member(area, Role.OFFICER, email="officer@example.org")
    parent = member(area, Role.PARENT_CARER, email="parent@example.org")
    initiative = InitiativeFactory(area=area)
    with run_on_commit():
        opportunity = services.opportunity_open(
            initiative=initiative, by=officer, details=opportunity_details(places=3)
        )
        interest = services.interest_express(
            opportunity=opportunity, person=parent, message="Mornings suit me."
        )
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (
            ["officer@example.org"],
            f"{parent.display_name} is interested in Join the short breaks group",
        ),
        (["parent@example.org"], "You are interested in Join the short breaks group"),
    ]
    assert "Mornings suit me." in mail.outbox[0].body
    mail.outbox.clear()
    with run_on_commit():
        services.interest_accept(
            interest=interest, by=officer, message="See you on 3 March at the library."
        )
    assert [m.to for m in mail.outbox] == [["parent@example.org"]]
    assert "See you on 3 March at the library." in mail.outbox[0].body
    interest.refresh_from_db()
    assert (interest.status, interest.responded_by) == (Interest.Status.ACCEPTED, officer)


def test_interest_is_expressed_once(area):
    parent = member(area, Role.PARENT_CARER)
    opportunity = OpportunityFactory(initiative=InitiativeFactory(area=area))
    services.interest_express(opportunity=opportunity, person=parent)
    with pytest.raises(ValidationError, match="already said"):
        services.interest_express(opportunity=opportunity, person=parent)
    assert Interest.objects.count() == 1


def test_withdrawn_interest_can_be_expressed_again(area, run_on_commit):
    officer = member(area, Role.OFFICER, email="officer@example.org")
    parent = member(area, Role.PARENT_CARER)
    opportunity = OpportunityFactory(initiative=InitiativeFactory(area=area), opened_by=officer)
    interest = services.interest_express(opportunity=opportunity, person=parent)
    with run_on_commit():
        services.interest_withdraw(interest=interest, by=parent)
    assert "has withdrawn" in mail.outbox[-1].subject
    services.interest_withdraw(interest=interest, by=parent)  # safe to repeat
    again = services.interest_express(opportunity=opportunity, person=parent, message="Back")
    assert (again.pk, again.status) == (interest.pk, Interest.Status.PENDING)


def test_no_new_interest_after_the_closing_date_or_when_closed_early(area):
    parent = member(area, Role.PARENT_CARER)
    initiative = InitiativeFactory(area=area)
    past = OpportunityFactory(
        initiative=initiative, closes_on=timezone.localdate() - timedelta(days=1)
    )
    closed = OpportunityFactory(initiative=initiative, closed_early_at=timezone.now())
    today = OpportunityFactory(initiative=initiative, closes_on=timezone.localdate())
    for opportunity in (past, closed):
        with pytest.raises(ValidationError, match="has closed"):
            services.interest_express(opportunity=opportunity, person=parent)
    services.interest_express(opportunity=today, person=parent)  # open all of its last day


def test_no_new_interest_when_every_place_is_taken(area):
    officer = member(area, Role.OFFICER)
    parent = member(area, Role.PARENT_CARER)
    opportunity = OpportunityFactory(initiative=InitiativeFactory(area=area), places=1)
    InterestFactory(opportunity=opportunity, status=Interest.Status.ACCEPTED)
    with pytest.raises(ValidationError, match="Every place has been taken"):
        services.interest_express(opportunity=opportunity, person=parent)
    waiting = InterestFactory(opportunity=opportunity)
    with pytest.raises(ValidationError) as error:
        services.interest_accept(interest=waiting, by=officer, message="Welcome")
    assert "places are filled" in error_fields(error)["decision"]


def test_an_opportunity_for_young_people_is_not_for_parent_carers(area):
    parent = member(area, Role.PARENT_CARER)
    young_person = member(area, Role.YOUNG_PERSON)
    opportunity = OpportunityFactory(
        initiative=InitiativeFactory(area=area), audience=Audience.YOUNG_PEOPLE
    )
    with pytest.raises(ValidationError, match="for young people"):
        services.interest_express(opportunity=opportunity, person=parent)
    services.interest_express(opportunity=opportunity, person=young_person)


def test_an_answer_needs_a_message_and_is_given_once(area, run_on_commit):
    officer = member(area, Role.OFFICER)
    interest = InterestFactory(
        opportunity=OpportunityFactory(initiative=InitiativeFactory(area=area))
    )
    with pytest.raises(ValidationError) as error:
        services.interest_decline(interest=interest, by=officer, message="  ")
    assert "response" in error_fields(error)
    with run_on_commit():
        services.interest_decline(
            interest=interest, by=officer, message="The group is full this year."
        )
    assert mail.outbox[-1].subject.startswith("About your interest")
    assert "The group is full this year." in mail.outbox[-1].body
    with pytest.raises(ValidationError, match="no longer waiting"):
        services.interest_accept(interest=interest, by=officer, message="Sorry, yes")


def test_fewer_places_than_already_accepted_is_refused(area):
    officer = member(area, Role.OFFICER)
    opportunity = OpportunityFactory(initiative=InitiativeFactory(area=area), places=3)
    InterestFactory.create_batch(2, opportunity=opportunity, status=Interest.Status.ACCEPTED)
    with pytest.raises(ValidationError) as error:
        services.opportunity_update(
            opportunity=opportunity,
            by=officer,
            details=opportunity_details(places=1, closes_on=opportunity.closes_on),
        )
    assert "already accepted 2" in error_fields(error)["places"]


def test_an_unchanged_past_closing_date_does_not_block_other_changes(area):
    officer = member(area, Role.OFFICER)
    closed_on = timezone.localdate() - timedelta(days=3)
    opportunity = OpportunityFactory(initiative=InitiativeFactory(area=area), closes_on=closed_on)
    services.opportunity_update(
        opportunity=opportunity,
        by=officer,
        details=opportunity_details(title="Renamed", closes_on=closed_on),
    )
    opportunity.refresh_from_db()
    assert opportunity.title == "Renamed"


def test_outcome_factory_makes_a_searchable_row_after_refresh(area):
    outcome = OutcomeFactory(initiative=InitiativeFactory(area=area), description="Respite")
    services.initiatives_refresh_search(initiative_ids=[outcome.initiative_id])
    found = selectors.register_initiatives(
        area=area, include_unpublished=False, filters=selectors.RegisterFilters(query="respite")
    )
    assert list(found) == [outcome.initiative]


def test_accepted_interest_counts_in_the_persons_consultation_load(area):
    officer = member(area, Role.OFFICER)
    parent = member(area, Role.PARENT_CARER)
    opportunity = OpportunityFactory(
        initiative=InitiativeFactory(area=area), title="Test the new website", hours_asked=3
    )
    interest = services.interest_express(opportunity=opportunity, person=parent)
    services.interest_accept(interest=interest, by=officer, message="See you there.")
    request = ConsultationRequest.objects.get(person=parent)
    assert request.kind == RequestKind.OPPORTUNITY
    assert request.title == "Test the new website"
    assert request.hours_asked == 3
    assert request.made_by == officer
    assert request.asked_on == timezone.localdate()
