"""Consultation load reads: requests per term against the area's limits. Each returns what a
page needs in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import (
    Aggregate,
    Count,
    Model,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Coalesce

from coproduction.consultation.models import ConsultationRequest
from coproduction.people.calendar import TermPeriod, period_for, term_periods
from coproduction.people.models import LocalArea, Person

# Participation groups belong to forums, which builds on this app: reach the model through the
# lazy foreign key instead of importing forums. Annotations name it as a string.
ParticipationGroup: Any = ConsultationRequest._meta.get_field("group").related_model


@dataclass
class TermLoad:
    period: TermPeriod
    requests: int
    hours: Decimal
    limit: int

    @property
    def at_or_over_limit(self) -> bool:
        return self.requests >= self.limit

    @property
    def over_limit(self) -> bool:
        return self.requests > self.limit


def _requests_of(*, group: Model | None, person: Person | None):
    if group is not None:
        return ConsultationRequest.objects.filter(group_id=group.pk)
    return ConsultationRequest.objects.filter(person=person)


def consultation_load_by_term(
    *,
    area: LocalArea,
    periods: list[TermPeriod],
    group: Model | None = None,
    person: Person | None = None,
) -> list[TermLoad]:
    """Requests and hours per term for one group or one person: one query."""
    limit = area.group_requests_per_term if group is not None else area.person_requests_per_term
    if not periods:
        return []
    aggregates: dict[str, Aggregate] = {}
    for period in periods:
        in_period = Q(asked_on__range=(period.starts_on, period.ends_on))
        aggregates[f"n{period.term.pk}"] = Count("pk", filter=in_period)
        aggregates[f"h{period.term.pk}"] = Sum("hours_asked", filter=in_period)
    totals = _requests_of(group=group, person=person).filter(area=area).aggregate(**aggregates)
    return [
        TermLoad(
            period=period,
            requests=totals[f"n{period.term.pk}"],
            hours=totals[f"h{period.term.pk}"] or Decimal(0),
            limit=limit,
        )
        for period in periods
    ]


def consultation_requests_of(
    *, area: LocalArea, group: Model | None = None, person: Person | None = None
) -> QuerySet[ConsultationRequest]:
    return (
        _requests_of(group=group, person=person)
        .filter(area=area)
        .select_related("group", "person", "made_by")
        .order_by("-asked_on", "-created_at")
    )


def consultation_load_warnings(
    *,
    area: LocalArea,
    asked_on: date,
    group: Model | None = None,
    person: Person | None = None,
) -> list[str]:
    """Sentences warning that the group or person already has as many requests as the area's
    limit (or more) in the term `asked_on` counts towards. Empty when within the limit or when
    the area has no term covering that day."""
    periods = term_periods(area=area)
    period = period_for(periods, asked_on)
    if period is None:
        return []
    checks = []
    if group is not None:
        checks.append((group, "group", area.group_requests_per_term))
    if person is not None:
        checks.append((person, "person", area.person_requests_per_term))
    warnings = []
    for who, kind, limit in checks:
        requests = (
            ConsultationRequest.objects.filter(**{kind: who}, area=area)
            .filter(asked_on__range=(period.starts_on, period.ends_on))
            .count()
        )
        if requests >= limit:
            warnings.append(
                f"{who} has already had {requests} request{'s' if requests != 1 else ''} "
                f"in {period.term.name}. The limit for a {kind} is {limit} a term."
            )
    return warnings


@dataclass
class LoadRow:
    """A group or person with their requests this term."""

    who: ParticipationGroup | Person
    requests: int
    hours: Decimal
    limit: int

    @property
    def at_or_over_limit(self) -> bool:
        return self.requests >= self.limit


def consultation_overview(*, area: LocalArea, period: TermPeriod | None):
    """Every group, and every parent carer and young person with a request this term, with
    their requests this term. Two queries."""
    if period is None:
        in_term = Q(pk__in=[])
    else:
        in_term = Q(
            consultation_requests__asked_on__range=(period.starts_on, period.ends_on),
            consultation_requests__area=area,
        )
    groups = (
        ParticipationGroup.objects.filter(area=area)
        .select_related("area")
        .annotate(
            requests=Count("consultation_requests", filter=in_term),
            hours=Coalesce(Sum("consultation_requests__hours_asked", filter=in_term), Decimal(0)),
        )
        .order_by("-requests", "name")
    )
    people = (
        Person.objects.filter(memberships__area=area)
        .annotate(
            requests=Count("consultation_requests", filter=in_term),
            hours=Coalesce(Sum("consultation_requests__hours_asked", filter=in_term), Decimal(0)),
        )
        .filter(requests__gt=0)
        .order_by("-requests", "display_name")
    )
    return (
        [
            LoadRow(who=g, requests=g.requests, hours=g.hours, limit=area.group_requests_per_term)
            for g in groups
        ],
        [
            LoadRow(who=p, requests=p.requests, hours=p.hours, limit=area.person_requests_per_term)
            for p in people
        ],
    )
