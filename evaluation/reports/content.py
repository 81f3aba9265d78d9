"""What goes in each kind of report: a registry of section builders, so other apps plug their
sections in without editing this app (as `evaluation.figures` does for the dashboard).

A section builder takes a `ReportScope` and returns `Section`s (maybe none). Register it from
your app's `AppConfig.ready()` (or its `frame.register()`):

    from evaluation.reports.content import ReportSections, sections
    from evaluation.reports.models import ReportKind

    sections.register(
        ReportKind.YOU_SAID_WE_DID,
        ReportSections(slug="feedback", build=feedback_report_sections, order=10),
    )

    def feedback_report_sections(scope: ReportScope) -> Sequence[Section]: ...

A builder must only read records of `scope.area` (and of `scope.body` or `scope.initiative`
when set) dated within `scope.period`, run a fixed number of queries, and never include a
person's name or anything not yet published. The board's summary and the inspection pack are
built from the dashboard's figure providers (`evaluation.figures`); their builders are here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from evaluation.figures import DashboardScope, Figure, FigureProvider, Period, figures


@dataclass(frozen=True)
class ReportScope:
    """What a report is about: an area, or one body or initiative of it, over `period`.

    `local_offer` is true for the yearly Local Offer publication (you said, we did, limited to
    feedback about the Local Offer). `today` is the day the report is made.
    """

    area: Any
    period: Period
    today: date
    body: Any = None
    initiative: Any = None
    local_offer: bool = False

    def dashboard_scope(self) -> DashboardScope:
        return DashboardScope(area=self.area, period=self.period, today=self.today, body=self.body)


@dataclass(frozen=True)
class FeedbackEntry:
    """One published "you said, we did" item, already anonymised (only confirmed text).

    `response_kind` is the response's words ("We did", "We are doing", "We will", "We could
    not"); `due` is the date for "we will" (or None).
    """

    said: str
    topic: str
    said_on: date
    response_kind: str = ""
    response: str = ""
    due: date | None = None
    source: str = ""


@dataclass(frozen=True)
class Section:
    """One headed part of a report: paragraphs, then tables (dashboard `Figure`s), then
    "you said, we did" entries (each shown as a short headed block, in the order given).

    `empty_text` is shown when the section has no figures and no entries.
    """

    slug: str
    title: str
    paragraphs: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    entries: tuple[FeedbackEntry, ...] = ()
    empty_text: str = "Nothing to show for this period."


@dataclass(frozen=True)
class ReportSections:
    """A contributor of sections to one kind of report; lower `order` comes first."""

    slug: str
    build: Callable[[ReportScope], Sequence[Section]]
    order: int = 100


@dataclass
class SectionRegistry:
    by_kind: dict[str, list[ReportSections]] = field(default_factory=dict)

    def register(self, kind: str, provider: ReportSections) -> None:
        """Add `provider` to reports of `kind`; the same slug twice for one kind is an error."""
        providers = self.by_kind.setdefault(str(kind), [])
        if any(p.slug == provider.slug for p in providers):
            raise ValueError(f"report section {provider.slug!r} is already registered for {kind}")
        providers.append(provider)

    def unregister(self, kind: str, slug: str) -> None:
        """Remove a provider (tests and the benchmark swap in synthetic ones)."""
        self.by_kind[str(kind)] = [p for p in self.by_kind.get(str(kind), []) if p.slug != slug]

    def ordered(self, kind: str) -> list[ReportSections]:
        return sorted(self.by_kind.get(str(kind), []), key=lambda p: (p.order, p.slug))


sections = SectionRegistry()

# Figure providers whose figures make the board's self-evaluation summary: those tagged
# "self-evaluation", or whose slug starts with one of these (the self-evaluation parts of
# issue 10: the dial, conditions of success, characteristics and the action plan).
SELF_EVALUATION_TAG = "self-evaluation"
SELF_EVALUATION_PREFIXES = ("dial", "conditions", "characteristics", "action")


def is_self_evaluation(provider: FigureProvider) -> bool:
    return SELF_EVALUATION_TAG in provider.tags or provider.slug.startswith(
        SELF_EVALUATION_PREFIXES
    )


def figure_sections(scope: ReportScope, providers: Sequence[FigureProvider]) -> list[Section]:
    """One section per figure provider (its title, its figures as tables). Providers that do
    not apply to one body are left out of a body's report."""
    dashboard = scope.dashboard_scope()
    built = []
    for provider in providers:
        if scope.body is not None and not provider.body_level:
            continue
        built.append(
            Section(
                slug=provider.slug,
                title=provider.title,
                figures=tuple(provider.build(dashboard)),
            )
        )
    return built


def self_evaluation_sections(scope: ReportScope) -> list[Section]:
    """The board's summary: the self-evaluation figures of every registered provider."""
    chosen = [p for p in figures.ordered() if is_self_evaluation(p)]
    return figure_sections(scope, chosen)


def inspection_pack_sections(scope: ReportScope) -> list[Section]:
    """The inspection evidence pack: every registered figure, in the dashboard's order."""
    return figure_sections(scope, figures.ordered())


sections.register(
    "self_evaluation", ReportSections(slug="figures", build=self_evaluation_sections, order=50)
)
sections.register(
    "inspection_pack", ReportSections(slug="figures", build=inspection_pack_sections, order=50)
)


def report_sections(kind: str, scope: ReportScope) -> list[Section]:
    """Every section of a report of `kind` about `scope`, in order."""
    built: list[Section] = []
    for provider in sections.ordered(kind):
        built.extend(provider.build(scope))
    return built
