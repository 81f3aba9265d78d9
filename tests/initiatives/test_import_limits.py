"""The importer stays fast and its pages small whatever is uploaded: a limit on size,
columns and rows, each with a clear message, and problems listed up to a cap."""

import html
import io
import re
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from coproduction.people.models import Role
from initiatives import csv_format, services, spreadsheets
from initiatives.models import Initiative
from tests.initiatives.spreadsheet_files import ods_bytes, xlsx_bytes
from tests.people.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

IMPORT_URL = "/birmingham/initiatives/import/"
# Far more than a page of problems needs, far less than what these files used to make.
MAX_PAGE_BYTES = 200_000


def page_text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def check_page(client, name: str, data: bytes):
    """Upload a file and return the page that answers (the check page, or the upload page
    with an error), with how long the two requests took."""
    started = time.monotonic()
    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data)})
    if response.status_code == 302:
        response = client.get(response.url)
    return response, time.monotonic() - started


@pytest.fixture
def officer(client, area):
    person = member(area, Role.OFFICER)
    client.force_login(person)
    return person


def test_a_heading_row_of_a_million_columns_is_refused_quickly(client, area, officer):
    data = b"title,main_co," + b"x," * 1_000_000 + b"\nOne,co-design\n"
    assert len(data) < spreadsheets.MAX_UPLOAD_BYTES
    response, seconds = check_page(client, "wide.csv", data)
    assert len(response.content) < MAX_PAGE_BYTES
    assert "The file has more than 100 columns." in page_text(response)
    assert seconds < 5


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
def test_more_than_100_columns_are_refused_in_every_format(client, area, officer, kind):
    rows = [["title", "main_co", "sectors"] + [f"extra {n}" for n in range(98)]]
    rows.append(["One", "co-design", "health"] + ["x"] * 98)
    if kind == "csv":
        data = "\n".join(",".join(row) for row in rows).encode()
    else:
        data = xlsx_bytes(rows) if kind == "xlsx" else ods_bytes(rows)
    response, _seconds = check_page(client, f"wide.{kind}", data)
    assert "The file has more than 100 columns." in page_text(response)


def test_100_columns_are_read(area):
    heading = ["title", "main_co", "sectors"] + [f"extra {n}" for n in range(97)]
    text = ",".join(heading) + "\nOne,co-design,health\n"
    check = csv_format.check_initiatives_csv(area=area, csv_text=text)
    assert check.is_clean, check.problems


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_more_than_5000_rows_are_refused(client, area, officer, kind):
    rows = [["title", "main_co", "sectors"]] + [
        [f"I{n}", "co-design", "health"] for n in range(5001)
    ]
    data = "\n".join(",".join(row) for row in rows).encode() if kind == "csv" else xlsx_bytes(rows)
    response, _seconds = check_page(client, f"long.{kind}", data)
    assert "The file has more than 5,000 rows. Import at most 5,000 at a time." in page_text(
        response
    )


def test_a_workbook_that_unpacks_to_more_than_25_mb_is_refused(client, area, officer):
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (30 * 1024 * 1024))
    assert len(packed.getvalue()) < spreadsheets.MAX_UPLOAD_BYTES
    response, _seconds = check_page(client, "bomb.xlsx", packed.getvalue())
    assert response.status_code == 200
    assert "holds more than we can check at once" in page_text(response)


def test_problems_are_listed_up_to_100_then_counted(client, area, officer):
    text = "title,main_co,sectors\n" + "".join(f"I{n},co-nothing,health\n" for n in range(350))
    response, _seconds = check_page(client, "bad.csv", text.encode())
    page = page_text(response)
    assert "350 problems in 350 rows" in page
    assert page.count("is not a Co we know") == 100
    assert "And 250 more problems." in page


def test_300000_unknown_organisation_names_give_a_small_page_quickly(client, area, officer):
    OrganisationFactory(area=area, name="Birmingham City Council")
    # 5,000 rows naming 60 organisations each (over the limit of 50 a cell) ...
    too_many = ";".join(f"O{n}" for n in range(60))
    data = (
        "title,main_co,sectors,lead_organisations\n" + f"T,co-design,health,{too_many}\n" * 5000
    ).encode()
    response, seconds = check_page(client, "orgs.csv", data)
    assert len(response.content) < MAX_PAGE_BYTES
    assert "This cell lists 60 values. Give at most 50" in page_text(response)
    assert "And 4,900 more problems." in page_text(response)
    assert seconds < 20
    # ... and 5,000 rows naming 50 unknown organisations each: 250,000 names.
    unknown = ";".join(f"Q{n}" for n in range(50))
    data = (
        "title,main_co,sectors,lead_organisations\n" + f"T,co-design,health,{unknown}\n" * 5000
    ).encode()
    response, seconds = check_page(client, "orgs.csv", data)
    page = page_text(response)
    assert len(response.content) < MAX_PAGE_BYTES
    assert "“Q0” is not an organisation in Birmingham." in page
    assert "And 45 more we do not know." in page
    assert seconds < 30


def test_an_import_refused_late_lists_its_problems_up_to_the_cap(area):
    officer = member(area, Role.OFFICER)
    text = "title,main_co,sectors\n" + "".join(f"I{n},co-nothing,health\n" for n in range(150))
    with pytest.raises(ValidationError) as refused:
        services.initiatives_import(area=area, by=officer, csv_text=text, publish=True)
    assert len(refused.value.messages) == 101
    assert refused.value.messages[-1] == "And 50 more problems."
    assert not Initiative.objects.exists()
