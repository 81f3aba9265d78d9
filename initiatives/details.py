"""What an officer says about an initiative or an opportunity: the plain values a form (or a
row of a CSV import) hands to the services. Kept apart so the CSV format and the services
both use them without importing each other.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from coproduction.people.models import Organisation, Sector
from coproduction.training.models import Course
from initiatives.models import CO_ORDER, Initiative, InitiativeStatus, Opportunity


@dataclass(kw_only=True)
class InitiativeDetails:
    """Everything the register form (and a row of a CSV import) says about an initiative."""

    title: str
    summary: str = ""
    main_co: str
    cos: list[str]
    sectors: list[str]
    level: str = ""
    status: str = InitiativeStatus.ACTIVE
    start_date: date | None = None
    end_date: date | None = None
    lead_organisations: list[Organisation] = field(default_factory=list)
    funding_source: str = ""
    funding_amount: Decimal | None = None
    funding_kind: str = ""
    funding_ends_on: date | None = None
    engagement_aimed: str = ""
    engagement_reached: str = ""

    # Fields stored on the Initiative row itself (lead organisations are a relation).
    ROW_FIELDS = (
        "title",
        "summary",
        "main_co",
        "cos",
        "sectors",
        "level",
        "status",
        "start_date",
        "end_date",
        "funding_source",
        "funding_amount",
        "funding_kind",
        "funding_ends_on",
        "engagement_aimed",
        "engagement_reached",
    )

    def apply_to(self, initiative: Initiative) -> None:
        """Copy the row fields onto `initiative`, tidied (spaces, canonical order)."""
        initiative.title = " ".join(self.title.split())
        initiative.summary = self.summary.strip()
        initiative.main_co = self.main_co
        # Lists in a fixed order, so comparing and exporting them is stable.
        initiative.cos = [co for co in CO_ORDER if co in set(self.cos)]
        initiative.sectors = [sector for sector in Sector.values if sector in set(self.sectors)]
        for name in self.ROW_FIELDS:
            if name not in {"title", "summary", "cos", "sectors", "main_co"}:
                value = getattr(self, name)
                setattr(initiative, name, value.strip() if isinstance(value, str) else value)


@dataclass(kw_only=True)
class OpportunityDetails:
    title: str
    kind: str
    description: str
    audience: str
    time_asked: str
    hours_asked: Decimal
    support_offered: list[str] = field(default_factory=list)
    reward: str = ""
    closes_on: date
    places: int | None = None
    course: Course | None = None

    def apply_to(self, opportunity: Opportunity) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            setattr(opportunity, name, value.strip() if isinstance(value, str) else value)
        opportunity.support_offered = [
            value for value in Opportunity.Support.values if value in set(self.support_offered)
        ]
