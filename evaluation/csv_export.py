"""A figure as a CSV file: exactly its headings, then its rows, through the portal's one CSV
writer (`coproduction.csv_export`: formula-like text neutralised, numbers as numbers)."""

from collections.abc import Iterator

from coproduction.csv_export import csv_cell, csv_lines
from evaluation.figures import Figure

__all__ = ["csv_cell", "figure_csv_lines"]


def figure_csv_lines(figure: Figure) -> Iterator[str]:
    """The file line by line: a byte order mark (so Excel reads UTF-8) and the headings, then
    one line per row."""
    return csv_lines(figure.headings, figure.rows)
