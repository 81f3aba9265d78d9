"""The incentives portfolio, people's preferences, the area's expense settings and each
agreement's budget and cost code. Source: Birmingham SEND co-production mapping 2022 (a
portfolio of approved incentives people choose from; money can affect a family's benefits)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Person
from forums.expenses import selectors
from forums.expenses.models import (
    AgreementBudget,
    ExpenseSettings,
    IncentiveOption,
    IncentivePreference,
)
from forums.models import PartnershipAgreement


@transaction.atomic
def incentive_save(
    *, area: LocalArea, option: IncentiveOption | None = None, **fields
) -> IncentiveOption:
    """Add an option to the area's portfolio, or change `option` (of that area). `fields` are
    the model's (kind, title, description, audience, benefits_note, is_available). A title
    already used in the area is refused at `title`."""
    if option is None:
        option = IncentiveOption(area=area)
    else:
        option = IncentiveOption.objects.select_for_update().get(pk=option.pk, area=area)
    for name, value in fields.items():
        setattr(option, name, value.strip() if isinstance(value, str) else value)
    if (
        IncentiveOption.objects.filter(area=area, title__iexact=option.title)
        .exclude(pk=option.pk)
        .exists()
    ):
        raise ValidationError({"title": "There is already an option with this name."})
    option.full_clean()
    option.save()
    return option


@transaction.atomic
def incentive_preference_set(
    *, person: Person, area: LocalArea, option: IncentiveOption
) -> IncentivePreference:
    """Record (or change) how the person prefers to be rewarded in the area. Only an option
    on offer to them (available, and for their role) is accepted."""
    allowed = {o.pk for o in selectors.incentives_for(person=person, area=area)}
    if option.pk not in allowed:
        raise ValidationError({"option": "Choose one of the rewards on offer to you."})
    preference, _ = IncentivePreference.objects.select_for_update().update_or_create(
        person=person, area=area, defaults={"option": option, "chosen_at": timezone.now()}
    )
    return preference


@transaction.atomic
def expense_settings_update(*, area: LocalArea, **fields) -> ExpenseSettings:
    """Save the area's expense settings (claim cap, young people's service and contact)."""
    settings, _ = ExpenseSettings.objects.select_for_update().get_or_create(area=area)
    for name, value in fields.items():
        setattr(settings, name, value.strip() if isinstance(value, str) else value)
    settings.full_clean()
    settings.save()
    return settings


@transaction.atomic
def agreement_budget_save(
    *, agreement: PartnershipAgreement, cost_code: str, budget
) -> AgreementBudget:
    """Set a signed agreement version's expenses budget (pounds, or None) and cost code.
    Allowed on a signed or replaced version: the budget is finance's, not a term of it."""
    if agreement.status == PartnershipAgreement.Status.DRAFT:
        raise ValidationError({"budget": "Set the budget once the agreement is signed."})
    row, _ = AgreementBudget.objects.select_for_update().get_or_create(agreement=agreement)
    row.cost_code = cost_code.strip()
    row.budget = budget
    row.full_clean()
    row.save()
    return row
