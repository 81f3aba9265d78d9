"""The Co x sector table of the register of initiatives, with its empty cells marked.

Counts come from the initiatives app's own summary selectors (the same numbers as the
register's summary page): published initiatives, an initiative counted once in each sector it
involves. The register is a standing list, so the figure shows it as it is today whatever
period is chosen, and it is about the whole area (initiatives are not a body's). Two queries.
Source: Birmingham's 2022 mapping report (the 4 Co's by sector, and where nothing happens yet).
"""

from coproduction.charts import bar_chart
from coproduction.people.models import Sector
from evaluation.figures import DashboardScope, Figure, FigureProvider, Measure, register
from initiatives import selectors
from initiatives.models import CO_ORDER, Co

# Shown in a Co x sector cell where no published initiative works yet: the gaps the board
# reads this table for. A word rather than 0 so it stands out in the table and the CSV.
EMPTY_CELL = "None yet"


def _counts(scope: DashboardScope):
    by_co = selectors.register_counts_by_co(area=scope.area)
    by_co_and_sector = selectors.register_counts_by_co_and_sector(area=scope.area)
    return by_co, by_co_and_sector


def co_by_sector_figures(scope: DashboardScope) -> list[Figure]:
    """One figure: published initiatives by main Co (rows) and sector (columns), empty
    cells as "None yet" and listed in the notes. Two queries."""
    by_co, by_co_and_sector = _counts(scope)
    rows = []
    empty = []
    for co in CO_ORDER:
        cells = []
        for sector in Sector:
            count = by_co_and_sector.get((co, sector.value), 0)
            if not count:
                empty.append(f"{Co(co).label} with {sector.label.lower()}")
            cells.append(count or EMPTY_CELL)
        rows.append((Co(co).label, *cells, by_co.get(co, 0)))
    total = sum(by_co.get(co, 0) for co in CO_ORDER)
    notes = [
        "The register as it stands today, whatever period is chosen. Drafts and archived "
        "initiatives are not counted.",
        "An initiative counts once in each sector it involves, so a row can add up to more "
        "than its total.",
    ]
    if total and empty:
        notes.append(
            f"{len(empty)} of {len(CO_ORDER) * len(Sector)} cells are empty "
            f"(“{EMPTY_CELL}”): " + "; ".join(empty) + "."
        )
    return [
        Figure(
            slug="initiatives-co-by-sector",
            title="Initiatives by main Co and sector",
            description=(
                f"{total} published co-production initiative{'s' if total != 1 else ''}, by "
                "the part of the commissioning cycle families share most (main Co) and the "
                "sectors involved. Empty cells show where no co-production happens yet."
            ),
            headings=("Main Co", *(sector.label for sector in Sector), "All sectors"),
            rows=tuple(rows) if total else (),
            chart=bar_chart(
                caption="Published initiatives by main Co",
                values=[(Co(co).label, by_co.get(co, 0)) for co in CO_ORDER],
                label_heading="Main Co",
                value_heading="Initiatives",
            )
            if total
            else None,
            notes=tuple(notes),
            empty_text="No published initiatives in the register yet.",
        )
    ]


def co_by_sector_measures(scope: DashboardScope) -> list[Measure]:
    """Published initiatives, and how many Co x sector cells have none (two queries).
    Counts of initiatives, not of people: not suppressed."""
    by_co, by_co_and_sector = _counts(scope)
    filled = sum(1 for key, n in by_co_and_sector.items() if n and key[0] in CO_ORDER)
    return [
        Measure("Published initiatives", sum(by_co.get(co, 0) for co in CO_ORDER)),
        Measure(
            "Empty Co x sector cells",
            f"{len(CO_ORDER) * len(Sector) - filled} of {len(CO_ORDER) * len(Sector)}",
        ),
    ]


register(
    FigureProvider(
        slug="initiatives",
        title="Co-production initiatives",
        build=co_by_sector_figures,
        order=60,
        measures=co_by_sector_measures,
        body_level=False,
    )
)
