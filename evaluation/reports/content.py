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

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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

    @property
    def entries_html(self) -> SafeString:
        """The entries as the report shows them (see `entries_html`)."""
        return entries_html(self.entries)


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def entries_html(entries: Sequence[FeedbackEntry]) -> SafeString:
    """`entries` as the report's "you said, we did" items, built in one pass (a template
    include or tag per item costs more than laying the item out): per item one block of two
    short paragraphs, the number, date and what was said, then the response with its kind
    (and the date for "we will") and where it came from. Text is HTML-escaped here.

    Blocks across the page's width, not a table row per item: measured with 1,000 items,
    a three-column table made 210 pages and took twice the time of these blocks (150
    pages), since its narrow columns break the same text into twice the lines."""
    items = []
    for number, entry in enumerate(entries, start=1):
        if entry.response_kind:
            due = f" (by {_day(entry.due)})" if entry.due else ""
            answer = (
                f'<span class="label">{escape(entry.response_kind)}{due}:</span> '
                f"{escape(entry.response)}"
            )
        else:
            answer = "No response yet."
        source = (
            f'<br><span class="meta">Where it came from: {escape(entry.source)}</span>'
            if entry.source
            else ""
        )
        items.append(
            f'<div class="item"><p><span class="label">No. {number}, {_day(entry.said_on)}. '
            f"You said:</span> {escape(entry.said)}</p><p>{answer}{source}</p></div>"
        )
    return mark_safe("\n".join(items))  # noqa: S308 - every value is escaped above


def css_string(value: str) -> SafeString:
    """`value` for inside a double-quoted CSS string in the report's `<style>`: every
    character but letters, digits, spaces and plain punctuation as a 6-digit CSS escape, so
    quotes, backslashes and `</style>` cannot end the string or the element."""
    plain = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.-()")
    return mark_safe(  # noqa: S308 - escaped above
        "".join(char if char in plain else f"\\{ord(char):06x}" for char in value)
    )


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
