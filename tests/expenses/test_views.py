"""The claim form and the officer's pages through the browser's eyes: errors at the field
with what was typed kept, a double click makes one claim, the finance file streams and is
safe to open in a spreadsheet, and the walk-through of the done-when."""

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
    incentive(area, "Payment for your time", kind="money")
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
