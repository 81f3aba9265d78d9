"""CSV downloads: one writer for every file the portal hands out.

Text cells that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage
return: `coproduction.spreadsheets.FORMULA_STARTS`) are written with a leading apostrophe, so
opening a download never runs what someone typed (OWASP's "CSV injection" advice); the
importers take the apostrophe off again (`spreadsheets.unescape_cell`). Files start with a byte
order mark so that Excel reads them as UTF-8. Used by the initiatives register, the dashboard's
figure files and the expenses finance file.
"""

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from coproduction.spreadsheets import FORMULA_STARTS


class _Echo:
    """A file-like object whose write returns the line, for streaming responses."""

    def write(self, value):
        return value


def csv_cell(value: Any) -> Any:
    """`value` as written to a file: None as an empty cell, formula-like text after an
    apostrophe, anything else (numbers included) as it is."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(headings: Iterable[Any], rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """A CSV file line by line (for a streaming response or a join): a byte order mark and
    the headings, then one line per row, every cell through `csv_cell`."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([csv_cell(heading) for heading in headings])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])
