"""Consultation load against the area's limits: per term in the period, the requests made of
participation groups and of parent carers and young people, and how many groups and people
were asked as often as the area's limit or more.

Counted in SQL: the area's terms (one query), then requests grouped by term, by term and
group, and by term and person (three queries), whatever the number of requests. Requests are
the area's, not a body's, so the figure is hidden when a body is chosen. Counts of people
under 5 are suppressed. Source: the consultation load limits each area sets (requests per
term for a group and for a person).
"""

from decimal import Decimal

from django.db.models import Case, Count, IntegerField, Sum, Value, When

from coproduction.charts import bar_chart
from coproduction.consultation.models import ConsultationRequest
from coproduction.people.calendar import TermPeriod, term_periods
from evaluation.figures import DashboardScope, Figure, FigureProvider, Measure, register, suppress


def _terms_in(scope: DashboardScope) -> list[TermPeriod]:
    """The area's terms that overlap the period (by the term's own dates)."""
    return [
        period
        for period in term_periods(area=scope.area)
        if period.term.starts_on <= scope.period.ends_on
        and period.term.ends_on >= scope.period.starts_on
    ]


def _load(scope: DashboardScope) -> list[dict]:
    """Per term: requests, hours, groups and people at or over the limit (four queries)."""
    periods = _terms_in(scope)
    if not periods:
        return []
    term_of = Case(
        *(
            When(asked_on__range=(period.starts_on, period.ends_on), then=Value(period.term.pk))
            for period in periods
        ),
        output_field=IntegerField(),
    )
    requests = (
        ConsultationRequest.objects.filter(
            area=scope.area, asked_on__range=(periods[0].starts_on, periods[-1].ends_on)
        )
        .order_by()
        .annotate(term_id=term_of)
    )
    by_group = (
        requests.filter(group__isnull=False).values("term_id", "group_id").annotate(n=Count("pk"))
    )
    by_person = (
        requests.filter(person__isnull=False).values("term_id", "person_id").annotate(n=Count("pk"))
    )
    terms: dict[int, dict] = {
        period.term.pk: {
            "period": period,
            "requests": 0,
            "hours": Decimal(0),
            "groups_at_limit": 0,
            "people_at_limit": 0,
        }
        for period in periods
    }
    group_limit = scope.area.group_requests_per_term
    person_limit = scope.area.person_requests_per_term
    for row in by_group:
        term = terms[row["term_id"]]
        term["groups_at_limit"] += int(row["n"] >= group_limit)
    for row in by_person:
        term = terms[row["term_id"]]
        term["people_at_limit"] += int(row["n"] >= person_limit)
    totals = requests.values("term_id").annotate(n=Count("pk"), hours=Sum("hours_asked"))
    for row in totals:
        terms[row["term_id"]]["requests"] = row["n"]
        terms[row["term_id"]]["hours"] = row["hours"] or Decimal(0)
    return list(terms.values())


def consultation_figures(scope: DashboardScope) -> list[Figure]:
    """One figure: a row per term of the period."""
    terms = _load(scope)
    area = scope.area
    return [
        Figure(
            slug="consultation-load",
            title="Consultation load against the limits",
            description=(
                "How often participation groups, parent carers and young people were asked to "
                f"take part, term by term. The area's limits: {area.group_requests_per_term} "
                f"requests a term for a group and {area.person_requests_per_term} for a person."
            ),
            headings=(
                "Term",
                "Requests",
                "Hours asked",
                "Groups at or over the limit",
                "People at or over the limit",
            ),
            rows=tuple(
                (
                    term["period"].term.name,
                    term["requests"],
                    term["hours"],
                    term["groups_at_limit"],
                    suppress(term["people_at_limit"]),
                )
                for term in terms
            ),
            chart=bar_chart(
                caption="Consultation requests per term",
                values=[(term["period"].term.name, term["requests"]) for term in terms],
                label_heading="Term",
                value_heading="Requests",
            )
            if terms
            else None,
            notes=(
                "Requests made in the holidays count towards the next term.",
                "Numbers of people from 1 to 4 show as “fewer than 5”.",
            ),
            empty_text="This area has no term dates in this period, so load cannot be counted.",
        )
    ]


def consultation_measures(scope: DashboardScope) -> list[Measure]:
    terms = _load(scope)
    return [
        Measure("Consultation requests", sum(t["requests"] for t in terms) if terms else None),
        Measure(
            "People at or over the request limit (added up over terms)",
            suppress(sum(t["people_at_limit"] for t in terms)) if terms else None,
        ),
    ]


register(
    FigureProvider(
        slug="consultation",
        title="Consultation load",
        build=consultation_figures,
        order=90,
        measures=consultation_measures,
        body_level=False,
    )
)
