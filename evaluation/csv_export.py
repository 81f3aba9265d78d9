"""A figure as a CSV file: exactly its headings, then its rows, through the portal's one CSV
writer (`coproduction.csv_export`: formula-like text neutralised, numbers as numbers)."""

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from coproduction.csv_export import csv_cell, csv_lines
from evaluation.figures import Figure

__all__ = ["as_shown", "csv_cell", "figure_csv_lines"]


def as_shown(value: Any) -> Any:
    """A figure's number as the dashboard shows it: a whole number without ".0" (3.0 is 3,
    -3.0 is -3), real decimals kept; anything else unchanged. Numbers stay numbers (never
    text), so "-3" is not mistaken for a formula. See `evaluation.views.display`."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return value


def figure_csv_lines(figure: Figure) -> Iterator[str]:
    """The file line by line: a byte order mark (so Excel reads UTF-8) and the headings, then
    one line per row, numbers as the page shows them (`as_shown`)."""
    return csv_lines(figure.headings, ([as_shown(value) for value in row] for row in figure.rows))
