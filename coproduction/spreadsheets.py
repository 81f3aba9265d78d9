"""Reading an uploaded spreadsheet into rows, the same way whatever saved it, and the
pieces every check-then-import page shares.

Offices send CSV files from Excel in any locale, Excel workbooks and LibreOffice
spreadsheets. This module turns each into CSV text (`read_upload`) and that text into rows
(`read_records`). It never guesses silently: a file whose encoding is inconsistent, whose
column separator cannot be told, or that is too big is refused with a sentence saying what to
do. What the cells mean is checked by each importer (`initiatives.csv_format`,
`evaluation.feedback.importer`), which report their findings as `Problem`s in an
`ImportCheck` and read headings with `read_header`.

Limits (also in the README's CSV section), so a check page stays fast and small whatever is
uploaded:
- MAX_UPLOAD_BYTES: 2 MB uploaded;
- MAX_UNPACKED_BYTES: 25 MB once a workbook's parts are unzipped (a zip can hide a lot);
- MAX_COLUMNS: 100 columns;
- MAX_ROWS: 5,000 rows under the heading row;
- MAX_TEXT_CHARS: 8 million characters of CSV text from a workbook (kept until imported).
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 25 * 1024 * 1024
MAX_COLUMNS = 100
MAX_ROWS = 5000
# Blank rows count too when reading a workbook, so a sheet of a million empty rows stops early.
MAX_SHEET_ROWS = 4 * MAX_ROWS
MAX_TEXT_CHARS = 8_000_000

CSV_ENDINGS = (".csv", ".txt")
XLSX_ENDINGS = (".xlsx",)
ODS_ENDINGS = (".ods",)
UPLOAD_ENDINGS = CSV_ENDINGS + XLSX_ENDINGS + ODS_ENDINGS
# What the upload field says it takes, in the words of the error messages.
FILE_KINDS = (
    "a CSV file (ending .csv), an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods)"
)

DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs"}
SEP_LINE = re.compile(r"sep=(.)[ \t]*$", re.IGNORECASE)
# One character encoded as UTF-8 in 2 to 4 bytes (RFC 3629), for telling a UTF-8 file with a
# stray Windows-1252 byte from a Windows-1252 file.
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

TOO_MANY_ROWS = f"The file has more than {MAX_ROWS:,} rows. Import at most {MAX_ROWS:,} at a time."
TOO_MANY_COLUMNS = (
    f"The file has more than {MAX_COLUMNS} columns. Keep only the columns listed on "
    "the import page and upload it again."
)


def read_upload(*, name: str, data: bytes) -> str:
    """The CSV text of an uploaded file, whatever kind it is.

    `name` is the uploaded file's name (its ending says its kind), `data` its bytes. CSV text
    is decoded (see `decode_upload`); the first sheet of a workbook is written out as CSV,
    numbers and dates as plain text (dates as 2027-03-31). Raises ValueError with a sentence
    for the upload field: a kind we do not read, too big, unreadable, or an inconsistent
    encoding.
    """
    ending = name.lower()
    if not ending.endswith(UPLOAD_ENDINGS):
        raise ValueError(f"The selected file must be {FILE_KINDS}.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValueError("The selected file must be smaller than 2 MB.")
    if ending.endswith(XLSX_ENDINGS):
        return _as_csv(_xlsx_rows(data))
    if ending.endswith(ODS_ENDINGS):
        return _as_csv(_ods_rows(data))
    return decode_upload(data)


def decode_upload(data: bytes) -> str:
    """The text of an uploaded CSV file: UTF-8 (with or without a BOM), else Windows-1252,
    which is what Excel on Windows saves as "CSV".

    A file that is UTF-8 in places and not in others (one cell pasted from an old file) is
    refused, naming the first row that is not UTF-8: reading it all as Windows-1252 would turn
    "Zoë" into "ZoÃ«". Raises ValueError for that and for binary files.
    """
    if b"\x00" in data:
        raise ValueError("The selected file is not a CSV file. Save it as CSV and try again.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad_byte = error.start
    if UTF8_SEQUENCE.search(data):
        raise ValueError(
            f"Row {_row_at(data, first_bad_byte)} has characters that are not UTF-8, but the "
            "rest of the file is UTF-8, so we cannot tell how to read it. Check that row "
            "(look for £, accents and curly quotes), save the file as “CSV UTF-8” and upload "
            "it again."
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValueError(
            "We cannot read the characters in this file. Save it as “CSV UTF-8” and try again."
        ) from None


def _row_at(data: bytes, offset: int) -> int:
    """The spreadsheet row (heading row 1) of the byte at `offset` of a CSV file's bytes."""
    before = data[:offset].decode("utf-8-sig")  # valid: the first bad byte is at `offset`
    records = sum(1 for _record in csv.reader(io.StringIO(before, newline="")))
    if not before or before.endswith(("\n", "\r")):
        records += 1  # the bad byte starts a new row
    if SEP_LINE.match(before.split("\n", 1)[0].strip()) and "\n" in before:
        records -= 1  # Excel does not show its sep= line as a row
    return records


def read_records(text: str, *, known_columns: Iterable[str]) -> list[tuple[int, list[str]]]:
    """The rows of CSV text, each with its spreadsheet row number (the heading row is 1).

    The column separator is a comma, semicolon or tab: the one a first line like `sep=;`
    names (Excel writes it and does not show it), otherwise the one that splits the heading
    row into the most of `known_columns` (normalised names). Blank rows are left out but keep
    their numbers. Raises ValueError when the separator cannot be told, the quoting is broken,
    or the file has more than MAX_ROWS rows or MAX_COLUMNS columns.
    """
    text = text.lstrip("\ufeff")
    first_line, _newline, rest = text.partition("\n")
    sep = SEP_LINE.match(first_line.strip())
    if sep:
        delimiter = sep[1]
        if delimiter not in DELIMITERS:
            raise ValueError(
                f"The first line says columns are separated by “{delimiter}”. Separate them "
                "with commas, semicolons or tabs."
            )
        text = rest
    else:
        delimiter = _delimiter(first_line, set(known_columns))
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for number, record in enumerate(reader, start=1):
            if len(record) > MAX_COLUMNS and any(cell.strip() for cell in record[MAX_COLUMNS:]):
                raise ValueError(TOO_MANY_COLUMNS)
            if any(cell.strip() for cell in record):
                records.append((number, record))
                if len(records) > MAX_ROWS + 1:
                    raise ValueError(TOO_MANY_ROWS)
    except csv.Error as error:
        raise ValueError(
            f"We cannot read it as a CSV file ({error}). Check that every cell that starts "
            'with a quote mark (") has a closing quote mark, and save it as CSV again.'
        ) from None
    return records


def normalise_heading(cell: str) -> str:
    """A heading cell as a column name: `Main Co` and `main-co` are `main_co`."""
    return re.sub(r"[\s\-]+", "_", cell.strip().lstrip("\ufeff").casefold())


def _delimiter(heading_line: str, known_columns: set[str]) -> str:
    """The separator that splits the heading row into the most known columns.

    A comma when none finds a known column (the check then says which are missing); refused
    when two find as many, rather than picking one.
    """
    found = {}
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([heading_line], delimiter=delimiter), [])
        except csv.Error:  # e.g. one enormous cell: not this separator
            cells = []
        found[delimiter] = sum(
            1 for cell in cells[: MAX_COLUMNS + 1] if normalise_heading(cell) in known_columns
        )
    best = max(found.values())
    if best == 0:
        return ","
    winners = [delimiter for delimiter, count in found.items() if count == best]
    if len(winners) > 1:
        names = " or ".join(DELIMITERS[delimiter] for delimiter in winners)
        raise ValueError(
            f"We cannot tell whether the columns are separated by {names}. Use one of them "
            "between every column of the first row, or add a first line like sep=; to say "
            "which."
        )
    return winners[0]


# Workbooks -----------------------------------------------------------------------------------


def _check_unpacked_size(data: bytes, what: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ValueError(f"We cannot open it as {what}. Save it again and upload it.") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValueError(
            f"The {what} holds more than we can check at once. Keep only the sheet to "
            "import, or save it as CSV, and upload it again."
        )


def _xlsx_rows(data: bytes) -> list[tuple]:
    """The values of the first sheet of an Excel workbook (openpyxl, read-only)."""
    import openpyxl  # only imported for workbooks
    from openpyxl.utils.exceptions import InvalidFileException

    what = "an Excel workbook"
    _check_unpacked_size(data, what)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, OSError, zipfile.BadZipFile):
        raise ValueError(f"We cannot open it as {what}. Save it again and upload it.") from None
    try:
        sheet = workbook.worksheets[0]
        return _bounded(sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True))
    finally:
        workbook.close()


def _ods_rows(data: bytes) -> list[tuple]:
    """The values of the first sheet of an OpenDocument spreadsheet (python-calamine)."""
    from python_calamine import CalamineError, CalamineWorkbook

    what = "an OpenDocument spreadsheet"
    _check_unpacked_size(data, what)
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
    except (CalamineError, ValueError, OSError, IndexError):
        raise ValueError(f"We cannot open it as {what}. Save it again and upload it.") from None
    if sheet.width > MAX_COLUMNS:
        raise ValueError(TOO_MANY_COLUMNS)
    return _bounded(sheet.iter_rows())


def _bounded(rows: Iterable[Iterable]) -> list[tuple]:
    """Rows of a sheet, refused past MAX_COLUMNS columns or MAX_ROWS rows."""
    kept: list[tuple] = []
    filled = 0
    for row in rows:
        row = tuple(row)
        if len(row) > MAX_COLUMNS and any(_cell(value) for value in row[MAX_COLUMNS:]):
            raise ValueError(TOO_MANY_COLUMNS)
        kept.append(row[:MAX_COLUMNS])
        if any(_cell(value) for value in row):
            filled += 1
        if filled > MAX_ROWS + 1 or len(kept) > MAX_SHEET_ROWS:
            raise ValueError(TOO_MANY_ROWS)
    return kept


def _cell(value) -> str:
    """A workbook cell as the text a CSV file would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # Workbooks store numbers, not text: 1200.5 is a number, written with a point.
        return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    return str(value).strip()


def _as_csv(rows: list[tuple]) -> str:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    for row in rows:
        cells = [_cell(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        writer.writerow(cells)
        if output.tell() > MAX_TEXT_CHARS:
            raise ValueError(
                "The sheet holds more text than we can check at once. Import it in parts."
            )
    return output.getvalue()


# Checking ------------------------------------------------------------------------------------

# A check page lists this many problems (and warnings), then says how many more there are.
MAX_PROBLEMS_SHOWN = 100
# Spreadsheets run cells starting with these as formulas; exports prefix them with '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Problem:
    """Something wrong (or to check) in an uploaded file, where it is."""

    row: int | None  # the spreadsheet's row number (the heading row is 1); None: the file
    column: str
    message: str

    @property
    def sentence(self) -> str:
        where = f"Row {self.row}" if self.row else "The file"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


@dataclass
class ImportCheck:
    """What checking a file found: its rows (each importer's own kind), problems that stop
    the import and warnings that do not. Clean when there are rows and no problems."""

    rows: list[Any] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def rows_with_problems(self) -> int:
        return len({p.row for p in self.problems if p.row})

    @property
    def problems_shown(self) -> list[Problem]:
        return self.problems[:MAX_PROBLEMS_SHOWN]

    @property
    def more_problems(self) -> int:
        return max(len(self.problems) - MAX_PROBLEMS_SHOWN, 0)

    @property
    def warnings_shown(self) -> list[Problem]:
        return self.warnings[:MAX_PROBLEMS_SHOWN]

    @property
    def more_warnings(self) -> int:
        return max(len(self.warnings) - MAX_PROBLEMS_SHOWN, 0)


def read_header(
    header: list[str],
    check: ImportCheck,
    *,
    column_names: Iterable[str],
    required: Iterable[str],
    aliases: dict[str, str] | None = None,
) -> list[str | None]:
    """The column each cell of the heading row stands for (None: a column we ignore).

    A column named twice and a missing `required` column are problems; a heading we do not
    know is a warning (it is ignored). `aliases` maps other headings people use to ours.
    """
    names = set(column_names)
    aliases = aliases or {}
    columns: list[str | None] = []
    seen = set()
    for cell in header:
        name = normalise_heading(cell)
        name = aliases.get(name, name)
        if name in names:
            if name in seen:
                check.problems.append(
                    Problem(None, name, "This column appears twice. Keep one of them.")
                )
            seen.add(name)
            columns.append(name)
        else:
            columns.append(None)
            if cell.strip():
                check.warnings.append(
                    Problem(None, cell.strip(), "We do not use this column, so we ignore it.")
                )
    for name in required:
        if name not in seen:
            check.problems.append(
                Problem(None, name, "This column is missing. Add it to the first row of the file.")
            )
    return columns


def choice_key(text: str) -> str:
    """Compare names and choices ignoring case, spaces, hyphens, underscores, apostrophes."""
    return re.sub(r"[\s_\-'’]+", "", text.casefold())


def choice_lookup(choices) -> dict[str, str]:
    """Every way a file may write a choice of `choices` (a TextChoices), keyed by
    `choice_key`: its value, its label, and its label before any bracket."""
    lookup = {}
    for value, label in choices.choices:
        lookup[choice_key(value)] = value
        lookup[choice_key(label)] = value
        lookup[choice_key(label.split(" (")[0])] = value
    return lookup


def unescape_cell(cell: str) -> str:
    """A cell without the quote mark that exports put before formula-like text."""
    cell = cell.strip()
    if cell.startswith("'") and cell[1:2] in FORMULA_STARTS:
        return cell[1:]
    return cell


def parse_date(raw: str) -> date:
    """A date written like 2027-03-31 or 31/03/2027; ValueError with a sentence otherwise."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, pattern).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    raise ValueError(f"“{raw}” is not a date we can read. Write it like 2027-03-31 or 31/03/2027.")
