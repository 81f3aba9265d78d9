"""Representation gaps: how many boards and work streams lack each kind of seat.

Reads the forums app's representation check (`forums.selectors.area_representation`, three
queries) and counts bodies per gap, so the figure has a fixed handful of rows however many
bodies the area has. With a body chosen, it shows that body's check. Like the representation
page it is the position today (current memberships), whatever period is chosen.
Source: Leeds' representation check (see forums/representation.py).
"""

from coproduction.charts import bar_chart
from evaluation.figures import DashboardScope, Figure, FigureProvider, Measure, register
from forums import selectors

NOTE_TODAY = "Who sits on each body today, whatever period is chosen."


def _checks(representation) -> list[tuple[str, bool]]:
    """(gap, whether the body has it) for each kind of gap the check knows."""
    return [
        ("No chair or lead with authority", not representation.has_authority),
        ("A service it covers is missing", bool(representation.missing_sectors)),
        ("No commissioner", not representation.has_commissioner),
        ("No parent carer representatives", not representation.has_parent_carers),
        (
            "No young people where the work touches them",
            representation.needs_young_people and not representation.has_young_people,
        ),
        ("Families below the area's share of members", not representation.enough_families),
    ]


def _area_figure(scope: DashboardScope, rows) -> Figure:
    counts: dict[str, int] = {}
    for row in rows:
        for gap, missing in _checks(row.representation):
            counts[gap] = counts.get(gap, 0) + int(missing)
    with_gaps = sum(1 for row in rows if row.representation.has_gaps)
    table = tuple((gap, n) for gap, n in counts.items())
    return Figure(
        slug="representation-gaps",
        title="Representation gaps",
        description=(
            f"Of {len(rows)} current board{'s' if len(rows) != 1 else ''} and work streams, "
            f"{with_gaps} {'has' if with_gaps == 1 else 'have'} at least one gap. Each row "
            "counts the boards and work streams with that gap (one can have several)."
        ),
        headings=("Gap", "Boards and work streams"),
        rows=table if rows else (),
        chart=bar_chart(
            caption="Boards and work streams with each representation gap",
            values=list(table),
            label_heading="Gap",
            value_heading="Boards and work streams",
        )
        if rows
        else None,
        notes=(
            NOTE_TODAY,
            f"The area asks for families to be at least {scope.area.family_share_percent}% "
            "of each body's members.",
        ),
        empty_text="This area has no current boards or work streams.",
    )


def _body_figure(scope: DashboardScope, rows) -> Figure:
    row = next((row for row in rows if row.body.pk == scope.body.pk), None)
    if row is None:  # an ended body: no current seats to check
        table: tuple = ()
    else:
        check = row.representation
        table = (
            *((gap, "Gap" if missing else "No gap") for gap, missing in _checks(check)),
            ("Share of members who are families", f"{check.family_share}%"),
        )
    return Figure(
        slug="representation-gaps",
        title="Representation gaps",
        description=f"What {scope.body.name} lacks among its current members.",
        headings=("Check", "Result"),
        rows=table,
        notes=(NOTE_TODAY,),
        empty_text="This body has ended, so there is nothing to check.",
    )


def representation_figures(scope: DashboardScope) -> list[Figure]:
    """The area's count of bodies per gap, or the chosen body's own check (three queries)."""
    rows = selectors.area_representation(area=scope.area)
    if scope.body is not None:
        return [_body_figure(scope, rows)]
    return [_area_figure(scope, rows)]


def representation_measures(scope: DashboardScope) -> list[Measure]:
    """Bodies with at least one gap, of all current bodies (counts of bodies, not people)."""
    rows = selectors.area_representation(area=scope.area)
    with_gaps = sum(1 for row in rows if row.representation.has_gaps)
    return [
        Measure(
            "Boards and work streams with a representation gap",
            f"{with_gaps} of {len(rows)}" if rows else None,
        )
    ]


register(
    FigureProvider(
        slug="representation",
        title="Representation",
        build=representation_figures,
        order=70,
        measures=representation_measures,
    )
)
