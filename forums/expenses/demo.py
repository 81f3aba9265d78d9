"""Demo expenses for Birmingham: a signed partnership agreement (renewed in September, so
both years' rates are in use), its budget and cost codes, the portfolio of rewards, and claims
in every state. parent@example.org has a claim paid, one waiting, and a meeting they attended
with nothing claimed yet (to walk through a claim). Safe to run again."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Organisation, Person
from forums.expenses.models import (
    AgreementBudget,
    Claim,
    ClaimStep,
    ExpenseSettings,
    IncentiveAudience,
    IncentiveKind,
    IncentiveOption,
)
from forums.expenses.services import claims as services
from forums.meetings.models import Attendance, Meeting, MeetingStatus
from forums.models import AgreementPayment, Body, PartnershipAgreement, PaymentKind, RateUnit

TITLE = "Birmingham SEND partnership agreement with the parent carer forum"

PORTFOLIO = [
    (
        IncentiveKind.MONEY,
        "Payment for your time",
        IncentiveAudience.BOTH,
        "Paid by the council's finance team at the agreement's hourly rate.",
        "Money can count as income for Universal Credit, Carer's Allowance and some other "
        "benefits. Check with the benefits adviser at the parent carer forum before you choose.",
    ),
    (
        IncentiveKind.VOUCHERS,
        "Shopping vouchers",
        IncentiveAudience.BOTH,
        "High street vouchers to the value of your time.",
        "Vouchers are usually not counted as income, but check if you are unsure.",
    ),
    (
        IncentiveKind.TRAINING,
        "A place on a training course",
        IncentiveAudience.BOTH,
        "A place on a course of your choice, such as co-production or SEND law.",
        "",
    ),
    (
        IncentiveKind.SOCIAL,
        "Family social events",
        IncentiveAudience.PARENT_CARERS,
        "Tickets for the forum's family days and trips.",
        "",
    ),
    (
        IncentiveKind.PEER_SUPPORT,
        "Peer support sessions",
        IncentiveAudience.YOUNG_PEOPLE,
        "Time with a trained peer mentor from the youth forum.",
        "",
    ),
]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _agreements(area: LocalArea) -> list[PartnershipAgreement]:
    """Version 1 (from 1 September last year, replaced) and version 2 (this school year)."""
    today = timezone.localdate()
    start = date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    officer = Person.objects.filter(email="officer@example.org").first()
    parties = list(
        Organisation.objects.filter(
            area=area, name__in=["Birmingham City Council", "Birmingham Parent Carer Forum"]
        )
    )
    versions: list[PartnershipAgreement] = []
    previous = None
    for version, starts_on, status, hourly in [
        (1, date(start.year - 1, 9, 1), PartnershipAgreement.Status.SUPERSEDED, "15.00"),
        (2, start, PartnershipAgreement.Status.SIGNED, "16.00"),
    ]:
        agreement, created = PartnershipAgreement.objects.get_or_create(
            area=area,
            title=TITLE,
            version=version,
            defaults={
                "status": status,
                "previous_version": previous,
                "first_version": versions[0] if versions else None,
                "starts_on": starts_on,
                "review_on": date(starts_on.year + 1, 9, 1),
                "signed_on": starts_on - timedelta(days=10),
            },
        )
        if created:
            agreement.parties.set(parties)
            if officer is not None:
                agreement.signatories.set([officer])
            AgreementPayment.objects.bulk_create(
                [
                    AgreementPayment(
                        agreement=agreement,
                        kind=PaymentKind.EXPENSES,
                        description="Mileage to meetings",
                        rate=Decimal("0.45"),
                        unit=RateUnit.PER_MILE,
                    ),
                    AgreementPayment(
                        agreement=agreement,
                        kind=PaymentKind.EXPENSES,
                        description="Bus, train and taxi fares",
                        unit=RateUnit.AT_COST,
                    ),
                    AgreementPayment(
                        agreement=agreement,
                        kind=PaymentKind.CHILDCARE,
                        description="Childcare or replacement care, with receipts",
                        unit=RateUnit.AT_COST,
                    ),
                    AgreementPayment(
                        agreement=agreement,
                        kind=PaymentKind.PROJECT_WORK,
                        description="Project work by parent carers and young people",
                        rate=Decimal(hourly),
                        unit=RateUnit.PER_HOUR,
                    ),
                ]
            )
            AgreementBudget.objects.get_or_create(
                agreement=agreement,
                defaults={"cost_code": f"SEND-COPROD-{starts_on.year}", "budget": Decimal("12000")},
            )
        versions.append(agreement)
        previous = agreement
    return versions


def _attended(body: Body, person: Person, title: str, day: date) -> Meeting:
    meeting, _ = Meeting.objects.get_or_create(
        body=body,
        title=title,
        defaults={
            "starts_at": _at(day, 10),
            "ends_at": _at(day, 12),
            "status": MeetingStatus.HELD,
        },
    )
    Attendance.objects.get_or_create(meeting=meeting, person=person, defaults={"status": "present"})
    return meeting


@transaction.atomic
def seed() -> None:
    area = LocalArea.objects.filter(slug="birmingham").first()
    parent = Person.objects.filter(email="parent@example.org").first()
    young = Person.objects.filter(email="youngperson@example.org").first()
    officer = Person.objects.filter(email="officer@example.org").first()
    if area is None or parent is None or young is None or officer is None:
        return
    body = Body.objects.filter(area=area).order_by("pk").first()
    if body is None:
        return
    _agreements(area)
    ExpenseSettings.objects.get_or_create(
        area=area,
        defaults={
            "young_people_service": "Birmingham Youth Service",
            "young_people_contact": "youthvoice@example.org or 0121 000 0000",
        },
    )
    options = {}
    for kind, title, audience, description, note in PORTFOLIO:
        options[kind] = IncentiveOption.objects.get_or_create(
            area=area,
            title=title,
            defaults={
                "kind": kind,
                "audience": audience,
                "description": description,
                "benefits_note": note,
            },
        )[0]
    if Claim.objects.filter(area=area, claimant=parent).exists():
        return
    today = timezone.localdate()
    this_year = date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    last_year = this_year - timedelta(days=60)  # under version 1's rates
    paid = _attended(body, parent, "Short breaks review", today - timedelta(days=40))
    waiting = _attended(
        body, parent, "Preparing for adulthood workshop", today - timedelta(days=12)
    )
    _attended(body, parent, "Local offer review", today - timedelta(days=5))  # not claimed yet
    summer = _attended(body, young, "Summer youth voice day", last_year)
    changed = _attended(body, young, "Transport survey planning", today - timedelta(days=20))

    claim = services.claim_submit(
        area=area,
        claimant=parent,
        submitted_by=parent,
        activity_key=f"meetings:{paid.pk}",
        details=services.ClaimDetails(
            miles=Decimal("14"),
            care_amount=Decimal("30"),
            time_hours=Decimal("2"),
            reward=options[IncentiveKind.MONEY],
        ),
    )
    # A history that could have happened: sent 38 days ago, approved 30, paid 20 days ago.
    sent_at = timezone.now() - timedelta(days=38)
    Claim.objects.filter(pk=claim.pk).update(first_submitted_at=sent_at, submitted_at=sent_at)
    claim.steps.filter(kind=ClaimStep.Kind.SUBMITTED).update(at=sent_at)
    claim.refresh_from_db()
    services.claim_approve(claim=claim, by=officer)
    approved_at = timezone.now() - timedelta(days=30)
    Claim.objects.filter(pk=claim.pk).update(decided_at=approved_at)
    claim.steps.filter(kind=ClaimStep.Kind.APPROVED).update(at=approved_at)
    claim.refresh_from_db()
    services.claim_record_paid(claim=claim, by=officer, paid_on=today - timedelta(days=20))
    claim.steps.filter(kind=ClaimStep.Kind.PAID).update(at=_at(today - timedelta(days=20), 15))

    services.claim_submit(
        area=area,
        claimant=parent,
        submitted_by=parent,
        activity_key=f"meetings:{waiting.pk}",
        details=services.ClaimDetails(
            fares=Decimal("4.80"), time_hours=Decimal("3"), reward=options[IncentiveKind.MONEY]
        ),
    )
    approved = services.claim_submit(
        area=area,
        claimant=young,
        submitted_by=young,
        activity_key=f"meetings:{summer.pk}",
        details=services.ClaimDetails(
            fares=Decimal("6.40"), time_hours=Decimal("4"), reward=options[IncentiveKind.VOUCHERS]
        ),
    )
    services.claim_approve(claim=approved, by=officer)
    sent_back = services.claim_submit(
        area=area,
        claimant=young,
        submitted_by=young,
        activity_key=f"meetings:{changed.pk}",
        details=services.ClaimDetails(miles=Decimal("40")),
    )
    services.claim_ask_change(
        claim=sent_back,
        by=officer,
        message="Forty miles looks like a long way for this meeting. Was it 14?",
    )
    other = Person.objects.filter(email="bham.parent1@example.org").first()
    if other is not None:
        refused = _attended(body, other, "Short breaks review", today - timedelta(days=40))
        claim = services.claim_submit(
            area=area,
            claimant=other,
            submitted_by=other,
            activity_key=f"meetings:{refused.pk}",
            details=services.ClaimDetails(fares=Decimal("120")),
        )
        services.claim_reject(
            claim=claim,
            by=officer,
            reason="A taxi needs agreeing with the forum first. Please claim the bus fare.",
        )
