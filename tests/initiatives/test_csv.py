"""CSV import and export: Birmingham's file, the round trip, and every row's problems."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from coproduction.people import demo as people_demo
from coproduction.people.models import Organisation, Role, Sector
from initiatives import csv_format, selectors, services, spreadsheets
from initiatives.models import Co, FundingKind, Initiative, Publication
from tests.initiatives.factories import InitiativeFactory, OptionFactory
from tests.people.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "initiatives" / "data"
HEADER = "title,main_co,cos,sectors,start_date,end_date,funding_amount,lead_organisations,code"


def birmingham_organisations(area):
    for name, sector in people_demo.ORGANISATIONS["birmingham"]:
        Organisation.objects.create(area=area, name=name, sector=sector)


def export_text(area) -> str:
    initiatives = selectors.register_export(
        area=area, include_unpublished=True, filters=selectors.RegisterFilters(publications=[])
    )
    return "".join(csv_format.export_lines(initiatives))


def problems(check) -> set[tuple]:
    return {(p.row, p.column) for p in check.problems}


def test_birmingham_file_imports_its_48_initiatives_with_their_codes(area):
    birmingham_organisations(area)
    officer = member(area, Role.OFFICER)
    text = (DATA / "birmingham_initiatives.csv").read_text(encoding="utf-8")
    created = services.initiatives_import(area=area, by=officer, csv_text=text, publish=True)
    assert len(created) == 48
    assert selectors.register_counts_by_co(area=area) == {
        Co.CO_COMMISSIONING: 8,
        Co.CO_DESIGN: 19,
        Co.CO_DELIVERY: 17,
        Co.CO_ASSESSMENT: 4,
    }
    short_breaks = Initiative.objects.get(area=area, code="CoComm6")
    assert short_breaks.title == "Short Breaks for Parents and Carers"
    assert short_breaks.lead_organisations.count() == 4
    # Sectors come from the lead organisations when the file has none.
    assert set(short_breaks.sectors) == {Sector.VOLUNTARY, Sector.EDUCATION, Sector.SOCIAL_CARE}
    assert short_breaks.changes.get().action == "imported"
    # New codes continue after the imported ones.
    registered = services.initiative_register(
        area=area,
        by=officer,
        details=services.InitiativeDetails(
            title="New work",
            main_co=Co.CO_COMMISSIONING,
            cos=[Co.CO_COMMISSIONING],
            sectors=[Sector.HEALTH],
        ),
    )
    assert registered.code == "CoComm9"


def test_export_then_import_gives_the_same_register(area, other_area):
    officer = member(area, Role.OFFICER)
    for target in (area, other_area):
        OrganisationFactory(area=target, name="Birmingham City Council")
        OrganisationFactory(area=target, name="Forward Carers", sector=Sector.VOLUNTARY)
        OptionFactory(area=target, theme_number=7, number=1, text="Personalised commissioning")
        OptionFactory(area=target, theme_number=8, number=2, text="Service redesign")
    orgs = list(Organisation.objects.filter(area=area))
    options = list(area.options.all())
    full = InitiativeFactory(
        area=area,
        title='=Short breaks, "the review"',
        summary="Line one.\nLine two, with a comma.",
        main_co=Co.CO_COMMISSIONING,
        cos=[Co.CO_COMMISSIONING, Co.CO_DESIGN],
        sectors=[Sector.SOCIAL_CARE, Sector.PARENT_CARERS],
        level="strategic",
        status="ended",
        start_date=date(2024, 4, 1),
        end_date=date(2026, 3, 31),
        funding_source="High Needs Block",
        funding_amount=Decimal("12500.50"),
        funding_kind=FundingKind.TIME_LIMITED,
        funding_ends_on=date(2026, 3, 31),
        engagement_aimed="co_production",
        engagement_reached="co_design",
        lead_organisations=orgs,
    )
    full.options.set(options)
    InitiativeFactory(area=area, title="Draft work", publication=Publication.DRAFT)
    InitiativeFactory(area=area, title="Old work", publication=Publication.ARCHIVED)
    exported = export_text(area)
    assert "'=Short breaks" in exported  # a spreadsheet will not run it as a formula

    services.initiatives_import(area=other_area, by=officer, csv_text=exported, publish=False)
    assert export_text(other_area) == exported
    copy = Initiative.objects.get(area=other_area, code=full.code)
    assert copy.title == full.title
    assert [o.reference for o in copy.options.all()] == ["7.1", "8.2"]


def test_every_problem_is_listed_by_row_and_column_and_nothing_is_saved(area):
    OrganisationFactory(area=area, name="Birmingham City Council")
    officer = member(area, Role.OFFICER)
    InitiativeFactory(area=area, main_co=Co.CO_DESIGN, code="CoDesign3", code_number=3)
    text = "\n".join(
        [
            HEADER,
            "Good row,co-design,,health,,,,,",
            "Unknown Co,co-operation,,health,,,,,",
            "Unknown sector,co-design,,housing,,,,,",
            "Ends early,co-design,,health,2027-03-01,2027-02-01,,,",
            "Negative,co-design,,health,,,-100,,",
            "Main not among,co-delivery,co-design,health,,,,,",
            "Unknown org,co-design,,,,,,Birmingham City Counci,",
            ",co-design,,health,,,,,",
            "Wrong prefix,co-design,,health,,,,,CoDel4",
            "Code taken,co-design,,health,,,,,CoDesign3",
            "Bad date,co-design,,health,31/02/2027,,,,",
        ]
    )
    check = csv_format.check_initiatives_csv(area=area, csv_text=text)
    assert not check.is_clean
    assert problems(check) == {
        (3, "main_co"),
        (4, "sectors"),
        (5, "end_date"),
        (6, "funding_amount"),
        (7, "main_co"),
        (8, "lead_organisations"),
        (9, "title"),
        (10, "code"),
        (11, "code"),
        (12, "start_date"),
    }
    messages = {(p.row, p.column): p.message for p in check.problems}
    assert "“co-operation” is not a Co we know" in messages[(3, "main_co")]
    assert "Did you mean “Birmingham City Council”?" in messages[(8, "lead_organisations")]
    assert "£0 or more" in messages[(6, "funding_amount")]
    assert "CoDesign3 is already in the register" in messages[(11, "code")]
    with pytest.raises(ValidationError):
        services.initiatives_import(area=area, by=officer, csv_text=text, publish=True)
    assert Initiative.objects.filter(area=area).count() == 1


def test_duplicate_titles_and_unknown_columns_are_warnings_not_errors(area):
    InitiativeFactory(area=area, title="Parent surveys")
    text = "title,main_co,sectors,colour\nParent Surveys,co-assessment,health,red\n" + (
        "Hospital passports,co-design,health,\nhospital passports,co-design,health,\n"
    )
    check = csv_format.check_initiatives_csv(area=area, csv_text=text)
    assert check.is_clean
    assert {(w.row, w.column) for w in check.warnings} == {
        (None, "colour"),
        (2, "title"),
        (4, "title"),
    }


def test_two_rows_with_the_same_code_are_refused(area):
    text = (
        "code,title,main_co,sectors\n"
        "CoDesign5,One,co-design,health\n"
        "codesign5,Two,co-design,health\n"
    )
    check = csv_format.check_initiatives_csv(area=area, csv_text=text)
    assert problems(check) == {(3, "code")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty."),
        ("title,main_co\n", "no initiatives"),
        ("title,sectors\nOne,health\n", "This column is missing"),
        ("title,main_co,title\nOne,co-design,Two\n", "appears twice"),
        ('title,main_co\n"One,co-design\n', "CSV"),
    ],
)
def test_problems_with_the_whole_file(area, text, message):
    check = csv_format.check_initiatives_csv(area=area, csv_text=text)
    assert not check.is_clean
    assert message in " ".join(p.message for p in check.problems)


def test_a_row_with_more_cells_than_columns_is_a_problem(area):
    check = csv_format.check_initiatives_csv(
        area=area, csv_text="title,main_co,sectors\nOne,co-design,health,extra\n"
    )
    assert problems(check) == {(2, "")}


def test_labels_values_and_spreadsheet_spellings_are_all_understood(area):
    text = (
        "Title,Primary Co,COS,Sectors,Level,Status,Funding amount,Funding kind,Funding ends on,"
        "Engagement aimed\n"
        "One,Co-Assessment,co_assessment; CO DESIGN,Social care; voluntary and community,"
        'STRATEGIC,paused,"£12,500",time limited,31/03/2027,co production\n'
    )
    check = csv_format.check_initiatives_csv(area=area, csv_text=text)
    assert check.is_clean, check.problems
    row = check.rows[0].details
    assert row.main_co == Co.CO_ASSESSMENT
    assert row.cos == [Co.CO_ASSESSMENT, Co.CO_DESIGN]
    assert row.sectors == [Sector.SOCIAL_CARE, Sector.VOLUNTARY]
    assert (row.level, row.status) == ("strategic", "paused")
    assert row.funding_amount == Decimal("12500.00")
    assert row.funding_ends_on == date(2027, 3, 31)
    assert row.engagement_aimed == "co_production"


def test_uploads_are_read_as_utf8_or_windows_1252_and_binary_is_refused():
    assert spreadsheets.decode_upload("title\nCafé".encode()) == "title\nCafé"
    assert spreadsheets.decode_upload("\ufefftitle".encode()) == "title"
    assert spreadsheets.decode_upload("Children’s".encode("cp1252")) == "Children’s"
    with pytest.raises(ValueError, match="not a CSV"):
        spreadsheets.decode_upload(b"PK\x03\x04\x00\x00")


def test_new_codes_in_a_file_continue_after_the_codes_it_gives(area):
    officer = member(area, Role.OFFICER)
    text = (
        "title,main_co,sectors,code\n"
        "First,co-design,health,\n"
        "Given,co-design,health,CoDesign5\n"
        "Other,co-delivery,health,\n"
    )
    services.initiatives_import(area=area, by=officer, csv_text=text, publish=False)
    codes = dict(Initiative.objects.filter(area=area).values_list("title", "code"))
    assert codes == {"First": "CoDesign6", "Given": "CoDesign5", "Other": "CoDel1"}
    assert Initiative.objects.filter(publication=Publication.DRAFT).count() == 3
