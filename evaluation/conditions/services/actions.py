"""The action plan: "making it happen" (IMPOWER toolkit, "Moving up the scale": actions under
three themes, each serving a move up the engagement dial)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from coproduction.people.models import AreaMembership, LocalArea, Person
from evaluation.conditions.constants import Condition
from evaluation.conditions.models import ConditionsRound, PlanAction
from evaluation.date_limits import ACTION_YEARS_AHEAD, EARLIEST_TEXT, SEND_REFORMS_BEGAN, latest_due

FIELDS = (
    "theme",
    "description",
    "owner",
    "due_on",
    "status",
    "level_from",
    "level_to",
    "conditions",
)


def _check(area: LocalArea, values: dict) -> None:
    errors: dict[str, str] = {}
    owner = values["owner"]
    if not AreaMembership.objects.filter(area=area, person=owner).exists():
        errors["owner"] = "Choose an owner who belongs to this area"
    level_from, level_to = values.get("level_from"), values.get("level_to")
    if (level_from is None) != (level_to is None):
        errors["level_to" if level_to is None else "level_from"] = (
            "Choose both levels of the move up the scale, or neither"
        )
    elif level_from is not None and level_to <= level_from:
        errors["level_to"] = "The level to reach must be higher than the level it starts from"
    due_on = values.get("due_on")
    if due_on is not None and due_on < SEND_REFORMS_BEGAN:
        errors["due_on"] = f"The due date must be on or after {EARLIEST_TEXT}"
    elif due_on is not None and due_on > latest_due():
        errors["due_on"] = (
            f"The due date must be within {ACTION_YEARS_AHEAD} years, "
            f"on or before {latest_due():%-d %B %Y}"
        )
    unknown = [n for n in values.get("conditions") or [] if n not in Condition.values]
    if unknown:
        errors["conditions"] = "Choose conditions from the list"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def plan_action_add(
    *,
    area: LocalArea,
    by: Person,
    theme: str,
    description: str,
    owner: Person,
    due_on: date,
    status: str,
    level_from: int | None = None,
    level_to: int | None = None,
    conditions: list[int] | None = None,
    conditions_round: ConditionsRound | None = None,
) -> PlanAction:
    """Add an action to `area`'s plan. The owner must belong to the area; a move up the scale
    needs both levels, the second higher. Raises ValidationError at the field."""
    values = {
        "theme": theme,
        "description": description,
        "owner": owner,
        "due_on": due_on,
        "status": status,
        "level_from": level_from,
        "level_to": level_to,
        "conditions": sorted(set(conditions or [])),
    }
    _check(area, values)
    if conditions_round is not None and conditions_round.area_id != area.pk:
        conditions_round = None
    action = PlanAction(area=area, created_by=by, conditions_round=conditions_round, **values)
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def plan_action_update(*, action: PlanAction, **values) -> PlanAction:
    """Change an action's fields (any of FIELDS), with the checks of `plan_action_add`."""
    locked = PlanAction.objects.select_for_update().get(pk=action.pk)
    merged = {name: getattr(locked, name) for name in FIELDS}
    merged.update({name: value for name, value in values.items() if name in FIELDS})
    merged["conditions"] = sorted(set(merged["conditions"] or []))
    _check(locked.area, merged)
    for name, value in merged.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    return locked
