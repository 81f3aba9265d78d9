"""A figure as a CSV file: exactly its headings, then its rows.

Text cells that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage
return) are written with a leading apostrophe, as the register's export does
(`initiatives.csv_format.FORMULA_STARTS`); numbers are written as numbers. Source: OWASP's
CSV injection advice.
"""

import csv
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from evaluation.figures import Figure
from initiatives.csv_format import FORMULA_STARTS


class _Echo:
    def write(self, value):
        return value


def csv_cell(value: Any) -> Any:
    """`value` as written to the file: None as an empty cell, formula-like text neutralised."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([csv_cell(heading) for heading in figure.headings])
    for row in figure.rows:
        yield writer.writerow([csv_cell(as_shown(value)) for value in row])
