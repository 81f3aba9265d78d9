"""Zero axe-core violations (WCAG 2.2 A and AA) on every page of the initiatives app, and on
every form with its errors showing."""

import pytest

from coproduction.people.models import Role, Sector
from initiatives import services
from initiatives.models import Audience, Co, InitiativeChange, Interest, Publication
from tests.initiatives.factories import (
    InitiativeFactory,
    InterestFactory,
    OpportunityFactory,
    OptionFactory,
    OutcomeFactory,
)
from tests.people.factories import LocalAreaFactory, OrganisationFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def birmingham(transactional_db):
    return LocalAreaFactory(name="Birmingham", slug="birmingham")


@pytest.fixture
def data(birmingham):
    """A small register with everything the pages show."""
    officer = member(birmingham, Role.OFFICER, display_name="Olivia Bennett")
    parent = member(birmingham, Role.PARENT_CARER, display_name="Sam Okafor")
    young_person = member(birmingham, Role.YOUNG_PERSON, display_name="Jordan Lee")
    council = OrganisationFactory(area=birmingham, name="Birmingham City Council")
    option = OptionFactory(area=birmingham, theme_number=8, number=4, text="Websites")
    initiatives = [
        InitiativeFactory(
            area=birmingham,
            main_co=co,
            sectors=[Sector.HEALTH, Sector.PARENT_CARERS],
            lead_organisations=[council],
            title=f"{co.label} work {n}",
            summary="Families and professionals work together.",
        )
        for n in range(3)
        for co in Co
    ]
    initiative = initiatives[0]
    initiative.options.set([option])
    OutcomeFactory(initiative=initiative)
    initiative.contacts.create(person=officer, role="Lead")
    InitiativeChange.objects.create(
        initiative=initiative,
        changed_by=officer,
        action="changed",
        field="Title",
        old_value="Old",
        new_value="New",
    )
    InitiativeFactory(area=birmingham, publication=Publication.DRAFT, title="Draft work")
    opportunity = OpportunityFactory(
        initiative=initiative, opened_by=officer, audience=Audience.ANYONE, places=3
    )
    interest = InterestFactory(opportunity=opportunity, person=young_person, message="Hi")
    full = OpportunityFactory(initiative=initiative, places=1, title="A full panel")
    InterestFactory(opportunity=full, status=Interest.Status.ACCEPTED)
    services.initiatives_refresh_search(initiative_ids=[i.pk for i in initiatives])
    return {
        "officer": officer,
        "parent": parent,
        "young_person": young_person,
        "initiative": initiative,
        "option": option,
        "opportunity": opportunity,
        "full": full,
        "interest": interest,
        "base": f"/birmingham/initiatives/{initiative.code}",
    }


def check_form_with_errors(axe, path, person, clear=()):
    page = axe.open(path, as_person=person)
    axe.check(page)
    for selector in clear:
        page.fill(selector, "")
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)


def test_register_summary_and_options_pages(axe, data):
    parent, officer = data["parent"], data["officer"]
    for path in [
        "/birmingham/initiatives/",
        "/birmingham/initiatives/?q=work&co=co_design&sector=health&page=1",
        "/birmingham/initiatives/summary/",
        "/birmingham/options/",
        f"/birmingham/options/{data['option'].pk}/",
        data["base"] + "/",
    ]:
        axe.check(axe.open(path, as_person=parent))
    axe.check(axe.open("/birmingham/initiatives/?publication=draft", as_person=officer))
    axe.check(axe.open(data["base"] + "/", as_person=officer))


def test_register_and_change_forms_with_errors(axe, data):
    officer, base = data["officer"], data["base"]
    check_form_with_errors(axe, "/birmingham/initiatives/register/", officer)
    check_form_with_errors(axe, base + "/change/", officer, clear=["#id_title"])
    page = axe.open(base + "/status/", as_person=officer)
    axe.check(page)
    page.check("input[name=status][value=ended]")
    page.fill("#id_end_date_0", "")
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)
    axe.check(axe.open(base + "/options/", as_person=officer))


def test_duplicate_title_question(axe, data):
    page = axe.open("/birmingham/initiatives/register/", as_person=data["officer"])
    page.fill("#id_title", data["initiative"].title)
    page.check("#id_cos_1")
    page.check("#id_main_co_1")
    page.check("#id_sectors_1")
    page.check("#id_level_1")
    page.check("#id_status_1")
    axe.submit(page)
    assert page.locator("#id_register_anyway").is_visible()
    axe.check(page)


def test_outcome_contact_and_opportunity_forms_with_errors(axe, data):
    officer, base = data["officer"], data["base"]
    outcome = data["initiative"].outcomes.get()
    check_form_with_errors(axe, base + "/outcomes/add/", officer)
    check_form_with_errors(
        axe, f"{base}/outcomes/{outcome.pk}/", officer, clear=["#id_description"]
    )
    axe.check(axe.open(f"{base}/outcomes/{outcome.pk}/remove/", as_person=officer))
    check_form_with_errors(axe, base + "/contacts/add/", officer)
    check_form_with_errors(axe, base + "/opportunities/add/", officer)
    opportunity = f"{base}/opportunities/{data['opportunity'].pk}"
    check_form_with_errors(axe, opportunity + "/change/", officer, clear=["#id_title"])


def test_opportunity_pages_for_families_and_officers(axe, data):
    base = data["base"]
    opportunity = f"{base}/opportunities/{data['opportunity'].pk}/"
    axe.check(axe.open(opportunity, as_person=data["parent"]))
    axe.check(axe.open(opportunity, as_person=data["young_person"]))  # waiting for an answer
    axe.check(axe.open(opportunity, as_person=data["officer"]))
    axe.check(axe.open(f"{base}/opportunities/{data['full'].pk}/", as_person=data["parent"]))
    check_form_with_errors(axe, f"{opportunity}interest/{data['interest'].pk}/", data["officer"])
    axe.check(axe.open("/birmingham/get-involved/", as_person=data["parent"]))
    axe.check(axe.open("/birmingham/get-involved/", as_person=data["young_person"]))


def test_home_and_area_pages_with_initiatives_sections(axe, data):
    for person in (data["parent"], data["young_person"], data["officer"]):
        axe.check(axe.open("/", as_person=person))
        axe.check(axe.open("/birmingham/", as_person=person))


def test_import_pages(axe, data, tmp_path):
    officer = data["officer"]
    check_form_with_errors(axe, "/birmingham/initiatives/import/", officer)
    bad = tmp_path / "bad.csv"
    bad.write_text("title,main_co,sectors\nOne,co-nothing,health\n,co-design,housing\n")
    page = axe.open("/birmingham/initiatives/import/", as_person=officer)
    page.set_input_files("#id_file", str(bad))
    axe.submit(page)
    assert "There are problems with your file" in page.content()
    axe.check(page)
    good = tmp_path / "good.csv"
    good.write_text("title,main_co,sectors\nOne,co-design,health\n")
    page.set_input_files("#id_file", str(good))
    axe.submit(page, "Check file")
    assert "Check the initiatives before you import them" in page.content()
    axe.check(page)
    axe.submit(page)  # without choosing who should see them
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)
