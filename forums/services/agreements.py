"""Partnership agreements: drafts, parts, signing, renewal and review reminders."""

import logging
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.outbox.services import email_queue_template
from coproduction.people.models import (
    AreaMembership,
    LocalArea,
)
from forums.details import AgreementDetails, AgreementPartDetails
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementReviewReminder,
    AgreementScheduleItem,
    PartnershipAgreement,
    RagStatus,
)

logger = logging.getLogger(__name__)


# Partnership agreements -------------------------------------------------------------------


def _require_draft(agreement: PartnershipAgreement) -> None:
    if agreement.status != PartnershipAgreement.Status.DRAFT:
        raise ValidationError(
            "A signed agreement is not changed. Renew it to make a new version to change."
        )


@transaction.atomic
def agreement_save(
    *,
    area: LocalArea,
    details: AgreementDetails,
    agreement: PartnershipAgreement | None = None,
) -> PartnershipAgreement:
    """Start an agreement in `area` (no `agreement`), or change a draft `agreement` of that
    area under a row lock, with its parties and signatories from `details`.

    Refused with a ValidationError: a signed or replaced version (renew it instead); no
    parties; parties, signatories or the reviewing board from outside the area; a review date
    on or before the start date.
    """
    if agreement is None:
        agreement = PartnershipAgreement(area=area)
    else:
        agreement = PartnershipAgreement.objects.select_for_update().get(pk=agreement.pk, area=area)
        _require_draft(agreement)
    details.apply_to(agreement)
    parties, signatories = list(details.parties), list(details.signatories)
    if not parties:
        raise ValidationError({"parties": "Choose the organisations that are party to it."})
    if any(party.area_id != agreement.area_id for party in parties):
        raise ValidationError({"parties": "Choose organisations from this local area."})
    members = set(
        AreaMembership.objects.filter(
            area_id=agreement.area_id, person__in=signatories
        ).values_list("person_id", flat=True)
    )
    if any(person.pk not in members for person in signatories):
        raise ValidationError({"signatories": "Choose signatories from this local area."})
    reviewing_body = agreement.reviewing_body
    if reviewing_body is not None and reviewing_body.area_id != agreement.area_id:
        raise ValidationError({"reviewing_body": "Choose a board from this local area."})
    if agreement.starts_on and agreement.review_on and agreement.review_on <= agreement.starts_on:
        raise ValidationError({"review_on": "The review date must be after the start date."})
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties)
    agreement.signatories.set(signatories)
    return agreement


@transaction.atomic
def agreement_part_save(
    *,
    agreement: PartnershipAgreement,
    details: AgreementPartDetails,
    part: AgreementPayment | AgreementScheduleItem | AgreementOutcome | None = None,
) -> AgreementPayment | AgreementScheduleItem | AgreementOutcome:
    """Add a payment rate, schedule item or outcome (which one: the class of `details`) to a
    draft `agreement`, or change its `part` of that kind, under a lock on the agreement.
    A signed or replaced agreement is refused (ValidationError: renew it to change it)."""
    _require_draft(PartnershipAgreement.objects.select_for_update().get(pk=agreement.pk))
    model: Any = details.model
    row = (
        model(agreement=agreement)
        if part is None
        else model.objects.select_for_update().get(pk=part.pk, agreement=agreement)
    )
    details.apply_to(row)
    if isinstance(row, AgreementOutcome):
        row.updated_at = timezone.now()
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def agreement_part_delete(
    *, part: AgreementPayment | AgreementScheduleItem | AgreementOutcome
) -> None:
    _require_draft(PartnershipAgreement.objects.select_for_update().get(pk=part.agreement_id))
    part.delete()


def agreement_outcome_record_progress(
    *, outcome: AgreementOutcome, status: str, evidence: str
) -> AgreementOutcome:
    """Record how an agreed outcome is going (red, amber, green) and the evidence.

    Allowed on a signed agreement: progress is monitoring, not a change to what was agreed.
    Not on a superseded one, whose year is over.
    """
    if outcome.agreement.status == PartnershipAgreement.Status.SUPERSEDED:
        raise ValidationError("This version has been replaced. Record progress on the new one.")
    outcome.status = status
    outcome.evidence = evidence.strip()
    outcome.updated_at = timezone.now()
    outcome.full_clean()
    outcome.save(update_fields=["status", "evidence", "updated_at"])
    return outcome


@transaction.atomic
def agreement_sign(*, agreement: PartnershipAgreement, signed_on: date) -> PartnershipAgreement:
    """Record that a draft was signed. The version it renews is superseded."""
    agreement = PartnershipAgreement.objects.select_for_update().get(pk=agreement.pk)
    _require_draft(agreement)
    if not agreement.signatories.exists():
        raise ValidationError({"signed_on": "Add the signatories before recording the signing."})
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": "The date it was signed must be today or earlier."})
    agreement.status = PartnershipAgreement.Status.SIGNED
    agreement.signed_on = signed_on
    agreement.full_clean()
    agreement.save(update_fields=["status", "signed_on"])
    if agreement.previous_version_id:
        PartnershipAgreement.objects.filter(pk=agreement.previous_version_id).update(
            status=PartnershipAgreement.Status.SUPERSEDED
        )
    return agreement


@transaction.atomic
def agreement_renew(*, agreement: PartnershipAgreement) -> PartnershipAgreement:
    """Start next year's version: a draft copied from the signed one (parties, signatories,
    funding, payments, schedule a year on, outcomes to assess afresh). One renewal per
    version."""
    agreement = PartnershipAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.status != PartnershipAgreement.Status.SIGNED:
        raise ValidationError("Only the signed version of an agreement can be renewed.")
    if PartnershipAgreement.objects.filter(previous_version=agreement).exists():
        raise ValidationError("This version has been renewed already. Open the draft.")
    year = relativedelta(years=1)
    renewal = PartnershipAgreement(
        area_id=agreement.area_id,
        title=agreement.title,
        version=agreement.version + 1,
        first_version_id=agreement.first_version_id or agreement.pk,
        previous_version=agreement,
        starts_on=agreement.review_on,
        review_on=agreement.review_on + year,
        reviewing_body_id=agreement.reviewing_body_id,
        core_funding_amount=agreement.core_funding_amount,
        core_funding_period=agreement.core_funding_period,
    )
    renewal.full_clean()
    renewal.save()
    renewal.parties.set(agreement.parties.all())
    renewal.signatories.set(agreement.signatories.all())
    AgreementPayment.objects.bulk_create(
        AgreementPayment(
            agreement=renewal,
            kind=payment.kind,
            description=payment.description,
            rate=payment.rate,
            unit=payment.unit,
        )
        for payment in agreement.payments.all()
    )
    AgreementScheduleItem.objects.bulk_create(
        AgreementScheduleItem(
            agreement=renewal,
            kind=item.kind,
            title=item.title,
            planned_on=item.planned_on + year,
            notes=item.notes,
        )
        for item in agreement.schedule.all()
    )
    AgreementOutcome.objects.bulk_create(
        AgreementOutcome(agreement=renewal, outcome=outcome.outcome, status=RagStatus.NOT_STARTED)
        for outcome in agreement.outcomes.all()
    )
    return renewal


# How long after the review date an "on the day" reminder still goes, if beat missed the day.
ON_THE_DAY_GRACE = timedelta(days=7)


def _reminder_kind_due(agreement: PartnershipAgreement, today: date) -> str | None:
    if agreement.review_on <= today <= agreement.review_on + ON_THE_DAY_GRACE:
        return AgreementReviewReminder.Kind.ON_THE_DAY
    if agreement.review_on - relativedelta(months=1) <= today < agreement.review_on:
        return AgreementReviewReminder.Kind.MONTH_BEFORE
    return None


def agreement_review_reminders_send(*, today: date) -> int:
    """Email the signatories of signed agreements whose annual review is a month away or
    today. Each reminder goes once to each signatory: a row per reminder with a unique
    constraint decides, so running this twice (or in two workers) sends nothing more.
    Returns how many reminders were queued."""
    due = PartnershipAgreement.objects.filter(
        status=PartnershipAgreement.Status.SIGNED,
        review_on__gt=today - ON_THE_DAY_GRACE - timedelta(days=1),
        review_on__lte=today + relativedelta(months=1),
    ).values_list("pk", flat=True)
    sent = 0
    for agreement_id in due:
        sent += _agreement_reminders_send(agreement_id=agreement_id, today=today)
    return sent


@transaction.atomic
def _agreement_reminders_send(*, agreement_id: int, today: date) -> int:
    agreement = (
        PartnershipAgreement.objects.select_for_update(of=("self",))
        .select_related("area", "reviewing_body")
        .get(pk=agreement_id)
    )
    kind = _reminder_kind_due(agreement, today)
    if kind is None or agreement.status != PartnershipAgreement.Status.SIGNED:
        return 0
    sent = 0
    for person in agreement.signatories.all():
        _reminder, created = AgreementReviewReminder.objects.get_or_create(
            agreement=agreement, kind=kind, person=person
        )
        if not created:
            continue
        email_queue_template(
            to=person.email,
            template="forums/email/agreement_review_reminder",
            context={
                "agreement": agreement,
                "person": person,
                "on_the_day": kind == AgreementReviewReminder.Kind.ON_THE_DAY,
            },
            purpose="agreement review reminder",
            area=agreement.area,
        )
        sent += 1
    if sent:
        logger.info("Sent %s review reminders for agreement %s", sent, agreement.pk)
    return sent
