"""The claim form and the officer's pages through the browser's eyes: errors at the field
with what was typed kept, a double click makes one claim, the finance file streams and is
safe to open in a spreadsheet, and the walk-through of the done-when."""

import re
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from forums.expenses.models import Claim, ClaimStatus, IncentivePreference
from forums.expenses.services import claims as services
from tests.expenses.factories import (
    attended,
    claim,
    incentive,
    parent_with_meeting,
    signed_agreement,
    text_file,
)
from tests.people.factories import member

pytestmark = pytest.mark.django_db

TOKEN = "abcdefghijklmnopqrstuvwxyz0123"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_parent_claims_travel_and_childcare_and_the_officer_approves_and_pays(client, area):
    signed_agreement(area)
    vouchers = incentive(area, "Shopping vouchers")
    incentive(area, "Payment for your time", kind="money", benefits_note="It can count as income.")
    parent, meeting = parent_with_meeting(area)
    client.force_login(parent)
    # The parent chooses vouchers once ...
    response = client.post(f"/{area.slug}/expenses/my-reward/", {"option": vouchers.pk})
    assert response.status_code == 302
    assert IncentivePreference.objects.get(person=parent).option == vouchers
    # ... and the claim form offers it first, already chosen.
    page = client.get(f"/{area.slug}/expenses/new/").content.decode()
    assert page.index("Shopping vouchers") < page.index("Payment for your time")
    assert "never asks for or keeps them" in page
    assert "It can count as income." in page
    response = client.post(
        f"/{area.slug}/expenses/new/",
        {
            "activity": f"meetings:{meeting.pk}",
            "miles": "14",
            "care_amount": "25.00",
            "time_hours": "2",
            "reward": vouchers.pk,
        },
    )
    made = Claim.objects.get()
    assert response.status_code == 302
    assert made.total == Decimal("61.30")
    assert made.reward == vouchers
    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    assert made.reference in client.get("/").content.decode()  # claims waiting for you
    client.post(f"/{area.slug}/expenses/{made.pk}/decide/", {"decision": "approve"})
    response = client.get(f"/{area.slug}/expenses/finance.csv")
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content).decode()
    assert body.count("\n") == 4  # headings and three lines
    today = timezone.localdate()
    client.post(
        f"/{area.slug}/expenses/{made.pk}/paid/",
        {"paid_on_0": today.day, "paid_on_1": today.month, "paid_on_2": today.year},
    )
    made.refresh_from_db()
    assert made.status == ClaimStatus.PAID
    client.force_login(parent)
    assert "Paid" in client.get(f"/{area.slug}/expenses/").content.decode()
    assert OutboundEmail.objects.filter(to=parent.email).count() == 3


def test_a_double_click_makes_one_claim(client, area):
    signed_agreement(area)
    parent, meeting = parent_with_meeting(area)
    client.force_login(parent)
    data = {"activity": f"meetings:{meeting.pk}", "fares": "3.20", "form_token": TOKEN}
    first = client.post(f"/{area.slug}/expenses/new/", data)
    second = client.post(f"/{area.slug}/expenses/new/", data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Claim.objects.count() == 1


def test_bad_input_is_shown_at_the_field_and_kept(client, area):
    signed_agreement(area)
    parent, meeting = parent_with_meeting(area)
    client.force_login(parent)
    url = f"/{area.slug}/expenses/new/"
    cases = [
        ({"miles": "lots"}, "Enter the miles as a number, like 12.5"),
        ({"fares": "-3"}, "Enter the fares as 0 or more"),
        ({"fares": "900"}, "more than the largest claim"),
        ({"fares": "3", "receipt": text_file()}, "must be a photo or image"),
    ]
    for data, message in cases:
        response = client.post(url, {"activity": f"meetings:{meeting.pk}", **data})
        assert response.status_code == 200
        page = response.content.decode()
        assert message in page, message
        assert "govuk-error-summary" in page
    response = client.post(url, {"activity": "meetings:999999", "miles": "3"})
    assert "Choose one of the meetings or opportunities listed" in response.content.decode()
    assert not Claim.objects.exists()


def test_an_unattended_meeting_is_not_offered(client, area):
    signed_agreement(area)
    parent = member(area, Role.PARENT_CARER)
    missed = attended(parent, area, status="apologies")
    client.force_login(parent)
    page = client.get(f"/{area.slug}/expenses/new/").content.decode()
    assert missed.title not in page
    assert "nothing to claim for yet" in page


def test_approving_twice_shows_a_clear_message(client, area):
    signed_agreement(area)
    made = claim(area)
    first, second = member(area, Role.OFFICER), member(area, Role.OFFICER)
    client.force_login(second)
    page = client.get(f"/{area.slug}/expenses/{made.pk}/decide/")
    assert page.status_code == 200
    services.claim_approve(claim=made, by=first)
    response = client.post(f"/{area.slug}/expenses/{made.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 200
    assert "already approved" in response.content.decode()
    assert made.steps.filter(kind="approved").count() == 1


def test_the_finance_file_is_safe_to_open_in_a_spreadsheet(client, area):
    signed_agreement(area, cost_code="=HYPERLINK(1)")
    parent = member(area, Role.PARENT_CARER, display_name="@SUM(A1)")
    made = claim(area, parent, fares=Decimal("3"))
    services.claim_approve(claim=made, by=member(area, Role.OFFICER))
    client.force_login(member(area, Role.OFFICER))
    body = b"".join(client.get(f"/{area.slug}/expenses/finance.csv").streaming_content).decode()
    assert "'@SUM(A1)" in body
    assert "'=HYPERLINK(1)" in body
    assert ",=" not in body
    assert ",@" not in body


def test_young_peoples_claim_page_names_the_service_that_pays_them(client, area):
    from forums.expenses.models import ExpenseSettings

    signed_agreement(area)
    ExpenseSettings.objects.create(area=area, young_people_service="Birmingham Youth Service")
    young, _meeting = parent_with_meeting(area, role=Role.YOUNG_PERSON)
    client.force_login(young)
    for url in (f"/{area.slug}/expenses/", f"/{area.slug}/expenses/new/"):
        assert (
            "paid by <strong>Birmingham Youth Service</strong>" in client.get(url).content.decode()
        )


def test_the_finance_file_streams_ten_thousand_lines(client, area):
    from forums.expenses.models import ClaimLine

    signed_agreement(area)
    made = claim(area, fares=Decimal("1"))
    services.claim_approve(claim=made, by=member(area, Role.OFFICER))
    line = made.lines.get()
    ClaimLine.objects.bulk_create(
        ClaimLine(claim=made, kind=line.kind, payment=line.payment, amount=Decimal("1"))
        for _ in range(9_999)
    )
    client.force_login(member(area, Role.OFFICER))
    response = client.get(f"/{area.slug}/expenses/finance.csv")
    assert isinstance(response, StreamingHttpResponse)
    rows = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    assert rows == 10_001


def test_only_officers_can_post_a_decision_or_a_payment(client, area):
    signed_agreement(area)
    made = claim(area)
    for person in (made.claimant, member(area, Role.PARENT_CARER), member(area, Role.AREA_ADMIN)):
        client.force_login(person)
        url = f"/{area.slug}/expenses/{made.pk}/"
        assert client.post(url + "decide/", {"decision": "approve"}).status_code == 403
        assert client.post(url + "paid/", {"paid_on_0": "1"}).status_code == 403
    made.refresh_from_db()
    assert made.status == ClaimStatus.SUBMITTED


def test_an_administrator_claims_for_a_parent_through_the_pages(client, area):
    signed_agreement(area)
    admin = member(area, Role.AREA_ADMIN)
    parent, meeting = parent_with_meeting(area)
    client.force_login(admin)
    response = client.get(f"/{area.slug}/expenses/for-someone/", {"person": parent.pk})
    assert response["Location"] == f"/{area.slug}/expenses/for/{parent.pk}/new/"
    response = client.post(
        response["Location"], {"activity": f"meetings:{meeting.pk}", "fares": "2.40"}
    )
    made = Claim.objects.get()
    assert (made.claimant, made.submitted_by) == (parent, admin)
    assert made.reference in client.get(f"/{area.slug}/expenses/").content.decode()


def test_young_people_are_offered_only_the_rewards_for_them(client, area):
    signed_agreement(area)
    incentive(area, "Family social events", kind="social", audience="parent_carers")
    incentive(area, "Peer support", kind="peer_support", audience="young_people")
    young, _meeting = parent_with_meeting(area, role=Role.YOUNG_PERSON)
    client.force_login(young)
    page = client.get(f"/{area.slug}/expenses/my-reward/").content.decode()
    assert "Peer support" in page
    assert "Family social events" not in page


def test_officers_manage_the_portfolio_and_a_repeated_name_is_refused(client, area):
    client.force_login(member(area, Role.OFFICER))
    data = {
        "title": "Shopping vouchers",
        "kind": "vouchers",
        "audience": "both",
        "benefits_note": "Usually not counted as income.",
        "is_available": "on",
    }
    assert client.post(f"/{area.slug}/expenses/incentives/add/", data).status_code == 302
    response = client.post(f"/{area.slug}/expenses/incentives/add/", data)
    assert "There is already an option with this name" in response.content.decode()
    assert (
        "Usually not counted as income."
        in client.get(f"/{area.slug}/expenses/incentives/").content.decode()
    )


def test_settings_and_budget_pages_save(client, area):
    from forums.expenses.models import AgreementBudget, ExpenseSettings

    agreement = signed_agreement(area)
    client.force_login(member(area, Role.AREA_ADMIN))
    response = client.post(
        f"/{area.slug}/expenses/settings/",
        {"claim_cap": "250", "young_people_service": "Youth Service", "young_people_contact": ""},
    )
    assert response.status_code == 302
    assert ExpenseSettings.objects.get(area=area).claim_cap == Decimal("250")
    response = client.post(f"/{area.slug}/expenses/settings/", {"claim_cap": "0"})
    assert "Enter a largest claim of £1 or more" in response.content.decode()
    response = client.post(
        f"/{area.slug}/expenses/agreements/{agreement.pk}/budget/",
        {"cost_code": "SEND-9", "budget": "9000"},
    )
    assert response.status_code == 302
    assert AgreementBudget.objects.get(agreement=agreement).cost_code == "SEND-9"


def test_home_shows_your_claims_and_claims_waiting_but_not_an_officers_own(client, area):
    signed_agreement(area)
    made = claim(area)
    client.force_login(made.claimant)
    page = client.get("/").content.decode()
    assert "Your claims" in page
    assert made.reference in page
    officer = member(area, Role.OFFICER, Role.PARENT_CARER)
    own = claim(area, officer)
    client.force_login(officer)
    page = client.get("/").content.decode()
    assert "Claims waiting for you" in page
    waiting = page.split("Claims waiting for you")[1]
    assert made.reference in waiting
    assert own.reference not in waiting


def test_totals_page_shows_the_chosen_school_year(client, area):
    signed_agreement(area)
    client.force_login(member(area, Role.OFFICER))
    page = client.get(f"/{area.slug}/expenses/totals/", {"year": "2024-25"}).content.decode()
    assert "2024 to 2025 school year" in page
    page = client.get(f"/{area.slug}/expenses/totals/", {"year": "nonsense"}).content.decode()
    assert "school year" in page


def test_the_history_says_who_recorded_the_payment_not_who_paid(client, area):
    signed_agreement(area)
    officer = member(area, Role.OFFICER)
    made = claim(area, miles=Decimal("10"))
    services.claim_approve(claim=made, by=officer)
    services.claim_record_paid(claim=made, by=officer, paid_on=timezone.localdate())
    client.force_login(made.claimant)
    page = client.get(f"/{area.slug}/expenses/{made.pk}/").content.decode()
    assert f"Payment recorded by {officer.display_name}" in page
    assert f"Approved by {officer.display_name}" in page
    assert "Paid by" not in page


def test_money_is_shown_with_commas_and_pence_everywhere(client, area):
    signed_agreement(area, budget="12000")
    officer = member(area, Role.OFFICER)
    made = claim(area, fares=Decimal("4"))
    services.claim_approve(claim=made, by=officer)
    client.force_login(officer)
    page = client.get(f"/{area.slug}/expenses/totals/").content.decode()
    assert "£12,000.00" in page
    assert "£11,996.00" in page
    assert "£4.00" in page
    assert "£0.00" in page  # nothing paid yet
    assert "£12000" not in page
    assert not re.search(r"£\d+<", page)  # never "£0" or a pound amount without pence
    page = client.get(f"/{area.slug}/expenses/{made.pk}/").content.decode()
    assert "£4.00" in page


def test_per_agreement_totals_are_labelled_as_the_whole_term(client, area):
    signed_agreement(area, budget="500")
    client.force_login(member(area, Role.OFFICER))
    page = client.get(f"/{area.slug}/expenses/totals/").content.decode()
    assert "Per agreement, against its budget (whole term)" in page
    assert "whatever the school year of the activity" in page
