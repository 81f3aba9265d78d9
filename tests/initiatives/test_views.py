"""The pages as people use them: forms with their errors, the register's address, CSV
files, the interest flow, the home page, and the issue's "done when" walk-through."""

import html
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from coproduction.people.models import Person, Role, Sector
from initiatives.models import (
    Audience,
    Co,
    Initiative,
    Interest,
    Opportunity,
    Publication,
)
from tests.consultation.factories import ConsultationRequestFactory
from tests.initiatives.factories import InitiativeFactory, InterestFactory, OpportunityFactory
from tests.people.factories import OrganisationFactory, TermFactory, member

pytestmark = pytest.mark.django_db

REGISTER_URL = "/birmingham/initiatives/register/"


def valid_form(**changes) -> dict:
    data = {
        "title": "Short breaks review",
        "summary": "Parents and the council review short breaks together.",
        "cos": ["co_design", "co_assessment"],
        "main_co": "co_design",
        "sectors": ["social_care", "parent_carers"],
        "level": "service",
        "status": "active",
        "start_date_0": "1",
        "start_date_1": "9",
        "start_date_2": "2026",
        "funding_kind": "",
        "engagement_aimed": "co_production",
        "engagement_reached": "",
    }
    data.update(changes)
    return data


def page_text(response) -> str:
    """The page's HTML with entities decoded and white space squeezed."""
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def error_summary(response) -> str:
    match = re.search(r'class="govuk-error-summary".*?</ul>', page_text(response))
    assert match, "no error summary on the page"
    return match.group(0)


# Registering and changing ---------------------------------------------------------------------


def test_an_empty_registration_lists_every_missing_answer_and_saves_nothing(client, area):
    client.force_login(member(area, Role.OFFICER))
    response = client.post(REGISTER_URL, {})
    assert response.status_code == 200
    summary = error_summary(response)
    for message in [
        "Enter a title.",
        "Choose at least one of the 4 Co's.",
        "Choose the main Co.",
        "Choose at least one sector.",
        "Choose the level it works at.",
        "Choose a status.",
    ]:
        assert message in summary
    assert "<title>Error: Register an initiative" in page_text(response)
    # Every link in the summary leads to a field on the page (the first checkbox or radio).
    for target in re.findall(r'href="#([^"]+)"', summary):
        assert f'id="{target}"' in page_text(response), target
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"main_co": "co_delivery"}, "The main Co must be one of the Co's"),
        (
            {"end_date_0": "1", "end_date_1": "8", "end_date_2": "2026"},
            "The end date must be the same as or after the start date.",
        ),
        ({"funding_amount": "-500"}, "The funding amount must be £0 or more."),
        ({"funding_amount": "lots"}, "Enter the amount as a number"),
        ({"start_date_0": "31", "start_date_1": "2"}, "The start date must be a real date"),
        ({"start_date_2": "26"}, "The start date must include a year with 4 numbers"),
        ({"start_date_1": ""}, "The start date must include a month"),
        ({"funding_kind": "time_limited"}, "Enter the date time-limited funding ends."),
        ({"cos": ["co_nothing"]}, "Select a valid choice"),
        ({"title": "x" * 201}, "200 characters or fewer"),
    ],
)
def test_bad_answers_are_explained_at_the_field_and_what_was_typed_is_kept(
    client, area, changes, message
):
    client.force_login(member(area, Role.OFFICER))
    response = client.post(REGISTER_URL, valid_form(**changes))
    assert response.status_code == 200
    assert message in error_summary(response)
    assert 'value="Parents and the council' not in page_text(response)  # a textarea, not input
    assert "Parents and the council review short breaks together." in page_text(response)
    assert not Initiative.objects.exists()


def test_an_officer_registers_an_initiative_and_finds_it_in_the_register(client, area):
    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    response = client.post(REGISTER_URL, valid_form())
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert response.url == f"/birmingham/initiatives/{initiative.code}/"
    assert (initiative.code, initiative.publication) == ("CoDesign1", Publication.DRAFT)
    assert initiative.cos == [Co.CO_DESIGN, Co.CO_ASSESSMENT]
    page = page_text(client.get(response.url))
    assert "is registered as a draft" in page
    assert "History" in page
    register = page_text(client.get("/birmingham/initiatives/"))
    assert "Short breaks review" in register
    assert "Draft" in register

    parent = member(area, Role.PARENT_CARER)
    client.force_login(parent)
    assert "Short breaks review" not in page_text(client.get("/birmingham/initiatives/"))
    client.force_login(officer)
    client.post(f"/birmingham/initiatives/{initiative.code}/publish/")
    client.force_login(parent)
    assert "Short breaks review" in page_text(client.get("/birmingham/initiatives/"))
    detail = page_text(client.get(f"/birmingham/initiatives/{initiative.code}/"))
    assert "History" not in detail
    assert "Change details" not in detail


def test_a_duplicate_title_asks_the_officer_to_confirm(client, area):
    client.force_login(member(area, Role.OFFICER))
    existing = InitiativeFactory(area=area, title="Short breaks review")
    response = client.post(REGISTER_URL, valid_form())
    assert response.status_code == 200
    assert f"{existing.code} is already called" in error_summary(response)
    assert 'name="register_anyway"' in page_text(response)
    response = client.post(REGISTER_URL, valid_form(asked_about_title="1"))
    assert response.status_code == 200  # not confirmed yet
    response = client.post(REGISTER_URL, valid_form(asked_about_title="1", register_anyway="on"))
    assert response.status_code == 302
    assert Initiative.objects.filter(title="Short breaks review").count() == 2


def test_changing_an_initiative_shows_its_answers_and_records_history(client, area):
    officer = member(area, Role.OFFICER)
    council = OrganisationFactory(area=area, name="Birmingham City Council")
    initiative = InitiativeFactory(area=area, title="Parent surveys", lead_organisations=[council])
    client.force_login(officer)
    url = f"/birmingham/initiatives/{initiative.code}/change/"
    form = page_text(client.get(url))
    assert 'value="Parent surveys"' in form
    assert "Save changes" in form
    response = client.post(
        url,
        valid_form(
            title="Parent and carer surveys",
            lead_organisations=[str(council.pk)],
            cos=["co_design"],
        ),
    )
    assert response.status_code == 302
    detail = page_text(client.get(response.url))
    assert "Changed: title" in detail
    assert "Parent surveys" in detail
    assert "Parent and carer surveys" in detail
    assert f"{officer.display_name}" in detail


def test_status_archive_and_restore(client, area):
    client.force_login(member(area, Role.OFFICER))
    initiative = InitiativeFactory(area=area)
    base = f"/birmingham/initiatives/{initiative.code}"
    response = client.post(f"{base}/status/", {"status": "ended"})
    assert "Enter the date the initiative ended." in error_summary(response)
    response = client.post(
        f"{base}/status/",
        {"status": "ended", "end_date_0": "31", "end_date_1": "3", "end_date_2": "2026"},
    )
    assert response.status_code == 302
    client.post(f"{base}/archive/")
    initiative.refresh_from_db()
    assert (initiative.status, initiative.publication) == ("ended", Publication.ARCHIVED)
    link = f'href="{base}/"'
    assert link not in page_text(client.get("/birmingham/initiatives/"))
    assert link in page_text(client.get("/birmingham/initiatives/?publication=archived"))
    client.post(f"{base}/restore/")
    initiative.refresh_from_db()
    assert initiative.publication == Publication.PUBLISHED


def test_outcomes_contacts_and_options_from_the_initiative_page(client, area):
    officer = member(area, Role.OFFICER, display_name="Olivia Bennett")
    client.force_login(officer)
    initiative = InitiativeFactory(area=area)
    option = area.options.create(theme_number=8, theme="Co-design", number=4, text="Websites")
    base = f"/birmingham/initiatives/{initiative.code}"
    assert "Enter the outcome." in error_summary(client.post(f"{base}/outcomes/add/", {}))
    client.post(
        f"{base}/outcomes/add/",
        {"description": "Families find services", "timescale": "By 2027", "responsible": "Team"},
    )
    outcome = initiative.outcomes.get()
    client.post(f"{base}/outcomes/{outcome.pk}/", {"description": "Families find help"})
    response = client.post(f"{base}/contacts/add/", {})
    assert "Choose a person in the portal, or enter the name" in error_summary(response)
    client.post(f"{base}/contacts/add/", {"person": officer.pk, "role": "Lead"})
    client.post(f"{base}/options/", {"theme_8": [str(option.pk)]})
    page = page_text(client.get(f"{base}/"))
    assert "Families find help" in page
    assert "Olivia Bennett</strong>, Lead" in page
    assert "8.4 Websites" in page
    client.post(f"{base}/outcomes/{outcome.pk}/remove/")
    assert not initiative.outcomes.exists()


# The register's address --------------------------------------------------------------------


def test_filters_and_search_live_in_the_address_and_pages_keep_them(client, area):
    client.force_login(member(area, Role.PARENT_CARER))
    for n in range(30):
        InitiativeFactory(area=area, sectors=[Sector.HEALTH], title=f"Health work {n}")
    InitiativeFactory(area=area, sectors=[Sector.EDUCATION], title="School work")
    response = client.get("/birmingham/initiatives/?sector=health&co=co_design")
    page = page_text(response)
    assert "30 initiatives match your search" in page
    assert "School work" not in page
    assert "?sector=health&co=co_design&page=2" in page
    assert 'value="health" checked' in page
    page_two = page_text(client.get("/birmingham/initiatives/?sector=health&co=co_design&page=2"))
    assert "Health work" in page_two
    assert "School work" not in page_two


@pytest.mark.parametrize(
    "query",
    [
        "?co=nonsense&sector=&page=abc",
        "?organisation=not-a-number&option=99999&level=xyz",
        "?q=" + "a" * 500,
        "?q=%00%27%22;--&page=-1",
        "?page=9999",
        "?publication=archived",
    ],
)
def test_any_address_gives_a_page_not_an_error(client, area, query):
    client.force_login(member(area, Role.PARENT_CARER))
    InitiativeFactory(area=area)
    assert client.get("/birmingham/initiatives/" + query).status_code == 200
    assert client.get("/birmingham/initiatives/export.csv" + query).status_code == 200


def test_the_export_is_the_filtered_register_without_drafts_for_families(client, area):
    InitiativeFactory(area=area, title="Health work", sectors=[Sector.HEALTH])
    InitiativeFactory(area=area, title="School work", sectors=[Sector.EDUCATION])
    InitiativeFactory(area=area, title="Draft health", sectors=[Sector.HEALTH], publication="draft")
    client.force_login(member(area, Role.PARENT_CARER))
    response = client.get("/birmingham/initiatives/export.csv?sector=health")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeffcode,title,")
    assert "Health work" in text
    assert "School work" not in text
    assert "Draft health" not in text


# CSV import through the pages ----------------------------------------------------------------


def upload(client, text: str, name="initiatives.csv"):
    file = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return client.post("/birmingham/initiatives/import/", {"file": file})


def test_import_shows_every_problem_then_imports_a_clean_file(client, area):
    OrganisationFactory(area=area, name="Birmingham City Council")
    client.force_login(member(area, Role.OFFICER))
    bad = "title,main_co,sectors\nGood,co-design,health\nBad,co-everything,health\n"
    response = upload(client, bad)
    assert response.status_code == 302
    page = page_text(client.get(response.url))
    assert "There are problems with your file" in page
    assert "Nothing has been saved" in page
    assert '<td class="govuk-table__cell">3</td> <td class="govuk-table__cell">main_co</td>' in (
        page
    )
    assert not Initiative.objects.exists()

    good = "title,main_co,lead_organisations\nGood,co-design,Birmingham City Council\n"
    response = upload(client, good)
    page = page_text(client.get(response.url))
    assert "Check the initiatives before you import them" in page
    assert "Good" in page
    assert "Education" in page
    response = client.post("/birmingham/initiatives/import/check/", {})
    assert "Choose who should see them." in error_summary(response)
    response = client.post("/birmingham/initiatives/import/check/", {"publish": "yes"})
    assert response.status_code == 302
    assert Initiative.objects.get().publication == Publication.PUBLISHED
    # The file is forgotten once imported.
    assert client.get("/birmingham/initiatives/import/check/").status_code == 302


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"%PDF-1.4", "must be a CSV file"),
        ("data.csv", b"PK\x03\x04\x00\x00\x00", "not a CSV file"),
        ("data.csv", b"", "The selected file is empty."),
    ],
)
def test_an_upload_that_is_not_a_csv_is_refused_at_the_field(client, area, name, content, message):
    client.force_login(member(area, Role.OFFICER))
    file = SimpleUploadedFile(name, content)
    response = client.post("/birmingham/initiatives/import/", {"file": file})
    assert response.status_code == 200
    assert message in error_summary(response)


def test_a_file_too_large_is_refused(client, area, settings):
    client.force_login(member(area, Role.OFFICER))
    big = SimpleUploadedFile("big.csv", b"title,main_co\n" + b"x,co-design\n" * 200_000)
    response = client.post("/birmingham/initiatives/import/", {"file": big})
    assert "smaller than 2 MB" in error_summary(response)


# Opportunities and interest --------------------------------------------------------------------


def opportunity_form(**changes) -> dict:
    closes = timezone.localdate() + timedelta(days=10)
    data = {
        "title": "Join the short breaks group",
        "kind": "work_stream",
        "description": "Plan short breaks with us.",
        "audience": "parent_carers",
        "time_asked": "Monthly meetings",
        "hours_asked": "12",
        "support_offered": ["expenses", "childcare"],
        "closes_on_0": str(closes.day),
        "closes_on_1": str(closes.month),
        "closes_on_2": str(closes.year),
        "places": "4",
    }
    data.update(changes)
    return data


def test_an_opportunity_cannot_be_opened_with_a_past_closing_date(client, area):
    client.force_login(member(area, Role.OFFICER))
    initiative = InitiativeFactory(area=area)
    url = f"/birmingham/initiatives/{initiative.code}/opportunities/add/"
    past = timezone.localdate() - timedelta(days=1)
    response = client.post(
        url,
        opportunity_form(closes_on_0=past.day, closes_on_1=past.month, closes_on_2=past.year),
    )
    assert "The closing date must be today or in the future." in error_summary(response)
    assert "Enter 1 place or more" in error_summary(client.post(url, opportunity_form(places="0")))
    assert not Opportunity.objects.exists()
    assert client.post(url, opportunity_form()).status_code == 302


def test_a_parent_expresses_interest_and_the_officer_accepts(client, area, run_on_commit):
    officer = member(area, Role.OFFICER, email="officer@example.org")
    parent = member(area, Role.PARENT_CARER, email="parent@example.org")
    initiative = InitiativeFactory(area=area)
    opportunity = OpportunityFactory(initiative=initiative, opened_by=officer, places=2)
    url = f"/birmingham/initiatives/{initiative.code}/opportunities/{opportunity.pk}/"
    client.force_login(parent)
    assert "Say you are interested" in page_text(client.get(url))
    with run_on_commit():
        response = client.post(url, {"message": "I can do mornings."})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["officer@example.org", "parent@example.org"]
    page = page_text(client.get(url))
    assert "Waiting for an answer" in page
    assert "Withdraw my interest" in page
    assert "Say you are interested" not in page
    assert client.post(url, {}).status_code == 200  # a second time: explained, not saved
    assert Interest.objects.count() == 1

    interest = Interest.objects.get()
    client.force_login(officer)
    assert "1 person is waiting" in page_text(client.get("/"))
    answer = f"{url}interest/{interest.pk}/"
    assert "Write a message to them" in error_summary(client.post(answer, {"decision": "accepted"}))
    mail.outbox.clear()
    with run_on_commit():
        client.post(answer, {"decision": "accepted", "response": "See you on Tuesday."})
    assert [m.to for m in mail.outbox] == [["parent@example.org"]]
    client.force_login(parent)
    page = page_text(client.get(url))
    assert "Accepted" in page
    assert "See you on Tuesday." in page
    with run_on_commit():
        client.post(url + "withdraw/")
    interest.refresh_from_db()
    assert interest.status == Interest.Status.WITHDRAWN


def test_closed_and_full_opportunities_say_so_and_take_no_interest(client, area):
    parent = member(area, Role.PARENT_CARER)
    initiative = InitiativeFactory(area=area)
    closed = OpportunityFactory(
        initiative=initiative, closes_on=timezone.localdate() - timedelta(days=2)
    )
    full = OpportunityFactory(initiative=initiative, places=1)
    InterestFactory(opportunity=full, status=Interest.Status.ACCEPTED)
    client.force_login(parent)
    base = f"/birmingham/initiatives/{initiative.code}/opportunities"
    page = page_text(client.get(f"{base}/{closed.pk}/"))
    assert "This opportunity closed on" in page
    assert "It is not taking interest any more" in page
    assert "I am interested" not in page
    page = page_text(client.get(f"{base}/{full.pk}/"))
    assert "Every place has been taken" in page
    assert "I am interested" not in page
    response = client.post(f"{base}/{full.pk}/", {"message": "Please"})
    assert "Every place has been taken" in error_summary(response)
    assert not Interest.objects.filter(person=parent).exists()


def test_get_involved_and_the_home_page_show_families_what_is_open_for_them(client, area):
    young_person = member(area, Role.YOUNG_PERSON)
    initiative = InitiativeFactory(area=area)
    OpportunityFactory(initiative=initiative, audience=Audience.YOUNG_PEOPLE, title="Youth panel")
    OpportunityFactory(initiative=initiative, audience=Audience.PARENT_CARERS, title="Parent group")
    client.force_login(young_person)
    page = page_text(client.get("/birmingham/get-involved/"))
    assert "Youth panel" in page
    assert "Parent group" not in page
    home = page_text(client.get("/"))
    assert "Ways to get involved" in home
    assert "Youth panel" in home
    overview = page_text(client.get("/birmingham/"))
    assert "Ways to get involved" in overview
    assert "Get involved" in overview


# Done when -----------------------------------------------------------------------------------


def test_done_when_walk_through_with_the_demo_data(client, settings, run_on_commit):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    officer = Person.objects.get(email="officer@example.org")
    parent = Person.objects.get(email="parent@example.org")

    # The officer registers an initiative and sees it in the register.
    client.force_login(officer)
    response = client.post(REGISTER_URL, valid_form(title="Short breaks for autistic teenagers"))
    assert response.status_code == 302
    assert "Short breaks for autistic teenagers" in page_text(
        client.get("/birmingham/initiatives/?q=autistic+teenagers")
    )

    # The parent finds Birmingham's 48, counted 8 / 19 / 17 / 4 by main Co.
    client.force_login(parent)
    assert "48 initiatives" in page_text(client.get("/birmingham/initiatives/"))
    summary = page_text(client.get("/birmingham/initiatives/summary/"))
    for co, count in [("co_commissioning", 8), ("co_design", 19), ("co_delivery", 17)]:
        assert f'?co={co}">{count}<' in summary
    assert '?co=co_assessment">4<' in summary
    assert "4 initiatives match" in page_text(
        client.get("/birmingham/initiatives/?co=co_assessment")
    )
    assert "Hospital Passports" in page_text(client.get("/birmingham/initiatives/?q=hospital"))

    # ... and says they are interested in an opportunity for parent carers.
    page = page_text(client.get("/birmingham/get-involved/"))
    assert "Test the new Local Offer website" in page
    assert "Sit on the interview panel" not in page  # for young people, and full
    opportunity = Opportunity.objects.get(title="Test the new Local Offer website")
    url = f"/birmingham/initiatives/CoDesign17/opportunities/{opportunity.pk}/"
    with run_on_commit():
        assert client.post(url, {"message": "Happy to help"}).status_code == 302
    assert Interest.objects.get(person=parent).status == Interest.Status.PENDING
    assert "Your interest in opportunities" in page_text(client.get("/"))


def test_the_officer_is_warned_when_the_person_is_asked_a_lot_this_term(client, area):
    officer = member(area, Role.OFFICER)
    parent = member(area, Role.PARENT_CARER, display_name="Pat Parent")
    today = timezone.localdate()
    TermFactory(area=area, starts_on=today - timedelta(days=30), ends_on=today + timedelta(days=30))
    initiative = InitiativeFactory(area=area)
    opportunity = OpportunityFactory(initiative=initiative, opened_by=officer)
    interest = InterestFactory(opportunity=opportunity, person=parent)
    answer = (
        f"/birmingham/initiatives/{initiative.code}/opportunities/{opportunity.pk}"
        f"/interest/{interest.pk}/"
    )
    client.force_login(officer)
    assert "Warning" not in page_text(client.get(answer))
    ConsultationRequestFactory.create_batch(
        area.person_requests_per_term, area=area, person=parent, asked_on=today
    )
    page = page_text(client.get(answer))
    assert "Pat Parent has already had 3 requests" in page
    assert "If you accept, this opportunity counts as another request." in page
