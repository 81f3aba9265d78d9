"""Factories for expenses: signed agreements with rates, meetings attended, claims."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coproduction.people.models import Role
from forums.expenses.models import AgreementBudget, IncentiveOption
from forums.expenses.services import claims as services
from forums.meetings.models import Attendance
from forums.models import AgreementPayment, PartnershipAgreement, PaymentKind, RateUnit
from tests.forums.factories import BodyFactory
from tests.meetings.factories import MeetingFactory, pdf_bytes
from tests.people.factories import member

RATES = [
    (PaymentKind.EXPENSES, RateUnit.PER_MILE, "0.45"),
    (PaymentKind.EXPENSES, RateUnit.AT_COST, None),
    (PaymentKind.CHILDCARE, RateUnit.AT_COST, None),
    (PaymentKind.CHILDCARE, RateUnit.PER_HOUR, "12.00"),
    (PaymentKind.PROJECT_WORK, RateUnit.PER_HOUR, "15.00"),
]


def signed_agreement(
    area, *, starts_days_ago=300, review_in_days=65, rates=RATES, budget=None, cost_code="C-1"
):
    """A signed agreement of `area` that started `starts_days_ago` days ago, with `rates`
    ((kind, unit, rate or None) each) and, when given, a budget in pounds."""
    today = timezone.localdate()
    agreement = PartnershipAgreement.objects.create(
        area=area,
        title="Partnership agreement",
        status=PartnershipAgreement.Status.SIGNED,
        starts_on=today - timedelta(days=starts_days_ago),
        review_on=today + timedelta(days=review_in_days),
        signed_on=today - timedelta(days=starts_days_ago),
    )
    add_rates(agreement, rates)
    agreement.signatories.set([member(area, Role.OFFICER)])
    AgreementBudget.objects.create(
        agreement=agreement,
        cost_code=cost_code,
        budget=None if budget is None else Decimal(budget),
    )
    return agreement


def add_rates(agreement, rates):
    AgreementPayment.objects.bulk_create(
        AgreementPayment(
            agreement=agreement,
            kind=kind,
            unit=unit,
            description=f"{kind} {unit}",
            rate=None if rate is None else Decimal(rate),
        )
        for kind, unit, rate in rates
    )


def attended(person, area, *, days_ago=10, body=None, status="present"):
    """A meeting of a body of `area` held `days_ago` days ago, `person` recorded `status`."""
    body = body or BodyFactory(area=area)
    starts = timezone.now() - timedelta(days=days_ago)
    meeting = MeetingFactory(body=body, starts_at=starts, ends_at=starts + timedelta(hours=2))
    Attendance.objects.create(meeting=meeting, person=person, status=status)
    return meeting


def parent_with_meeting(area, *, days_ago=10, role=Role.PARENT_CARER):
    person = member(area, role)
    return person, attended(person, area, days_ago=days_ago)


def claim(area, person=None, *, by=None, days_ago=10, **details):
    """A claim sent for a meeting `person` (a new parent carer when None) attended."""
    if person is None:
        person = member(area, Role.PARENT_CARER)
    meeting = attended(person, area, days_ago=days_ago)
    details = details or {"miles": Decimal("10")}
    return services.claim_submit(
        area=area,
        claimant=person,
        submitted_by=by or person,
        activity_key=f"meetings:{meeting.pk}",
        details=services.ClaimDetails(**details),
    )


def incentive(area, title="Vouchers", kind="vouchers", audience="both", **fields):
    return IncentiveOption.objects.create(
        area=area, title=title, kind=kind, audience=audience, **fields
    )


def pdf_receipt(name="receipt.pdf"):
    return SimpleUploadedFile(name, pdf_bytes("Taxi receipt"), content_type="application/pdf")


def text_file(name="receipt.pdf"):
    return SimpleUploadedFile(name, b"not a receipt at all, just words\n" * 20)
