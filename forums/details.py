"""What an organiser says about a group, a body, a membership, an agreement or a part of one:
the plain values a form hands to the services (`forums/services`). The services create or
update the rows from these; no view hands a services a model instance its form has changed.

Each class lists the fields of one form. `from_form(cleaned_data)` takes them from a valid
form's `cleaned_data` (other keys are ignored); `of(row)` reads them from a stored row, which
tests and code that change one field use with `dataclasses.replace`.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Self

from django.db import models
from django.utils import timezone

from coproduction.people.models import Organisation, Person
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    Body,
    BodyRole,
    BodyStatus,
    ParticipationGroup,
    RagStatus,
)


class _RowDetails:
    """Copying to and from the model fields of the same names."""

    # Fields that are not columns of the row (many-to-many relations), skipped by apply_to().
    NOT_ON_ROW: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def from_form(cls, cleaned_data: Mapping[str, Any]) -> Self:
        """The details from a valid form's `cleaned_data`; keys that are not fields are
        ignored, and a field the form lacks keeps its default."""
        names = {each.name for each in fields(cls)}  # type: ignore[arg-type]
        return cls(**{name: value for name, value in cleaned_data.items() if name in names})

    @classmethod
    def of(cls, row: models.Model) -> Self:
        """The details as stored on `row` (many-to-many fields read as lists)."""
        values = {}
        for each in fields(cls):  # type: ignore[arg-type]
            value = getattr(row, each.name)
            values[each.name] = list(value.all()) if each.name in cls.NOT_ON_ROW else value
        return cls(**values)

    def apply_to(self, row: models.Model) -> None:
        """Set the row's fields to these values, text stripped of surrounding spaces."""
        for each in fields(self):  # type: ignore[arg-type]
            if each.name in self.NOT_ON_ROW:
                continue
            value = getattr(self, each.name)
            setattr(row, each.name, value.strip() if isinstance(value, str) else value)


@dataclass(frozen=True, kw_only=True)
class GroupDetails(_RowDetails):
    """A participation group, as the group form describes it."""

    name: str
    kind: str
    organisation: Organisation | None = None
    description: str
    how_to_contact: str
    how_to_join: str = ""
    networks_reached: str = ""


@dataclass(frozen=True, kw_only=True)
class BodyDetails(_RowDetails):
    """A board or work stream. `sectors` are the services that should sit on it."""

    name: str
    kind: str
    level: str
    parent: Body | None = None
    purpose: str
    status: str = BodyStatus.ACTIVE
    terms_of_reference: str = ""
    sectors: Sequence[str] = ()
    needs_young_people: bool = False
    open_to_requests: bool = False
    hours_per_term: Decimal | None = None

    def apply_to(self, row: models.Model) -> None:
        super().apply_to(row)
        row.sectors = sorted(set(self.sectors))  # type: ignore[attr-defined]


@dataclass(frozen=True, kw_only=True)
class BodyMembershipDetails(_RowDetails):
    """A person's place on a body: their role, whom they represent, and the dates.

    An empty `represents_sector` is taken from the organisation they represent. The person of
    an existing membership cannot change (the form shows it fixed)."""

    person: Person
    role: str = BodyRole.MEMBER
    represents_sector: str = ""
    represents_organisation: Organisation | None = None
    represents_group: ParticipationGroup | None = None
    started_on: date = field(default_factory=timezone.localdate)
    ended_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class AgreementDetails(_RowDetails):
    """A partnership agreement's terms, with its parties and signatories. Money in pounds;
    `core_funding_period` is a FundingPeriod value, or empty when no core funding is set."""

    NOT_ON_ROW = frozenset({"parties", "signatories"})

    title: str
    parties: Sequence[Organisation]
    signatories: Sequence[Person] = ()
    starts_on: date
    review_on: date
    reviewing_body: Body | None = None
    core_funding_amount: Decimal | None = None
    core_funding_period: str = ""

    def apply_to(self, row: models.Model) -> None:
        super().apply_to(row)
        row.core_funding_period = self.core_funding_period or ""  # type: ignore[attr-defined]


# The parts of a draft agreement, each edited on its own page.


@dataclass(frozen=True, kw_only=True)
class PaymentDetails(_RowDetails):
    """Something the agreement pays for: `rate` in pounds, None when paid at cost."""

    model: ClassVar[type[models.Model]] = AgreementPayment

    kind: str
    description: str
    rate: Decimal | None = None
    unit: str


@dataclass(frozen=True, kw_only=True)
class ScheduleItemDetails(_RowDetails):
    """A meeting or project of the agreement's year."""

    model: ClassVar[type[models.Model]] = AgreementScheduleItem

    kind: str
    title: str
    planned_on: date
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class OutcomeDetails(_RowDetails):
    """An outcome agreed for the year, with how it is going and the evidence."""

    model: ClassVar[type[models.Model]] = AgreementOutcome

    outcome: str
    status: str = RagStatus.NOT_STARTED
    evidence: str = ""


AgreementPartDetails = PaymentDetails | ScheduleItemDetails | OutcomeDetails
