"""Reads of claims, rates, totals, the finance file and the incentives portfolio. Each runs a
fixed number of queries whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from coproduction.people.models import FAMILY_ROLES, AreaMembership, LocalArea, Person, Role
from coproduction.registry import ClaimableActivity, registry
from forums.expenses.models import (
    AgreementBudget,
    Claim,
    ClaimLine,
    ClaimStatus,
    ExpenseSettings,
    IncentiveAudience,
    IncentiveOption,
    IncentivePreference,
    Receipt,
)
from forums.models import AgreementPayment, PartnershipAgreement

IN_FORCE = (PartnershipAgreement.Status.SIGNED, PartnershipAgreement.Status.SUPERSEDED)
APPROVED_STATES = (ClaimStatus.APPROVED, ClaimStatus.PAID)
OPEN_STATES = (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED)


def _zero() -> Value:
    """Nought pounds, for sums over no rows."""
    return Value(Decimal("0"), output_field=DecimalField(max_digits=12, decimal_places=2))


# Settings and the academic year ----------------------------------------------------------


def expense_settings_for(*, area: LocalArea) -> ExpenseSettings:
    """The area's expense settings, or the defaults (unsaved) when none are stored."""
    found = ExpenseSettings.objects.filter(area=area).first()
    return found if found is not None else ExpenseSettings(area=area)


@dataclass(frozen=True)
class SchoolYear:
    """An academic year, 1 September to 31 August (both ends count)."""

    slug: str
    label: str
    starts_on: date
    ends_on: date


def school_year(day: date) -> SchoolYear:
    """The academic year `day` falls in (claims are totalled per academic year, as a
    partnership agreement's yearly plan is)."""
    start = day.year if day.month >= 9 else day.year - 1
    return SchoolYear(
        slug=f"{start}-{(start + 1) % 100:02d}",
        label=f"{start} to {start + 1} school year",
        starts_on=date(start, 9, 1),
        ends_on=date(start + 1, 8, 31),
    )


def school_year_from_slug(slug: str | None, today: date) -> SchoolYear:
    """The year a `?year=2025-26` names, or the year of `today` when it names none."""
    try:
        start = int((slug or "")[:4])
    except ValueError:
        return school_year(today)
    if not 2000 <= start <= 2100 or slug != f"{start}-{(start + 1) % 100:02d}":
        return school_year(today)
    return school_year(date(start, 9, 1))


# Rates ------------------------------------------------------------------------------------


def agreement_in_force(*, area: LocalArea, day: date) -> PartnershipAgreement | None:
    """The version of the area's signed partnership agreement in force on `day`, or None.

    A version is in force from its start date until a signed renewal starts (then the
    renewal is); a signed version not yet renewed stays in force. Drafts never are. Rule:
    West Sussex framework, "Support" (payment under the partnership agreement in force).
    """
    return (
        PartnershipAgreement.objects.filter(area=area, status__in=IN_FORCE, starts_on__lte=day)
        .prefetch_related("payments")
        .order_by("-starts_on", "-version", "-pk")
        .first()
    )


# Activities -------------------------------------------------------------------------------


def activities_to_claim(*, person: Person, area: LocalArea) -> list[ClaimableActivity]:
    """What `person` took part in in `area` and has not claimed for yet, newest first."""
    activities = registry.claimable_activities(person, area)
    claimed = set(
        Claim.objects.filter(area=area, claimant=person)
        .exclude(status=ClaimStatus.REJECTED)
        .values_list("activity_key", flat=True)
    )
    return [a for a in activities if a.key not in claimed]


def family_members(*, area: LocalArea) -> QuerySet[Person]:
    """Parent carers and young people of the area (whom an administrator may claim for)."""
    return (
        Person.objects.filter(
            memberships__area=area,
            memberships__roles__overlap=sorted(FAMILY_ROLES),
            is_active=True,
        )
        .distinct()
        .order_by("display_name", "pk")
    )


def family_member_get(*, area: LocalArea, pk: int) -> Person | None:
    return family_members(area=area).filter(pk=pk).first()


def is_young_person(*, person: Person, area: LocalArea) -> bool:
    """True when the person is a young person in the area and not also a parent carer."""
    roles = person.area_roles().get(area.pk, frozenset())
    return Role.YOUNG_PERSON in roles and Role.PARENT_CARER not in roles


def audiences_for(*, person: Person, area: LocalArea) -> list[str]:
    roles = AreaMembership.objects.filter(person=person, area=area).values_list("roles", flat=True)
    held = {role for row in roles for role in row}
    audiences: list[str] = [IncentiveAudience.BOTH]
    if Role.PARENT_CARER in held:
        audiences.append(IncentiveAudience.PARENT_CARERS)
    if Role.YOUNG_PERSON in held:
        audiences.append(IncentiveAudience.YOUNG_PEOPLE)
    return audiences


# Claims -----------------------------------------------------------------------------------


def _claims() -> QuerySet[Claim]:
    return Claim.objects.select_related(
        "area", "claimant", "submitted_by", "reward", "agreement"
    ).annotate(receipt_count=Count("receipts", distinct=True))


def claims_of_person(*, person: Person, area: LocalArea | None = None) -> QuerySet[Claim]:
    """Claims the person made, or made for someone else, newest first (in `area` when given;
    else in every area they belong to)."""
    claims = _claims().filter(Q(claimant=person) | Q(submitted_by=person))
    if area is not None:
        claims = claims.filter(area=area)
    else:
        claims = claims.filter(area_id__in=list(person.area_roles()))
    return claims.order_by("-submitted_at", "-pk")


def claims_for_officers(*, area: LocalArea, status: str | None = None) -> QuerySet[Claim]:
    """The area's claims, waiting ones first (oldest first, so the longest wait is on top),
    then the rest newest first; only `status` when given."""
    claims = _claims().filter(area=area)
    if status:
        claims = claims.filter(status=status)
    return claims.order_by("submitted_at", "pk")


def claims_waiting(*, area_ids: list[int], exclude_person: Person | None = None):
    """Claims waiting for an officer of these areas: to approve, or approved and not yet
    recorded as paid (oldest first)."""
    claims = _claims().filter(area_id__in=area_ids, status__in=OPEN_STATES)
    if exclude_person is not None:
        claims = claims.exclude(claimant=exclude_person)
    return claims.order_by("submitted_at", "pk")


def claim_get(*, area: LocalArea, pk: int) -> Claim | None:
    """One claim of the area with its lines, receipts and history."""
    from forums.expenses.models import ClaimStep

    return (
        _claims()
        .filter(area=area, pk=pk)
        .select_related("decided_by")
        .prefetch_related(
            Prefetch("lines", queryset=ClaimLine.objects.select_related("payment")),
            Prefetch("receipts", queryset=Receipt.objects.order_by("uploaded_at", "pk")),
            Prefetch("steps", queryset=ClaimStep.objects.select_related("by")),
        )
        .first()
    )


def receipt_get(*, claim: Claim, pk: int) -> Receipt | None:
    return Receipt.objects.filter(claim=claim, pk=pk).first()


# Totals -----------------------------------------------------------------------------------


def _approved_in_year(area: LocalArea, year: SchoolYear) -> QuerySet[Claim]:
    return Claim.objects.filter(
        area=area,
        status__in=APPROVED_STATES,
        activity_on__gte=year.starts_on,
        activity_on__lte=year.ends_on,
    )


def totals_by_person(*, area: LocalArea, year: SchoolYear) -> list[dict]:
    """Per claimant, for activities in `year`: approved claims, the amount approved (paid or
    not) and the amount paid, in pounds; biggest first (one query)."""
    zero = _zero()
    return list(
        _approved_in_year(area, year)
        .values("claimant_id", "claimant__display_name")
        .annotate(
            claims=Count("pk"),
            approved=Coalesce(Sum("total"), zero),
            paid=Coalesce(Sum("total", filter=Q(status=ClaimStatus.PAID)), zero),
        )
        .order_by("-approved", "claimant__display_name")
    )


def totals_by_agreement(*, area: LocalArea) -> list[dict]:
    """Per signed agreement version of the area: its budget and cost code, and the amount
    approved and paid against it, in pounds, over the agreement's whole term (its budget is
    for the whole term, so these are not limited to one school year; one query)."""
    zero = _zero()
    approved = Q(expense_claims__status__in=APPROVED_STATES)
    agreements = (
        PartnershipAgreement.objects.filter(area=area, status__in=IN_FORCE)
        .select_related("expenses_budget")
        .annotate(
            approved=Coalesce(Sum("expense_claims__total", filter=approved), zero),
            paid=Coalesce(
                Sum("expense_claims__total", filter=Q(expense_claims__status=ClaimStatus.PAID)),
                zero,
            ),
        )
        .order_by("-starts_on", "-version")
    )
    rows = []
    for agreement in agreements:
        budget_row = getattr(agreement, "expenses_budget", None)
        budget = budget_row.budget if budget_row else None
        rows.append(
            {
                "agreement": agreement,
                "budget": budget,
                "cost_code": budget_row.cost_code if budget_row else "",
                "approved": agreement.approved,
                "paid": agreement.paid,
                "left": None if budget is None else budget - agreement.approved,
            }
        )
    return rows


def agreement_budget_for(*, agreement: PartnershipAgreement) -> AgreementBudget:
    found = AgreementBudget.objects.filter(agreement=agreement).first()
    return found if found is not None else AgreementBudget(agreement=agreement)


def signed_agreement_get(*, area: LocalArea, pk: int) -> PartnershipAgreement | None:
    return PartnershipAgreement.objects.filter(area=area, pk=pk, status__in=IN_FORCE).first()


def finance_lines(*, area: LocalArea, year: SchoolYear) -> QuerySet[ClaimLine]:
    """Every line of the area's approved (or paid) claims for activities in `year`, with its
    claim, claimant, reward choice and agreement's cost code: one query, for streaming."""
    return (
        ClaimLine.objects.filter(
            claim__area=area,
            claim__status__in=APPROVED_STATES,
            claim__activity_on__gte=year.starts_on,
            claim__activity_on__lte=year.ends_on,
        )
        .select_related(
            "claim__claimant",
            "claim__reward",
            "claim__agreement__expenses_budget",
        )
        .order_by("claim__activity_on", "claim_id", "pk")
    )


# Incentives -------------------------------------------------------------------------------


def area_incentives(*, area: LocalArea) -> QuerySet[IncentiveOption]:
    return IncentiveOption.objects.filter(area=area).order_by("-is_available", "kind", "title")


def incentive_get(*, area: LocalArea, pk: int) -> IncentiveOption | None:
    return IncentiveOption.objects.filter(area=area, pk=pk).first()


def incentives_for(*, person: Person, area: LocalArea) -> list[IncentiveOption]:
    """The options the person may choose (by their role), their preferred one first."""
    preferred = preference_of(person=person, area=area)
    options = list(
        IncentiveOption.objects.filter(
            area=area, is_available=True, audience__in=audiences_for(person=person, area=area)
        ).order_by("kind", "title")
    )
    if preferred is not None:
        options.sort(key=lambda option: option.pk != preferred.option_id)
    return options


def preference_of(*, person: Person, area: LocalArea) -> IncentivePreference | None:
    return (
        IncentivePreference.objects.filter(person=person, area=area)
        .select_related("option")
        .first()
    )


def payments_of(agreement: PartnershipAgreement) -> list[AgreementPayment]:
    """The agreement's payment rates (prefetched by `agreement_in_force`)."""
    return list(agreement.payments.all())
