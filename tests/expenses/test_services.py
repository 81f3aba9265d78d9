"""Claims: rates by date (across a renewal), refusals with the field they belong to, the
approval flow with its emails in the outbox, totals."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from forums.expenses import selectors
from forums.expenses.models import Claim, ClaimStatus, ExpenseSettings
from forums.expenses.services import claims as services
from forums.models import AgreementPayment, PartnershipAgreement, PaymentKind, RateUnit
from forums.services import agreement_renew, agreement_sign
from tests.expenses.factories import (
    attended,
    claim,
    incentive,
    parent_with_meeting,
    pdf_receipt,
    signed_agreement,
    text_file,
)
from tests.people.factories import member

pytestmark = pytest.mark.django_db

D = services.ClaimDetails


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def submit(area, person, meeting, **details):
    return services.claim_submit(
        area=area,
        claimant=person,
        submitted_by=person,
        activity_key=f"meetings:{meeting.pk}",
        details=D(**details),
    )


def field_error(excinfo, field):
    return " ".join(excinfo.value.message_dict[field])


# Rates ------------------------------------------------------------------------------------


def test_rates_come_from_the_version_in_force_on_the_day_across_a_renewal(area):
    today = timezone.localdate()
    first = signed_agreement(area, starts_days_ago=300, review_in_days=-60)
    renewal = agreement_renew(agreement=first)
    AgreementPayment.objects.filter(agreement=renewal, kind=PaymentKind.PROJECT_WORK).update(
        rate=Decimal("16.00")
    )
    agreement_sign(agreement=renewal, signed_on=today - timedelta(days=61))
    assert renewal.starts_on == today - timedelta(days=60)
    person = member(area, Role.PARENT_CARER)
    before = submit(area, person, attended(person, area, days_ago=100), time_hours=Decimal("2"))
    after = submit(area, person, attended(person, area, days_ago=30), time_hours=Decimal("2"))
    assert before.agreement == first
    assert before.total == Decimal("30.00")
    assert after.agreement.pk == renewal.pk
    assert after.total == Decimal("32.00")
    first.refresh_from_db()
    assert first.status == PartnershipAgreement.Status.SUPERSEDED
    # The old claim keeps its rate: the line copied it.
    assert before.lines.get().rate == Decimal("15.00")


def test_a_draft_renewal_is_not_in_force(area):
    first = signed_agreement(area, starts_days_ago=300, review_in_days=-60)
    agreement_renew(agreement=first)
    day = timezone.localdate() - timedelta(days=10)
    assert selectors.agreement_in_force(area=area, day=day) == first


def test_mileage_care_and_time_are_priced_at_the_agreement_rates(area):
    signed_agreement(area)
    person, meeting = parent_with_meeting(area)
    made = submit(
        area,
        person,
        meeting,
        miles=Decimal("14"),
        fares=Decimal("4.80"),
        care_hours=Decimal("3"),
        time_hours=Decimal("2.5"),
    )
    amounts = {line.kind: line.amount for line in made.lines.all()}
    assert amounts == {
        "mileage": Decimal("6.30"),
        "fares": Decimal("4.80"),
        "care": Decimal("36.00"),
        "time": Decimal("37.50"),
    }
    assert made.total == Decimal("84.60")


# Refusals ---------------------------------------------------------------------------------


def test_a_meeting_the_person_did_not_attend_is_refused(area):
    signed_agreement(area)
    person = member(area, Role.PARENT_CARER)
    missed = attended(person, area, status="apologies")
    someone_elses = attended(member(area, Role.PARENT_CARER), area)
    for meeting in (missed, someone_elses):
        with pytest.raises(ValidationError) as excinfo:
            submit(area, person, meeting, miles=Decimal("5"))
        assert "present" in field_error(excinfo, "activity")
    assert not Claim.objects.exists()


def test_a_day_outside_any_signed_agreement_is_refused(area):
    signed_agreement(area, starts_days_ago=5)
    person, meeting = parent_with_meeting(area, days_ago=20)
    with pytest.raises(ValidationError) as excinfo:
        submit(area, person, meeting, miles=Decimal("5"))
    assert "no signed partnership agreement" in field_error(excinfo, "activity")


def test_something_the_agreement_does_not_pay_for_is_refused_at_its_field(area):
    signed_agreement(area, rates=[(PaymentKind.EXPENSES, RateUnit.AT_COST, None)])
    person, meeting = parent_with_meeting(area)
    with pytest.raises(ValidationError) as excinfo:
        submit(area, person, meeting, fares=Decimal("3"), miles=Decimal("5"))
    assert "Nothing can be claimed for mileage" in field_error(excinfo, "miles")


def test_negative_and_absurd_amounts_are_refused(area):
    signed_agreement(area)
    ExpenseSettings.objects.create(area=area, claim_cap=Decimal("100"))
    person, meeting = parent_with_meeting(area)
    with pytest.raises(ValidationError) as excinfo:
        submit(area, person, meeting, fares=Decimal("-4"))
    assert "0 or more" in field_error(excinfo, "fares")
    with pytest.raises(ValidationError) as excinfo:
        submit(area, person, meeting, fares=Decimal("150"))
    assert "more than the largest claim (£100" in field_error(excinfo, "fares")
    with pytest.raises(ValidationError) as excinfo:
        submit(area, person, meeting, fares=Decimal("60"), time_hours=Decimal("3"))
    assert "The claim comes to £105.00" in field_error(excinfo, "fares")


def test_the_default_cap_applies_when_the_area_sets_none(area):
    signed_agreement(area)
    person, meeting = parent_with_meeting(area)
    with pytest.raises(ValidationError) as excinfo:
        submit(area, person, meeting, fares=Decimal("500.01"))
    assert "£500.00" in field_error(excinfo, "fares")


def test_a_receipt_that_is_not_an_image_or_pdf_is_refused(area):
    signed_agreement(area)
    person, meeting = parent_with_meeting(area)
    with pytest.raises(ValidationError) as excinfo:
        services.claim_submit(
            area=area,
            claimant=person,
            submitted_by=person,
            activity_key=f"meetings:{meeting.pk}",
            details=D(fares=Decimal("3")),
            receipt=text_file(),
        )
    assert "a photo or image" in field_error(excinfo, "receipt")
    assert not Claim.objects.exists()


def test_a_pdf_receipt_is_kept(area):
    signed_agreement(area)
    person, meeting = parent_with_meeting(area)
    made = services.claim_submit(
        area=area,
        claimant=person,
        submitted_by=person,
        activity_key=f"meetings:{meeting.pk}",
        details=D(fares=Decimal("3")),
        receipt=pdf_receipt(),
    )
    assert made.receipts.get().content_type == "application/pdf"


def test_the_same_meeting_cannot_be_claimed_twice(area):
    signed_agreement(area)
    person, meeting = parent_with_meeting(area)
    submit(area, person, meeting, miles=Decimal("5"))
    with pytest.raises(ValidationError) as excinfo:
        submit(area, person, meeting, miles=Decimal("5"))
    assert "already a claim" in field_error(excinfo, "activity")


def test_time_needs_a_reward_on_offer_to_the_person(area):
    signed_agreement(area)
    only_young = incentive(area, "Peer support", "peer_support", "young_people")
    person, meeting = parent_with_meeting(area)
    with pytest.raises(ValidationError) as excinfo:
        submit(area, person, meeting, time_hours=Decimal("1"), reward=only_young)
    assert "rewards on offer" in field_error(excinfo, "reward")


# The approval flow and its emails ---------------------------------------------------------


def emails_to(person):
    return list(OutboundEmail.objects.filter(to=person.email).order_by("pk"))


def test_approve_then_paid_emails_the_claimant_each_step_once(area):
    signed_agreement(area)
    officer = member(area, Role.OFFICER)
    made = claim(area, miles=Decimal("10"))
    services.claim_approve(claim=made, by=officer)
    services.claim_record_paid(claim=made, by=officer, paid_on=timezone.localdate())
    made.refresh_from_db()
    assert made.status == ClaimStatus.PAID
    assert made.paid_on == timezone.localdate()
    emails = emails_to(made.claimant)
    assert [e.subject for e in emails] == [
        f"Your claim {made.reference}: claim sent",
        f"Your claim {made.reference}: approved",
        f"Your claim {made.reference}: paid",
    ]
    keys = [e.idempotency_key for e in emails]
    assert len(set(keys)) == 3
    assert all(k.startswith(f"expenses:claim:{made.pk}:") for k in keys)


def test_approving_twice_approves_once_with_a_clear_message(area):
    signed_agreement(area)
    officer, other_officer = member(area, Role.OFFICER), member(area, Role.OFFICER)
    made = claim(area)
    services.claim_approve(claim=made, by=officer)
    with pytest.raises(ValidationError) as excinfo:
        services.claim_approve(claim=made, by=other_officer)
    assert "already approved" in " ".join(excinfo.value.messages)
    assert made.steps.filter(kind="approved").count() == 1
    assert len(emails_to(made.claimant)) == 2


def test_ask_for_a_change_then_resubmit_then_reject_with_a_reason(area):
    signed_agreement(area)
    officer = member(area, Role.OFFICER)
    made = claim(area, miles=Decimal("40"))
    with pytest.raises(ValidationError) as excinfo:
        services.claim_ask_change(claim=made, by=officer, message=" ")
    assert "message" in excinfo.value.message_dict
    services.claim_ask_change(claim=made, by=officer, message="Was it 14 miles?")
    services.claim_resubmit(claim=made, by=made.claimant, details=D(miles=Decimal("14")))
    made.refresh_from_db()
    assert made.status == ClaimStatus.SUBMITTED
    assert made.total == Decimal("6.30")
    services.claim_reject(claim=made, by=officer, reason="Please claim the bus fare.")
    made.refresh_from_db()
    assert made.status == ClaimStatus.REJECTED
    emails = emails_to(made.claimant)
    assert [e.subject.rsplit(": ", 1)[1] for e in emails] == [
        "claim sent",
        "change asked for",
        "claim changed and sent again",
        "not approved",
    ]
    assert "Was it 14 miles?" in emails[1].body_text
    assert "Please claim the bus fare." in emails[3].body_text


def test_an_officer_cannot_decide_their_own_claim(area):
    signed_agreement(area)
    person = member(area, Role.OFFICER, Role.PARENT_CARER)
    made = claim(area, person)
    with pytest.raises(ValidationError):
        services.claim_approve(claim=made, by=person)


def test_paid_date_cannot_be_in_the_future_or_before_approval(area):
    signed_agreement(area)
    officer = member(area, Role.OFFICER)
    made = claim(area)
    with pytest.raises(ValidationError):
        services.claim_record_paid(claim=made, by=officer, paid_on=timezone.localdate())
    services.claim_approve(claim=made, by=officer)
    with pytest.raises(ValidationError) as excinfo:
        services.claim_record_paid(
            claim=made, by=officer, paid_on=timezone.localdate() + timedelta(days=1)
        )
    assert "today or earlier" in field_error(excinfo, "paid_on")


def test_a_paid_date_before_the_approval_is_refused(area):
    signed_agreement(area)
    officer = member(area, Role.OFFICER)
    made = claim(area, miles=Decimal("10"))
    services.claim_approve(claim=made, by=officer)
    approved_at = timezone.now() - timedelta(days=5)
    Claim.objects.filter(pk=made.pk).update(
        decided_at=approved_at,
        first_submitted_at=approved_at - timedelta(days=3),
        submitted_at=approved_at - timedelta(days=3),
    )
    with pytest.raises(ValidationError) as excinfo:
        services.claim_record_paid(
            claim=made, by=officer, paid_on=timezone.localdate(approved_at) - timedelta(days=1)
        )
    assert "after the day the claim was approved" in field_error(excinfo, "paid_on")
    made.refresh_from_db()
    assert made.status == ClaimStatus.APPROVED
    services.claim_record_paid(claim=made, by=officer, paid_on=timezone.localdate(approved_at))
    made.refresh_from_db()
    assert made.status == ClaimStatus.PAID


def test_a_young_persons_email_names_the_service_that_pays_them(area):
    signed_agreement(area)
    ExpenseSettings.objects.create(area=area, young_people_service="Youth Service")
    young = member(area, Role.YOUNG_PERSON)
    made = claim(area, young)
    assert made.claimant_is_young_person
    assert "paid by Youth Service" in emails_to(young)[0].body_text


def test_an_administrator_claims_on_someones_behalf(area):
    signed_agreement(area)
    admin = member(area, Role.AREA_ADMIN)
    person = member(area, Role.PARENT_CARER)
    made = claim(area, person, by=admin)
    assert made.claimant == person
    assert made.submitted_by == admin
    assert "has sent a claim for you" in emails_to(person)[0].body_text


# Totals -----------------------------------------------------------------------------------


def test_totals_per_person_per_year_and_per_agreement_against_its_budget(area):
    agreement = signed_agreement(area, budget="100.00", cost_code="SEND-1")
    officer = member(area, Role.OFFICER)
    person = member(area, Role.PARENT_CARER)
    first = claim(area, person, miles=Decimal("20"))  # £9.00
    second = claim(area, person, fares=Decimal("11"))  # £11.00
    claim(area, person, fares=Decimal("50"))  # waiting: not counted
    services.claim_approve(claim=first, by=officer)
    services.claim_approve(claim=second, by=officer)
    services.claim_record_paid(claim=second, by=officer, paid_on=timezone.localdate())
    year = selectors.school_year(timezone.localdate() - timedelta(days=10))
    [row] = selectors.totals_by_person(area=area, year=year)
    assert (row["claims"], row["approved"], row["paid"]) == (2, Decimal("20.00"), Decimal("11.00"))
    [by_agreement] = selectors.totals_by_agreement(area=area)
    assert by_agreement["agreement"] == agreement
    assert by_agreement["left"] == Decimal("80.00")
    assert by_agreement["cost_code"] == "SEND-1"


def test_care_is_claimed_by_the_hour_or_at_cost_not_both(area):
    signed_agreement(area)
    person, meeting = parent_with_meeting(area)
    with pytest.raises(ValidationError) as excinfo:
        submit(area, person, meeting, care_hours=Decimal("2"), care_amount=Decimal("20"))
    assert "not both" in field_error(excinfo, "care_amount")
