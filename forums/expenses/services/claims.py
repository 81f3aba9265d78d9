"""Claims: making one (at the rates of the agreement in force), receipts, changing and
sending again, approving, asking for a change, rejecting, and recording payment. Each step
is recorded (`ClaimStep`) and emailed to the claimant through the outbox, one email per step
(its idempotency key is the step's).

Rules from the West Sussex framework ("Support": expenses and project work paid under the
partnership agreement) and the expenses issue: claims only for an activity the person took
part in, at the rates of the signed agreement in force that day, never more than the area's
cap, receipts images or PDFs only. Bank details are never asked for or stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from coproduction.outbox.services import email_queue_template
from coproduction.people.models import LocalArea, Person
from coproduction.registry import registry
from forums.expenses import selectors
from forums.expenses.models import (
    Claim,
    ClaimLine,
    ClaimStatus,
    ClaimStep,
    IncentiveOption,
    LineKind,
    Receipt,
)
from forums.expenses.money import pounds
from forums.meetings.selectors import meeting_settings_for
from forums.meetings.services.papers import paper_file_check
from forums.models import AgreementPayment, PartnershipAgreement, PaymentKind, RateUnit

RECEIPT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "heic": "image/heic",
}
RECEIPT_KINDS_IN_WORDS = "a photo or image (JPG, PNG, GIF, WEBP, HEIC) or a PDF"
PENNY = Decimal("0.01")


@dataclass(frozen=True)
class ClaimDetails:
    """What a claim asks for. Quantities are miles or hours; amounts are pounds. Each is None
    when not claimed. The field names are the form's, so errors land at the right field."""

    miles: Decimal | None = None
    fares: Decimal | None = None
    care_hours: Decimal | None = None
    care_amount: Decimal | None = None
    time_hours: Decimal | None = None
    reward: IncentiveOption | None = None
    notes: str = ""


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def _payment(payments, kinds, units) -> AgreementPayment | None:
    for kind in kinds:
        for payment in payments:
            usable = payment.unit == RateUnit.AT_COST or payment.rate is not None
            if payment.kind == kind and payment.unit in units and usable:
                return payment
    return None


def claim_lines_price(
    *, agreement: PartnershipAgreement, details: ClaimDetails, cap: Decimal
) -> list[ClaimLine]:
    """The lines `details` make at `agreement`'s rates (unsaved), each with its amount.

    Raises ValidationError at the field concerned when the agreement has no rate for what is
    claimed (for example no mileage rate), when an amount is negative, when nothing is
    claimed, or when a line or the whole claim is more than `cap` pounds.
    """
    payments = list(agreement.payments.all())
    on = f"the agreement in force on that day ({agreement})"
    wanted = [
        ("miles", LineKind.MILEAGE, [PaymentKind.EXPENSES], [RateUnit.PER_MILE], "mileage"),
        ("fares", LineKind.FARES, [PaymentKind.EXPENSES], [RateUnit.AT_COST], "fares at cost"),
        (
            "care_hours",
            LineKind.CARE,
            [PaymentKind.CHILDCARE],
            [RateUnit.PER_HOUR],
            "care by the hour",
        ),
        ("care_amount", LineKind.CARE, [PaymentKind.CHILDCARE], [RateUnit.AT_COST], "care at cost"),
        (
            "time_hours",
            LineKind.TIME,
            [PaymentKind.PROJECT_WORK, PaymentKind.MEETING_TIME],
            [RateUnit.PER_HOUR],
            "time by the hour",
        ),
    ]
    errors: dict[str, str] = {}
    if details.care_hours and details.care_amount:
        errors["care_amount"] = "Enter the hours of care or what it cost, not both."
    priced: list[tuple[str, ClaimLine]] = []  # (the field it came from, the line)
    for field, kind, payment_kinds, units, words in wanted:
        value = getattr(details, field)
        if value is None or value == 0:
            continue
        if value < 0:
            errors[field] = "Enter a number that is 0 or more."
            continue
        payment = _payment(payments, payment_kinds, units)
        if payment is None:
            errors[field] = f"Nothing can be claimed for {words} under {on}. Leave this empty."
            continue
        if payment.unit == RateUnit.AT_COST:
            line = ClaimLine(kind=kind, payment=payment, amount=value.quantize(PENNY))
        else:
            amount = (value * payment.rate).quantize(PENNY, rounding=ROUND_HALF_UP)
            line = ClaimLine(
                kind=kind, payment=payment, quantity=value, rate=payment.rate, amount=amount
            )
        if line.amount > cap:
            errors[field] = (
                f"This comes to {pounds(line.amount)}, more than the largest claim ({pounds(cap)})."
            )
            continue
        priced.append((field, line))
    if errors:
        raise ValidationError(errors)
    if not priced:
        raise ValidationError({"miles": "Enter at least one thing to claim: travel, care or time."})
    total = sum((line.amount for _field, line in priced), Decimal("0"))
    if total > cap:
        biggest, _line = max(priced, key=lambda pair: pair[1].amount)
        raise ValidationError(
            {
                biggest: f"The claim comes to {pounds(total)}, more than the largest claim "
                f"({pounds(cap)}). Claim less, or ask an officer about it."
            }
        )
    return [line for _field, line in priced]


def _agreement_for(area: LocalArea, day: date) -> PartnershipAgreement:
    agreement = selectors.agreement_in_force(area=area, day=day)
    if agreement is None:
        raise ValidationError(
            {
                "activity": f"There was no signed partnership agreement on {_day(day)}, so "
                "nothing can be claimed for this. Ask an officer."
            }
        )
    return agreement


def _check_reward(person: Person, area: LocalArea, details: ClaimDetails) -> None:
    """Time is rewarded the way the person chooses, from the options on offer to them (none
    to choose from: the area pays time as its agreement says)."""
    allowed = {option.pk for option in selectors.incentives_for(person=person, area=area)}
    if details.reward is None:
        if details.time_hours and allowed:
            raise ValidationError({"reward": "Choose how you want to be rewarded for your time."})
        return
    if details.reward.pk not in allowed:
        raise ValidationError({"reward": "Choose one of the rewards on offer to you."})


def receipt_check(*, area: LocalArea, upload, field: str = "receipt") -> tuple[str, str]:
    """Check an uploaded receipt for `area`: an image or a PDF (by its content, whatever its
    name says), not empty, within the meeting papers' size limit (megabytes). Returns
    (extension, MIME type); raises ValidationError at `field` otherwise. The claim form calls
    it too, so a bad receipt is reported with the form's other errors, in one round."""
    return paper_file_check(
        upload=upload,
        limit_mb=meeting_settings_for(area=area).paper_size_limit_mb,
        field=field,
        types=RECEIPT_TYPES,
        kinds_in_words=RECEIPT_KINDS_IN_WORDS,
        what="the receipt",
    )


def _checked(errors: dict, check, *args, **kwargs):
    """Run `check`, adding its field errors to `errors` (so every fault of a claim is reported
    at once, one message each) and returning what it returned, or None when it failed."""
    try:
        return check(*args, **kwargs)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, [])
            errors[field] += [m for m in messages if m not in errors[field]]
        return None


def _store_receipt(claim: Claim, upload, by: Person, extension: str, content_type: str):
    receipt = Receipt(
        claim=claim,
        original_name=(getattr(upload, "name", "") or "receipt")[:200],
        content_type=content_type,
        extension=extension,
        size=upload.size,
        uploaded_by=by,
    )
    receipt.file.save(f"receipt.{extension}", upload, save=False)
    receipt.full_clean()
    receipt.save()
    return receipt


def _step(claim: Claim, kind: str, by: Person | None, message: str = "") -> ClaimStep:
    """Record a step and email the claimant about it once (the step's key)."""
    step = ClaimStep.objects.create(claim=claim, kind=kind, by=by, message=message)
    young = claim.claimant_is_young_person
    email_queue_template(
        to=claim.claimant.email,
        template="expenses/email/claim_step",
        context={
            "claim": claim,
            "step": step,
            "person": claim.claimant,
            "lines": list(claim.lines.all()),
            "settings": selectors.expense_settings_for(area=claim.area) if young else None,
            "on_behalf": claim.submitted_by_id not in (None, claim.claimant_id),
        },
        purpose=f"expense claim {step.get_kind_display().lower()}",
        area=claim.area,
        idempotency_key=step.email_key,
    )
    return step


def _activity_and_agreement(claimant: Person, area: LocalArea, activity_key: str):
    """The activity `claimant` may claim for and the agreement in force on its day; refused
    at `activity` when they did not take part, it has not happened, it is claimed already or
    no agreement was in force."""
    activity = registry.claimable_activity(claimant, area, activity_key)
    if activity is None:
        raise ValidationError(
            {
                "activity": "Choose a meeting or opportunity you took part in. You can only claim "
                "for a meeting the organiser recorded you as present at."
            }
        )
    if activity.date > timezone.localdate():
        raise ValidationError({"activity": "You can claim once the activity has happened."})
    if (
        Claim.objects.filter(area=area, claimant=claimant, activity_key=activity.key)
        .exclude(status=ClaimStatus.REJECTED)
        .exists()
    ):
        raise ValidationError({"activity": "There is already a claim for this activity."})
    return activity, _agreement_for(area, activity.date)


@transaction.atomic
def claim_submit(
    *,
    area: LocalArea,
    claimant: Person,
    submitted_by: Person,
    activity_key: str,
    details: ClaimDetails,
    receipt=None,
) -> Claim:
    """Make a claim for `claimant` (a parent carer or young person of `area`) for one activity
    they took part in, priced at the agreement in force on its day, and email them.

    `submitted_by` is the claimant, or an area administrator claiming on their behalf (the
    rule checks who may). Refused with a ValidationError at the field: an activity they did
    not take part in (a meeting not attended) or already claimed; a day outside any signed
    agreement; something the agreement does not pay for; a negative amount or one over the
    area's cap; a reward not on offer; a receipt that is not an image or PDF.
    """
    if not selectors.family_members(area=area).filter(pk=claimant.pk).exists():
        raise ValidationError({"claimant": "Choose a parent carer or young person of this area."})
    errors: dict[str, list[str]] = {}
    found = _checked(errors, _activity_and_agreement, claimant, area, activity_key)
    lines = None
    if found is not None:
        cap = selectors.expense_settings_for(area=area).claim_cap
        lines = _checked(errors, claim_lines_price, agreement=found[1], details=details, cap=cap)
    _checked(errors, _check_reward, claimant, area, details)
    checked = (
        _checked(errors, receipt_check, area=area, upload=receipt) if receipt is not None else None
    )
    if errors:
        raise ValidationError(errors)
    # No errors means both steps returned their values.
    assert found is not None
    assert lines is not None
    activity, agreement = found
    claim = Claim(
        area=area,
        claimant=claimant,
        submitted_by=submitted_by,
        claimant_is_young_person=selectors.is_young_person(person=claimant, area=area),
        activity_key=activity.key,
        activity_title=activity.title[:300],
        activity_on=activity.date,
        agreement=agreement,
        reward=details.reward,
        notes=details.notes.strip(),
        total=sum((line.amount for line in lines), Decimal("0")),
    )
    claim.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            claim.save()
    except IntegrityError:
        raise ValidationError({"activity": "There is already a claim for this activity."}) from None
    for line in lines:
        line.claim = claim
    ClaimLine.objects.bulk_create(lines)
    if checked is not None:
        _store_receipt(claim, receipt, submitted_by, *checked)
    _step(claim, ClaimStep.Kind.SUBMITTED, submitted_by)
    return claim


@transaction.atomic
def claim_resubmit(*, claim: Claim, by: Person, details: ClaimDetails, receipt=None) -> Claim:
    """Change a claim an officer asked to change, and send it for approval again (priced
    afresh at the same agreement). Refused unless a change was asked for; the same checks
    as `claim_submit` for what is claimed."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != ClaimStatus.CHANGES_REQUESTED:
        raise ValidationError("This claim can only be changed when an officer asks for a change.")
    cap = selectors.expense_settings_for(area=claim.area).claim_cap
    errors: dict[str, list[str]] = {}
    lines = _checked(errors, claim_lines_price, agreement=claim.agreement, details=details, cap=cap)
    _checked(errors, _check_reward, claim.claimant, claim.area, details)
    checked = (
        _checked(errors, receipt_check, area=claim.area, upload=receipt)
        if receipt is not None
        else None
    )
    if errors:
        raise ValidationError(errors)
    claim.lines.all().delete()
    for line in lines:
        line.claim = claim
    ClaimLine.objects.bulk_create(lines)
    claim.total = sum((line.amount for line in lines), Decimal("0"))
    claim.reward = details.reward
    claim.notes = details.notes.strip()
    claim.status = ClaimStatus.SUBMITTED
    claim.submitted_at = timezone.now()
    claim.full_clean(validate_constraints=False)
    claim.save()
    if checked is not None:
        _store_receipt(claim, receipt, by, *checked)
    _step(claim, ClaimStep.Kind.RESUBMITTED, by)
    return claim


@transaction.atomic
def receipt_add(*, claim: Claim, upload, by: Person) -> Receipt:
    """Add a receipt (image or PDF, the meeting papers' size limit) to a claim not yet
    decided. Refused at `receipt` for any other file, and once the claim is decided."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status not in (ClaimStatus.SUBMITTED, ClaimStatus.CHANGES_REQUESTED):
        raise ValidationError({"receipt": "Receipts can only be added before a claim is decided."})
    if upload is None:
        raise ValidationError({"receipt": "Select the receipt"})
    extension, content_type = receipt_check(area=claim.area, upload=upload)
    return _store_receipt(claim, upload, by, extension, content_type)


def _decide(claim: Claim, by: Person, wanted: tuple[str, ...], verb: str) -> Claim:
    locked = Claim.objects.select_for_update().select_related("area", "claimant").get(pk=claim.pk)
    if locked.claimant_id == by.pk:
        raise ValidationError("You cannot decide your own claim. Ask another officer.")
    if locked.status not in wanted:
        done = locked.get_status_display().lower()
        raise ValidationError(
            f"This claim is already {done}"
            + (f" (by {locked.decided_by.display_name})" if locked.decided_by else "")
            + f", so it cannot be {verb} now. Nothing was changed."
        )
    return locked


@transaction.atomic
def claim_approve(*, claim: Claim, by: Person) -> Claim:
    """Approve a claim waiting for approval. Under a row lock, so approving twice (two
    officers, or a double click) approves once; the second is refused with a clear message."""
    claim = _decide(claim, by, (ClaimStatus.SUBMITTED,), "approved")
    claim.status = ClaimStatus.APPROVED
    claim.decided_by = by
    claim.decided_at = timezone.now()
    claim.officer_message = ""
    claim.save(update_fields=["status", "decided_by", "decided_at", "officer_message"])
    _step(claim, ClaimStep.Kind.APPROVED, by)
    return claim


@transaction.atomic
def claim_ask_change(*, claim: Claim, by: Person, message: str) -> Claim:
    """Ask the claimant to change a waiting claim (what to change in `message`)."""
    if not message.strip():
        raise ValidationError({"message": "Say what the claimant should change."})
    claim = _decide(claim, by, (ClaimStatus.SUBMITTED,), "sent back")
    claim.status = ClaimStatus.CHANGES_REQUESTED
    claim.officer_message = message.strip()
    claim.decided_by = by
    claim.decided_at = timezone.now()
    claim.save(update_fields=["status", "officer_message", "decided_by", "decided_at"])
    _step(claim, ClaimStep.Kind.CHANGES_REQUESTED, by, claim.officer_message)
    return claim


@transaction.atomic
def claim_reject(*, claim: Claim, by: Person, reason: str) -> Claim:
    """Refuse a waiting claim, with the reason the claimant is told."""
    if not reason.strip():
        raise ValidationError({"message": "Give the reason the claim is not approved."})
    claim = _decide(claim, by, (ClaimStatus.SUBMITTED,), "rejected")
    claim.status = ClaimStatus.REJECTED
    claim.officer_message = reason.strip()
    claim.decided_by = by
    claim.decided_at = timezone.now()
    claim.save(update_fields=["status", "officer_message", "decided_by", "decided_at"])
    _step(claim, ClaimStep.Kind.REJECTED, by, claim.officer_message)
    return claim


@transaction.atomic
def claim_record_paid(*, claim: Claim, by: Person, paid_on: date) -> Claim:
    """Record the day an approved claim was paid (payment itself happens outside the portal).
    Refused when not approved (paid already, or not decided) or the day is in the future or
    before the day it was approved (a claim is sent, then approved, then paid)."""
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": "The date it was paid must be today or earlier."})
    claim = _decide(claim, by, (ClaimStatus.APPROVED,), "recorded as paid")
    approved_on = timezone.localdate(claim.decided_at or claim.first_submitted_at)
    if paid_on < approved_on:
        raise ValidationError(
            {
                "paid_on": "The date it was paid must be the same as or after the day the claim "
                f"was approved, {_day(approved_on)}."
            }
        )
    claim.status = ClaimStatus.PAID
    claim.paid_on = paid_on
    claim.save(update_fields=["status", "paid_on"])
    _step(claim, ClaimStep.Kind.PAID, by)
    return claim
