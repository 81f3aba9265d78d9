"""Reads for the board dashboard: its periods and bodies, every figure for a scope, and the
side-by-side view of a person's areas.

`dashboard_figures(scope)` is the one step that builds every registered figure for a scope:
the dashboard page uses it and so can a report (a PDF of the same figures). Each provider runs
a fixed number of queries (see `evaluation.figures`), so the page does too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coproduction.people.calendar import term_periods
from coproduction.people.models import LocalArea, Person
from evaluation.figures import (
    DashboardScope,
    Figure,
    FigureProvider,
    Measure,
    Period,
    academic_year,
    figures,
    suppress,
)
from forums.models import Body

# The dashboard and the side-by-side view offer at least this many school years, the current
# one first (the dashboard adds any earlier year holding one of the area's terms).
YEARS_OFFERED = 5


# Periods and bodies ---------------------------------------------------------------------------


def academic_years_back(*, today: date, count: int) -> list[Period]:
    """The school year `today` falls in and the `count - 1` before it, latest first."""
    years = [academic_year(today)]
    while len(years) < count:
        years.append(academic_year(years[-1].starts_on.replace(year=years[-1].starts_on.year - 1)))
    return years


def dashboard_periods(*, area: LocalArea, today: date) -> tuple[list[Period], list[Period]]:
    """What the dashboard can be filtered to: (school years, terms), each latest first.

    School years run 1 September to 31 August: the current one, the four before it, and
    every year holding one of the area's terms. A term's period is
    `coproduction.people.calendar.term_periods`' (from the day after the previous term ended
    to its last day, so holiday weeks count towards the next term), labelled with the term's
    name and slugged `term-<id>`. One query (the area's terms).
    """
    periods = term_periods(area=area)
    years = {year.slug: year for year in academic_years_back(today=today, count=YEARS_OFFERED)}
    for period in periods:
        year = academic_year(period.term.starts_on)
        years.setdefault(year.slug, year)
    terms = [
        Period(
            slug=f"term-{period.term.pk}",
            label=period.term.name,
            starts_on=period.starts_on,
            ends_on=period.ends_on,
        )
        for period in reversed(periods)
    ]
    return sorted(years.values(), key=lambda p: p.starts_on, reverse=True), terms


def period_choose(periods: list[Period], slug: str | None, *, default: Period) -> Period | None:
    """The period named by `slug` (None when no period has it); `default` when no slug."""
    if not slug:
        return default
    return next((period for period in periods if period.slug == slug), None)


def dashboard_bodies(*, area: LocalArea) -> list[Body]:
    """The area's boards and work streams, ended ones too (their past is on the dashboard),
    by name. One query."""
    return list(Body.objects.filter(area=area).only("pk", "name", "status").order_by("name"))


def dashboard_body_get(*, area: LocalArea, pk: Any) -> Body | None:
    """A body of `area` by id; None for another area's body, a missing one or a bad id."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return Body.objects.filter(area=area, pk=pk).first()


# Figures ---------------------------------------------------------------------------------------


def dashboard_providers(scope: DashboardScope) -> list[FigureProvider]:
    """Every registered provider, in page order; those with `body_level=False` are left out
    when the scope is one body."""
    return [provider for provider in figures.ordered() if scope.body is None or provider.body_level]


def _built(scope: DashboardScope) -> Iterator[tuple[FigureProvider, list[Figure]]]:
    for provider in dashboard_providers(scope):
        yield provider, list(provider.build(scope))


def dashboard_figures(scope: DashboardScope) -> list[tuple[FigureProvider, list[Figure]]]:
    """Every provider's figures for `scope`, in page order: (provider, figures) pairs, a
    provider with nothing to show keeping an empty list. Reused by reports."""
    return list(_built(scope))


def dashboard_figure_get(scope: DashboardScope, slug: str) -> Figure | None:
    """The figure called `slug` for `scope` (for its CSV download), or None. Builds providers
    in page order and stops at the first that has it."""
    for _provider, built in _built(scope):
        for figure in built:
            if figure.slug == slug:
                return figure
    return None


# Side by side ----------------------------------------------------------------------------------


def dashboard_areas(*, person: Person) -> list[LocalArea]:
    """The areas whose dashboard `person` may see, by name (no query beyond their
    memberships, read once per person)."""
    return [
        membership.area
        for membership in person.area_memberships()
        if person.has_perm("evaluation.view_dashboard", membership.area)
    ]


def _side_by_side_value(value: Any) -> Any:
    """Every count from 1 to 4 shows as "fewer than 5" when areas sit side by side, whatever
    the provider did: comparing areas must not single anyone out."""
    if isinstance(value, int) and not isinstance(value, bool):
        return suppress(value)
    return value


@dataclass
class MeasureRow:
    provider: FigureProvider
    label: str
    values: list[Any] = field(default_factory=list)  # one per area, in the areas' order


@dataclass
class SideBySide:
    areas: list[LocalArea]
    rows: list[MeasureRow]


def areas_side_by_side(*, person: Person, period: Period, today: date) -> SideBySide:
    """Each provider's headline measures for every area whose dashboard `person` may see, the
    areas in columns. Areas where the person lacks `evaluation.view_dashboard` never appear.
    A measure one area lacks shows as None. Queries: each provider's measures per area."""
    areas = dashboard_areas(person=person)
    rows: dict[tuple[str, str], MeasureRow] = {}
    for column, area in enumerate(areas):
        scope = DashboardScope(area=area, period=period, today=today)
        for provider in figures.ordered():
            if provider.measures is None:
                continue
            measures: list[Measure] = list(provider.measures(scope))
            for measure in measures:
                row = rows.setdefault(
                    (provider.slug, measure.label), MeasureRow(provider, measure.label)
                )
                row.values.extend([None] * (column - len(row.values)))
                row.values.append(_side_by_side_value(measure.value))
    for row in rows.values():
        row.values.extend([None] * (len(areas) - len(row.values)))
    ordered = sorted(
        rows.values(), key=lambda row: (row.provider.order, row.provider.slug)
    )  # stable: each provider's measures keep their order
    return SideBySide(areas=areas, rows=ordered)
