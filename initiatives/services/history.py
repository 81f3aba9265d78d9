"""The history of an initiative: every change an officer makes, field by field."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.utils import dateformat, timezone

from coproduction.people.models import Organisation, Person, Sector
from initiatives.details import InitiativeDetails
from initiatives.models import (
    Co,
    EngagementLevel,
    FundingKind,
    Initiative,
    InitiativeChange,
    InitiativeLevel,
    InitiativeStatus,
)

Action = InitiativeChange.Action

# Field, and the words the history uses for it, in the order changes are listed.
HISTORY_FIELDS = [
    ("title", "Title"),
    ("summary", "Summary"),
    ("main_co", "Main Co"),
    ("cos", "Co's"),
    ("sectors", "Sectors"),
    ("level", "Level"),
    ("status", "Status"),
    ("start_date", "Start date"),
    ("end_date", "End date"),
    ("lead_organisations", "Lead organisations"),
    ("funding_source", "Funding source"),
    ("funding_amount", "Funding amount"),
    ("funding_kind", "Recurring or time-limited"),
    ("funding_ends_on", "Funding end date"),
    ("engagement_aimed", "Engagement level aimed for"),
    ("engagement_reached", "Engagement level reached"),
]
CHOICES = {
    "main_co": Co,
    "cos": Co,
    "sectors": Sector,
    "level": InitiativeLevel,
    "status": InitiativeStatus,
    "funding_kind": FundingKind,
    "engagement_aimed": EngagementLevel,
    "engagement_reached": EngagementLevel,
}


def _in_words(name: str, value) -> str:
    """A field's value as the history shows it."""
    if value in (None, "", []):
        return ""
    if name in CHOICES:
        choices = CHOICES[name]
        if isinstance(value, list):
            return "; ".join(choices(item).label for item in value)
        return choices(value).label
    if isinstance(value, date):
        return dateformat.format(value, "j F Y")
    if isinstance(value, Decimal):
        return f"£{value:,.2f}"
    if name == "lead_organisations":
        return "; ".join(sorted(org.name for org in value))
    return str(value)


def snapshot(initiative: Initiative, organisations: Iterable[Organisation]) -> dict[str, str]:
    """Every history field of `initiative` in words, to compare before and after a change."""
    values = {name: getattr(initiative, name) for name in InitiativeDetails.ROW_FIELDS}
    values["lead_organisations"] = list(organisations)
    return {name: _in_words(name, values[name]) for name, _label in HISTORY_FIELDS}


def record_change(initiative: Initiative, by: Person | None, action: str, **change) -> None:
    """Write one history line (`change` gives field, old_value, new_value when they apply)."""
    InitiativeChange.objects.create(
        initiative=initiative, changed_by=by, action=action, changed_at=timezone.now(), **change
    )


def record_differences(
    initiative: Initiative, by: Person | None, before: dict[str, str], after: dict[str, str]
) -> int:
    """One history line per field whose words differ; returns how many were written."""
    now = timezone.now()
    rows = [
        InitiativeChange(
            initiative=initiative,
            changed_by=by,
            changed_at=now,
            action=Action.CHANGED,
            field=label,
            old_value=before[name],
            new_value=after[name],
        )
        for name, label in HISTORY_FIELDS
        if before[name] != after[name]
    ]
    InitiativeChange.objects.bulk_create(rows)
    return len(rows)
