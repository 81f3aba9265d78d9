"""The register's CSV format: what an export writes and what an import reads.

Reading a file only checks it: `check_initiatives_csv` reports every problem by row and
column and saves nothing (services.initiatives_import saves a clean file). Turning an upload
(CSV in any common dialect, .xlsx, .ods) into rows, and the size limits, are in
`coproduction.spreadsheets`. One column list
serves both directions, so an exported register imports back as the same register.
Outcomes, contacts and opportunities are not part of the file.
"""

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import TextChoices

from coproduction.csv_export import csv_cell, csv_lines
from coproduction.people.models import LocalArea, Organisation, Sector
from coproduction.spreadsheets import (
    MAX_ROWS,
    ImportCheck,
    Problem,
    choice_key,
    choice_lookup,
    parse_date,
    read_header,
    read_records,
    unescape_cell,
)
from initiatives.details import InitiativeDetails
from initiatives.models import (
    CODE_PREFIXES,
    Co,
    EngagementLevel,
    FundingKind,
    Initiative,
    InitiativeLevel,
    InitiativeStatus,
    Option,
    Publication,
)

SEPARATOR = ";"
# A cell lists at most this many lead organisations or options.
MAX_LIST_ITEMS = 50
# Unknown names in one cell that get their own sentence (with a suggested spelling).
MAX_UNKNOWN_NAMED = 5
# Misspelt organisation names we suggest a spelling for in one check.
MAX_SUGGESTIONS = 200

# Column, and what goes in it (shown on the import page).
COLUMNS = [
    ("code", "Leave empty for a new initiative: we give it the next code for its main Co."),
    ("title", "Required."),
    ("summary", "What it is and who takes part."),
    ("main_co", "Required: co-commissioning, co-design, co-delivery or co-assessment."),
    ("cos", "Every Co it involves, separated by semicolons. Empty means the main Co only."),
    (
        "sectors",
        "Separated by semicolons: education, health, social care, voluntary and community, "
        "parent carers, young people. Empty means the lead organisations' sectors.",
    ),
    ("level", "Individual, service or strategic."),
    ("status", "Planned, active, paused or ended. Empty means active."),
    ("start_date", "Like 2026-09-01 or 01/09/2026."),
    ("end_date", "Required when the status is ended."),
    ("lead_organisations", "Names of organisations in the area, separated by semicolons."),
    ("funding_source", ""),
    (
        "funding_amount",
        "In pounds and pence with a point, like 12500, 1200.50 or £12,500.00 (commas only "
        "between thousands).",
    ),
    ("funding_kind", "Recurring or time-limited."),
    ("funding_ends_on", "Required for time-limited funding."),
    (
        "engagement_aimed",
        "Informing, consultation, engagement, co-design or co-production.",
    ),
    ("engagement_reached", "As above."),
    ("options", "Option numbers, like 7.2; 8.1."),
    ("publication", "Draft, published or archived. Empty: you choose when you import."),
]
COLUMN_NAMES = [name for name, _help in COLUMNS]
REQUIRED_COLUMNS = ["title", "main_co"]
# Other headings people use for our columns (Birmingham's mapping calls the main Co primary).
ALIASES = {"primary_co": "main_co", "co": "main_co", "lead_organisation": "lead_organisations"}
CHOICE_COLUMNS = {
    "main_co": (Co, "Co"),
    "cos": (Co, "Co"),
    "sectors": (Sector, "sector"),
    "level": (InitiativeLevel, "level"),
    "status": (InitiativeStatus, "status"),
    "funding_kind": (FundingKind, "kind of funding"),
    "engagement_aimed": (EngagementLevel, "engagement level"),
    "engagement_reached": (EngagementLevel, "engagement level"),
    "publication": (Publication, "publication"),
}
LIST_COLUMNS = {"cos", "sectors", "lead_organisations", "options"}
CODE_PATTERN = re.compile(r"^(CoComm|CoDesign|CoDel|CoAssess)(\d{1,6})$", re.IGNORECASE)
# Pounds: plain digits or thousands in groups of 3 between commas, then at most 2 of pence.
AMOUNT_PATTERN = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,2})?$|^\.\d{1,2}$")


@dataclass
class CheckedRow:
    number: int
    details: InitiativeDetails | None = None
    code: tuple[str, int] | None = None
    options: list[Option] = field(default_factory=list)
    publication: str = ""

    @property
    def main_co_label(self) -> str:
        return Co(self.details.main_co).label if self.details else ""

    @property
    def sector_labels(self) -> list[str]:
        if not self.details:
            return []
        return [Sector(sector).label for sector in Sector if sector in self.details.sectors]


_key = choice_key
_choice_lookup = choice_lookup
_unescape = unescape_cell
_parse_date = parse_date


LOOKUPS = {column: _choice_lookup(choices) for column, (choices, _what) in CHOICE_COLUMNS.items()}


def _split(cell: str) -> list[str]:
    parts = [part.strip() for part in cell.split(SEPARATOR) if part.strip()]
    if len(parts) > MAX_LIST_ITEMS:
        raise ValueError(
            f"This cell lists {len(parts):,} values. Give at most {MAX_LIST_ITEMS}, separated "
            "by semicolons."
        )
    return parts


def _parse_choice(column: str, raw: str) -> str:
    choices, what = CHOICE_COLUMNS[column]
    value = LOOKUPS[column].get(_key(raw))
    if value is None:
        allowed = ", ".join(label.split(" (")[0] for label in choices.labels)
        raise ValueError(f"“{raw}” is not a {what} we know. Use one of: {allowed}.")
    return value


def _parse_amount(raw: str) -> Decimal:
    """Pounds, written the British way: `1200.50`, `1,200.50`, `£12,500`.

    The rule (so nothing is guessed): a point is the decimal point, followed by at most 2
    digits (pence); a comma only separates thousands, in groups of 3. Anything else with a
    comma, like `1.200,50` or `12,5` from a spreadsheet in a European locale, is refused
    rather than read as 1.20 or 125.00; so is `1.200`, which may mean one thousand two hundred.
    """
    cleaned = raw.replace("£", "").replace(" ", "")
    sign = "-" if cleaned.startswith("-") else ""
    digits = cleaned.removeprefix("-")
    if not AMOUNT_PATTERN.match(digits):
        if "," in digits and re.fullmatch(r"[\d.,]+", digits):
            raise ValueError(
                f"“{raw}” has a comma we cannot read: a comma may only separate thousands, "
                "like 1,200.50. Write pounds and pence with a point, like 1200.50 or 12.50."
            )
        if re.fullmatch(r"\d*\.\d{3,}", digits):
            raise ValueError(
                f"“{raw}” has more than 2 digits after the point. Write pounds and pence, like "
                "1200.50; for one thousand two hundred write 1200."
            )
        raise ValueError(f"“{raw}” is not an amount we can read. Write it like 12500 or 12,500.00.")
    amount = Decimal(sign + digits.replace(",", ""))
    if amount < 0:
        raise ValueError("The funding amount must be £0 or more.")
    if amount >= Decimal("10000000000"):
        raise ValueError("Enter an amount under £10,000,000,000.")
    return amount.quantize(Decimal("0.01"))


class _AreaReference:
    """What a check needs to know about the area, read in a fixed number of queries."""

    def __init__(self, area: LocalArea):
        self.area = area
        self.organisations = {_key(org.name): org for org in Organisation.objects.filter(area=area)}
        self.organisation_names = [org.name for org in self.organisations.values()]
        self.options = {option.reference: option for option in Option.objects.filter(area=area)}
        self.codes = set()
        self.titles = {}
        self.hints: dict[str, str] = {}
        for code, title in Initiative.objects.filter(area=area).values_list("code", "title"):
            self.codes.add(code.casefold())
            self.titles.setdefault(title.casefold(), code)

    def organisation(self, name: str) -> Organisation:
        org = self.organisations.get(_key(name))
        if org is None:
            hint = self._hint(name)
            raise ValueError(f"“{name}” is not an organisation in {self.area.name}. {hint}")
        return org

    def _hint(self, name: str) -> str:
        """The closest organisation's name, for a misspelt one. Looking it up compares the
        name with every organisation, so a file of thousands of unknown names gets
        suggestions for the first MAX_SUGGESTIONS only (the same name is looked up once)."""
        if name not in self.hints:
            close = []
            if len(self.hints) < MAX_SUGGESTIONS:
                close = difflib.get_close_matches(name, self.organisation_names, n=1, cutoff=0.75)
            self.hints[name] = (
                f"Did you mean “{close[0]}”?"
                if close
                else "Check the spelling, or ask your area administrator to add it."
            )
        return self.hints[name]

    def option(self, reference: str) -> Option:
        option = self.options.get(reference.strip().rstrip("."))
        if option is None:
            raise ValueError(
                f"“{reference}” is not an option in {self.area.name}. "
                "Use the option's number, like 7.2."
            )
        return option


KNOWN_HEADINGS = set(COLUMN_NAMES) | set(ALIASES)


def check_initiatives_csv(*, area: LocalArea, csv_text: str) -> ImportCheck:
    """Check a CSV file of initiatives for `area`, row by row. Saves nothing.

    The separator (comma, semicolon or tab) and the limits are `spreadsheets.read_records`'s;
    a file it refuses is one problem for the whole file.
    """
    check = ImportCheck()
    reference = _AreaReference(area)
    try:
        numbered = read_records(csv_text, known_columns=KNOWN_HEADINGS)
    except ValueError as error:
        check.problems.append(Problem(None, "", str(error)))
        return check
    if not numbered:
        check.problems.append(Problem(None, "", "The file is empty."))
        return check
    header_row, header = numbered[0]
    columns = _read_header(header, check)
    if check.problems:
        return check
    body = numbered[1:]
    if not body:
        check.problems.append(
            Problem(None, "", "The file has headings but no initiatives under them.")
        )
        return check
    if len(body) > MAX_ROWS:
        check.problems.append(
            Problem(
                None, "", f"The file has {len(body)} rows. Import at most {MAX_ROWS} at a time."
            )
        )
        return check
    codes_in_file: dict[str, int] = {}
    titles_in_file: dict[str, int] = {}
    for number, record in body:
        row = _check_row(number, record, columns, reference, check)
        check.rows.append(row)
        if row.code:
            code = row.code[0].casefold()
            if code in codes_in_file:
                check.problems.append(
                    Problem(number, "code", f"Row {codes_in_file[code]} has the same code.")
                )
            codes_in_file.setdefault(code, number)
        if row.details:
            title = row.details.title.casefold()
            if title in reference.titles:
                check.warnings.append(
                    Problem(
                        number,
                        "title",
                        f"{reference.titles[title]} in the register already has this title. "
                        "Check it is not the same initiative.",
                    )
                )
            elif title in titles_in_file:
                check.warnings.append(
                    Problem(number, "title", f"Row {titles_in_file[title]} has the same title.")
                )
            titles_in_file.setdefault(title, number)
    return check


def _read_header(header: list[str], check: ImportCheck) -> list[str | None]:
    """The column each cell of the heading row stands for (None: a column we ignore)."""
    return read_header(
        header, check, column_names=COLUMN_NAMES, required=REQUIRED_COLUMNS, aliases=ALIASES
    )


def _check_row(
    number: int,
    record: list[str],
    columns: list[str | None],
    reference: _AreaReference,
    check: ImportCheck,
) -> CheckedRow:
    row = CheckedRow(number=number)
    problems: list[Problem] = []

    def problem(column: str, message: str) -> None:
        problems.append(Problem(number, column, message))

    if len(record) > len(columns) and any(cell.strip() for cell in record[len(columns) :]):
        problem("", "This row has more cells than the file has columns. Check for stray commas.")
    cells = {
        name: _unescape(record[index]) if index < len(record) else ""
        for index, name in enumerate(columns)
        if name
    }
    values: dict = {}
    for column, raw in cells.items():
        if not raw:
            continue
        try:
            if column in ("cos", "sectors"):
                values[column] = [_parse_choice(column, part) for part in _split(raw)]
            elif column in CHOICE_COLUMNS:
                values[column] = _parse_choice(column, raw)
            elif column in ("start_date", "end_date", "funding_ends_on"):
                values[column] = _parse_date(raw)
            elif column == "funding_amount":
                values[column] = _parse_amount(raw)
            elif column == "lead_organisations":
                values[column] = _parse_each(_split(raw), reference.organisation)
            elif column == "options":
                values[column] = _parse_each(_split(raw), reference.option)
            else:
                values[column] = raw
        except ValueError as error:
            problem(column, str(error))

    if not cells.get("title"):
        problem("title", "Enter a title.")
    if not cells.get("main_co"):
        problem("main_co", "Enter the main Co.")
    organisations = values.get("lead_organisations", [])
    columns_with_problems = {p.column for p in problems}
    if not values.get("sectors") and not {"sectors", "lead_organisations"} & columns_with_problems:
        values["sectors"] = sorted({org.sector for org in organisations})
        if not values["sectors"]:
            problem("sectors", "Enter at least one sector, or a lead organisation.")
    main_co = values.get("main_co")
    if main_co and not values.get("cos"):
        values["cos"] = [main_co]

    code_cell = cells.get("code", "")
    if code_cell:
        row.code = _check_code(code_cell, main_co, reference, problem)

    if not problems:
        details = InitiativeDetails(
            title=values["title"],
            summary=values.get("summary", ""),
            main_co=main_co,
            cos=values["cos"],
            sectors=values["sectors"],
            level=values.get("level", ""),
            status=values.get("status", InitiativeStatus.ACTIVE),
            start_date=values.get("start_date"),
            end_date=values.get("end_date"),
            lead_organisations=organisations,
            funding_source=values.get("funding_source", ""),
            funding_amount=values.get("funding_amount"),
            funding_kind=values.get("funding_kind", ""),
            funding_ends_on=values.get("funding_ends_on"),
            engagement_aimed=values.get("engagement_aimed", ""),
            engagement_reached=values.get("engagement_reached", ""),
        )
        initiative = Initiative(area=reference.area)
        details.apply_to(initiative)
        try:
            initiative.full_clean(
                exclude=["area", "code", "code_number"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = "" if name == NON_FIELD_ERRORS else name
                for message in messages:
                    problem(column, message)
        else:
            row.details = details
            row.options = values.get("options", [])
            row.publication = values.get("publication", "")
    check.problems.extend(problems)
    return row


def _parse_each(parts: list[str], parse) -> list:
    found, unknown = [], []
    for part in parts:
        try:
            item = parse(part)
        except ValueError as error:
            unknown.append(str(error))
        else:
            if item not in found:
                found.append(item)
    if unknown:
        message = " ".join(unknown[:MAX_UNKNOWN_NAMED])
        if len(unknown) > MAX_UNKNOWN_NAMED:
            message += f" And {len(unknown) - MAX_UNKNOWN_NAMED:,} more we do not know."
        raise ValueError(message)
    return found


def _check_code(cell: str, main_co: str | None, reference: _AreaReference, problem):
    match = CODE_PATTERN.match(cell.replace(" ", ""))
    if match is None:
        problem(
            "code",
            f"“{cell}” is not a code we can use. Codes are the main Co's prefix and a number, "
            "like CoDesign12. Leave it empty to get the next code.",
        )
        return None
    prefix = next(p for p in CODE_PREFIXES.values() if p.casefold() == match[1].casefold())
    code, number = f"{prefix}{int(match[2])}", int(match[2])
    if main_co and CODE_PREFIXES[main_co] != prefix:
        problem(
            "code",
            f"{code} is a {next(Co(c).label for c, p in CODE_PREFIXES.items() if p == prefix)} "
            f"code but the main Co is {Co(main_co).label.lower()}. Use a "
            f"{CODE_PREFIXES[main_co]} code, or leave it empty.",
        )
        return None
    if number < 1:
        problem("code", "Code numbers start at 1.")
        return None
    if code.casefold() in reference.codes:
        problem("code", f"{code} is already in the register. Leave it empty to get a new code.")
        return None
    return code, number


# Export --------------------------------------------------------------------------------------


def _labels(choices: type[TextChoices], values: Iterable[str]) -> str:
    labels = dict(choices.choices)
    return "; ".join(labels[value].split(" (")[0] for value in values)


def _label(choices: type[TextChoices], value: str) -> str:
    return dict(choices.choices)[value].split(" (")[0] if value else ""


def export_row(initiative: Initiative) -> list[str]:
    """One initiative as a CSV row. Expects lead_organisations and options prefetched."""
    values = {
        "code": initiative.code,
        "title": initiative.title,
        "summary": initiative.summary,
        "main_co": _label(Co, initiative.main_co),
        "cos": _labels(Co, initiative.cos),
        "sectors": _labels(Sector, initiative.sectors),
        "level": _label(InitiativeLevel, initiative.level),
        "status": _label(InitiativeStatus, initiative.status),
        "start_date": initiative.start_date.isoformat() if initiative.start_date else "",
        "end_date": initiative.end_date.isoformat() if initiative.end_date else "",
        "lead_organisations": "; ".join(
            sorted(org.name for org in initiative.lead_organisations.all())
        ),
        "funding_source": initiative.funding_source,
        "funding_amount": (
            f"{initiative.funding_amount:.2f}" if initiative.funding_amount is not None else ""
        ),
        "funding_kind": _label(FundingKind, initiative.funding_kind),
        "funding_ends_on": (
            initiative.funding_ends_on.isoformat() if initiative.funding_ends_on else ""
        ),
        "engagement_aimed": _label(EngagementLevel, initiative.engagement_aimed),
        "engagement_reached": _label(EngagementLevel, initiative.engagement_reached),
        "options": "; ".join(option.reference for option in initiative.options.all()),
        "publication": _label(Publication, initiative.publication),
    }
    return [csv_cell(values[name]) for name in COLUMN_NAMES]


def export_lines(initiatives: Iterable[Initiative]) -> Iterator[str]:
    """The CSV file, line by line (for a streaming response): headings, then one per row."""
    return csv_lines(COLUMN_NAMES, (export_row(initiative) for initiative in initiatives))
