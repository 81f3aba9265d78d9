"""The board dashboard's figures: the contract every contributor builds to.

A figure is one chart-and-table on the board dashboard (and in the board's reports): its
rows are plain values, already aggregated, with small counts suppressed by the provider that
made them. Each part of the portal that has something for the board adds a module to this
package calling `register(FigureProvider(...))`; `EvaluationConfig.ready()` imports every
module here, so nobody edits a shared list. Modelled on adhocracy+'s per-app dashboard
components.

A provider's `build(scope)` must run a fixed number of queries whatever the data size
(aggregate in SQL), and must only count records of `scope.area` (and `scope.body` when set).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coproduction.charts import BarChart

# The small-count rule (counts from 1 to 4 show as "fewer than 5") lives in coproduction so the
# shared apps use it too; re-exported here as part of the figure contract.
from coproduction.small_counts import SMALL_COUNT as SMALL_COUNT
from coproduction.small_counts import SUPPRESSED as SUPPRESSED
from coproduction.small_counts import suppress as suppress


def shown_if_enough(value: Any, *, count: int | None) -> Any:
    """A value worked out from `count` people's records (an average, a share, a median), as
    a figure cell or a measure shows it: None ("No data") when nothing was counted, the words
    "fewer than 5" when 1 to 4 were (so the area dashboard and the side-by-side view read the
    same), else `value`. Source: the small-count rule above."""
    if not count:
        return None
    if count < SMALL_COUNT:
        return SUPPRESSED
    return value


@dataclass(frozen=True)
class Period:
    """A stretch of days the dashboard is filtered to: a term or an academic year.

    `slug` goes in the query string (`?period=2025-26` or `?period=term-12`); both ends count.
    """

    slug: str
    label: str
    starts_on: date
    ends_on: date

    def __contains__(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def academic_year(day: date) -> Period:
    """The academic year (1 September to 31 August) that `day` falls in."""
    start_year = day.year if day.month >= 9 else day.year - 1
    return Period(
        slug=f"{start_year}-{(start_year + 1) % 100:02d}",
        label=f"{start_year} to {start_year + 1} school year",
        starts_on=date(start_year, 9, 1),
        ends_on=date(start_year + 1, 8, 31),
    )


def year_before(period: Period) -> Period:
    """The same stretch one year earlier (for "now and a year ago")."""
    return Period(
        slug=f"{period.slug}-previous",
        label=f"a year before {period.label}",
        starts_on=period.starts_on.replace(year=period.starts_on.year - 1),
        ends_on=period.ends_on.replace(year=period.ends_on.year - 1),
    )


@dataclass(frozen=True)
class DashboardScope:
    """What a figure is about: one area, optionally one body in it, over one period.

    `body` is a `forums.Body` of `area` or None (the whole area). `today` is the date the
    figures are read on (overdue means before it).
    """

    area: Any
    period: Period
    today: date
    body: Any = None


@dataclass(frozen=True)
class Figure:
    """One chart and its data table.

    `slug` is unique on the page (anchor and CSV name); `headings` head `rows`' columns; the
    CSV download is exactly `headings` then `rows`. `chart` (from `coproduction.charts`) is
    optional: a figure may be a table only. `notes` are shown under the title (for example
    "Not co-produced: no parent carer forum representative rated this round").
    `empty_text` is shown instead of the table when `rows` is empty.
    """

    slug: str
    title: str
    headings: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    description: str = ""
    chart: BarChart | None = None
    notes: tuple[str, ...] = ()
    empty_text: str = "Nothing to show for this period."


@dataclass(frozen=True)
class Measure:
    """One headline number for the side-by-side view of a person's areas (already
    suppressed: an int, a str such as "fewer than 5" or "72%", or None for "no data")."""

    label: str
    value: Any


@dataclass(frozen=True)
class FigureProvider:
    """A contributor of figures. `build(scope)` returns its figures (maybe none);
    `measures(scope)`, if given, returns headline numbers for the side-by-side view of areas
    (aggregates only). `order` places its figures on the page (lower first); `body_level`
    says whether it also applies when the dashboard is filtered to one body. `tags` group
    providers for reports (the board's self-evaluation summary takes those tagged
    "self-evaluation"; see `evaluation.reports.content`).
    """

    slug: str
    title: str
    build: Callable[[DashboardScope], Sequence[Figure]]
    order: int = 100
    measures: Callable[[DashboardScope], Sequence[Measure]] | None = None
    body_level: bool = True
    tags: tuple[str, ...] = ()


@dataclass
class FigureRegistry:
    providers: list[FigureProvider] = field(default_factory=list)

    def register(self, provider: FigureProvider) -> None:
        """Add `provider`; registering the same slug twice is an error."""
        if any(p.slug == provider.slug for p in self.providers):
            raise ValueError(f"figure provider {provider.slug!r} is already registered")
        self.providers.append(provider)

    def ordered(self) -> list[FigureProvider]:
        return sorted(self.providers, key=lambda p: (p.order, p.slug))


figures = FigureRegistry()
register = figures.register


def discover() -> None:
    """Import every module of this package, so each registers its providers (from
    `EvaluationConfig.ready()`)."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
