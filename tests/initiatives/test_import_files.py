"""Spreadsheets from real offices, through the import pages: files saved by Excel in other
locales, amounts with a decimal comma, mixed encodings, and .xlsx and .ods workbooks. The
importer never guesses: it reads the file as written or says what is wrong with it."""

import html
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coproduction.people.models import Role, Sector
from initiatives import csv_format
from initiatives.models import Initiative
from tests.initiatives.spreadsheet_files import ods_bytes, xlsx_bytes
from tests.people.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

CASES = Path(__file__).parent / "cases"
IMPORT_URL = "/birmingham/initiatives/import/"
CHECK_URL = "/birmingham/initiatives/import/check/"


def page_text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def upload(client, name: str, data: bytes):
    """Upload a file; the check page when it was read, else the upload page with its error."""
    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data)})
    if response.status_code == 302:
        return client.get(response.url)
    return response


def problem_rows(page: str) -> list[tuple[str, str, str]]:
    """(row, column, problem) of each line of the problems table."""
    cells = r'<td class="govuk-table__cell">(.*?)</td>'
    return re.findall(f"{cells} {cells} {cells}", page)


@pytest.fixture
def officer(client, area):
    person = member(area, Role.OFFICER)
    client.force_login(person)
    return person


# Delimiters ------------------------------------------------------------------------------------


def test_a_semicolon_delimited_file_from_excel_in_a_european_locale_imports(client, area, officer):
    OrganisationFactory(
        area=area, name="Birmingham Parent Carer Forum", sector=Sector.PARENT_CARERS
    )
    page = page_text(
        upload(client, "export.csv", (CASES / "01-semicolon-delimited.csv").read_bytes())
    )
    assert "Check the initiatives before you import them" in page
    assert "column is missing" not in page
    response = client.post(CHECK_URL, {"publish": "yes"})
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.title == "EHCP review workshops for parent carers"
    assert initiative.start_date == date(2026, 9, 1)
    assert [org.name for org in initiative.lead_organisations.all()] == [
        "Birmingham Parent Carer Forum"
    ]


def test_a_sep_line_names_the_delimiter_and_is_not_a_row(client, area, officer):
    page = page_text(upload(client, "sep.csv", (CASES / "01b-sep-line.csv").read_bytes()))
    assert "Check the initiatives before you import them" in page
    # The heading is row 1 and the initiative row 2, as Excel shows them (it hides sep=).
    assert (
        '<td class="govuk-table__cell">2</td> <td class="govuk-table__cell">New code</td>' in page
    )
    client.post(CHECK_URL, {"publish": "no"})
    assert Initiative.objects.get().title == "EHCP review workshops for parent carers"


def test_tab_separated_text_and_a_sep_semicolon_line_are_read(area):
    tabs = "title\tmain_co\tsectors\nTab work\tco-design\thealth\n"
    assert csv_format.check_initiatives_csv(area=area, csv_text=tabs).is_clean
    sep = 'sep=;\ntitle;main_co;sectors\n"Work; with a semicolon";co-design;"health; education"\n'
    check = csv_format.check_initiatives_csv(area=area, csv_text=sep)
    assert check.is_clean, check.problems
    assert check.rows[0].number == 2
    assert check.rows[0].details.title == "Work; with a semicolon"
    assert set(check.rows[0].details.sectors) == {Sector.EDUCATION, Sector.HEALTH}


def test_a_heading_row_that_splits_as_well_both_ways_is_refused_not_guessed(area):
    check = csv_format.check_initiatives_csv(
        area=area, csv_text="title,main_co;sectors\nOne,co-design;health\n"
    )
    assert [(p.row, p.message) for p in check.problems] == [
        (
            None,
            "We cannot tell whether the columns are separated by commas or semicolons. Use one "
            "of them between every column of the first row, or add a first line like sep=; to "
            "say which.",
        )
    ]


# Amounts ---------------------------------------------------------------------------------------


def test_amounts_with_a_decimal_comma_are_refused_naming_the_cell(client, area, officer):
    page = page_text(
        upload(client, "amounts.csv", (CASES / "02-decimal-comma-amount.csv").read_bytes())
    )
    assert "There are problems with your file" in page
    rows = problem_rows(page)
    assert [(row, column) for row, column, _message in rows] == [
        ("2", "funding_amount"),
        ("3", "funding_amount"),
    ]
    assert rows[0][2].startswith("“1.200,50” has a comma we cannot read")
    assert rows[1][2].startswith("“12,5” has a comma we cannot read")
    assert client.post(CHECK_URL, {"publish": "yes"}).status_code == 200
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1200.50", Decimal("1200.50")),
        ("1,200.50", Decimal("1200.50")),
        ("£12,500", Decimal("12500.00")),
        ("1,234,567.5", Decimal("1234567.50")),
        ("12500", Decimal("12500.00")),
        (".5", Decimal("0.50")),
    ],
)
def test_amounts_written_the_british_way_are_read(area, written, amount):
    text = f'title,main_co,sectors,funding_amount\nOne,co-design,health,"{written}"\n'
    check = csv_format.check_initiatives_csv(area=area, csv_text=text)
    assert check.is_clean, check.problems
    assert check.rows[0].details.funding_amount == amount


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("1.200,50", "has a comma we cannot read"),
        ("12,5", "has a comma we cannot read"),
        ("1,20", "has a comma we cannot read"),
        ("1,2000.00", "has a comma we cannot read"),
        ("1.200", "more than 2 digits after the point"),
        ("12.555", "more than 2 digits after the point"),
        ("twelve", "is not an amount we can read"),
    ],
)
def test_ambiguous_amounts_are_refused_never_read_with_a_separator_dropped(area, written, message):
    text = f'title,main_co,sectors,funding_amount\nOne,co-design,health,"{written}"\n'
    check = csv_format.check_initiatives_csv(area=area, csv_text=text)
    assert [(p.row, p.column) for p in check.problems] == [(2, "funding_amount")]
    assert message in check.problems[0].message


# Encodings -------------------------------------------------------------------------------------


def test_a_utf8_file_with_one_windows_1252_byte_is_refused_naming_the_row(client, area, officer):
    data = (CASES / "04-mixed-utf8-cp1252.csv").read_bytes()
    response = upload(client, "mixed.csv", data)
    assert response.status_code == 200
    page = page_text(response)
    assert "Row 3 has characters that are not UTF-8, but the rest of the file is UTF-8" in page
    assert "ZoÃ" not in page
    assert client.get(CHECK_URL).status_code == 302  # nothing was kept to import
    assert not Initiative.objects.exists()


def test_a_windows_1252_file_and_a_utf8_file_are_each_read_whole(client, area, officer):
    text = "title,summary,main_co,sectors\nZoë’s group,Costs £40,co-design,parent carers\n"
    for encoding in ("cp1252", "utf-8", "utf-8-sig"):
        page = page_text(upload(client, f"{encoding}.csv", text.encode(encoding)))
        assert "Check the initiatives before you import them" in page, encoding
        assert "Zoë’s group" in page


# Workbooks -------------------------------------------------------------------------------------

ROWS = [
    ["title", "main_co", "sectors", "funding_amount", "start_date", "options"],
    ["Short breaks review", "Co-design", "Parent carers; Social care", 1200.5, None, ""],
    ["Youth panel", "Co-delivery", "Young people", 12500, None, ""],
]


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_workbook_is_checked_then_imported_through_the_same_pages(client, area, officer, kind):
    rows = [list(row) for row in ROWS]
    # Excel keeps dates as datetimes without a zone.
    rows[1][4] = datetime(2026, 9, 1) if kind == "xlsx" else date(2026, 9, 1)  # noqa: DTZ001
    data = xlsx_bytes(rows) if kind == "xlsx" else ods_bytes(rows)
    page = page_text(upload(client, f"register.{kind}", data))
    assert "Check the initiatives before you import them" in page
    assert "Short breaks review" in page
    assert client.post(CHECK_URL, {"publish": "yes"}).status_code == 302
    imported = {i.title: i for i in Initiative.objects.all()}
    assert imported["Short breaks review"].funding_amount == Decimal("1200.50")
    assert imported["Short breaks review"].start_date == date(2026, 9, 1)
    assert imported["Short breaks review"].sectors == [Sector.SOCIAL_CARE, Sector.PARENT_CARERS]
    assert imported["Youth panel"].funding_amount == Decimal("12500.00")


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_workbook_with_problems_lists_them_by_row_and_column(client, area, officer, kind):
    rows = [["title", "main_co", "sectors"], ["One", "Co-everything", "Health"]]
    data = xlsx_bytes(rows) if kind == "xlsx" else ods_bytes(rows)
    page = page_text(upload(client, f"register.{kind}", data))
    assert [(row, column) for row, column, _m in problem_rows(page)] == [("2", "main_co")]


@pytest.mark.parametrize("name", ["broken.xlsx", "broken.ods"])
def test_a_file_that_is_not_the_workbook_it_says_is_refused_at_the_field(
    client, area, officer, name
):
    response = upload(client, name, b"title,main_co\nOne,co-design\n")
    assert response.status_code == 200
    assert "We cannot open it as an" in page_text(response)


def test_libreoffice_empty_rows_repeated_to_the_end_of_the_sheet_are_ignored(client, area, officer):
    empty_rest = (
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    data = ods_bytes(
        [["title", "main_co", "sectors"], ["One", "co-design", "health"]], more_xml=empty_rest
    )
    page = page_text(upload(client, "libreoffice.ods", data))
    assert "Check the initiatives before you import them" in page
