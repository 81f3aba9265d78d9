"""Every expenses page against every role, an officer of another area and nobody; then the
claimant, the administrator who claimed for them, and another area's claim id. Claims and
receipts are seen only by the claimant, whoever claimed for them and the area's officers."""

from decimal import Decimal

import pytest

from coproduction.people.models import Role
from forums.expenses.services import claims as services
from tests.expenses.factories import claim, incentive, pdf_receipt, signed_agreement
from tests.people.factories import member
from tests.permissions import (
    ADMINS,
    EVERYONE,
    FAMILIES,
    OFFICERS,
    assert_matrix_status,
    expect,
    not_found_for,
)

pytestmark = pytest.mark.django_db

E = "/{area}/expenses/"
C = E + "{claim}/"
NOBODY: list = []
MANAGERS = [*OFFICERS, *ADMINS]
# Families and administrators may open claims (their own, or those they made for someone), so
# another person's claim is "not found" for them, as a missing id is.
CLAIM_OPENERS = [*FAMILIES, *ADMINS]

MATRIX = {
    "your expenses": ("get", E, expect([*FAMILIES, *ADMINS])),
    "make a claim": ("get", E + "new/", expect(FAMILIES)),
    "claim for someone": ("get", E + "for-someone/", expect(ADMINS)),
    "claim for a person": ("get", E + "for/{person}/new/", expect(ADMINS)),
    "your reward": ("get", E + "my-reward/", expect(FAMILIES)),
    "claims": ("get", E + "claims/", expect(OFFICERS)),
    "totals": ("get", E + "totals/", expect(OFFICERS)),
    "finance file": ("get", E + "finance.csv", expect(OFFICERS)),
    "budget": ("get", E + "agreements/{agreement}/budget/", expect(MANAGERS)),
    "reward options": ("get", E + "incentives/", expect(MANAGERS)),
    "add reward option": ("get", E + "incentives/add/", expect(MANAGERS)),
    "change reward option": ("get", E + "incentives/{option}/", expect(MANAGERS)),
    "settings": ("get", E + "settings/", expect(ADMINS)),
    "claim": ("get", C, not_found_for(expect(OFFICERS), CLAIM_OPENERS)),
    "change claim": ("get", C + "change/", not_found_for(expect(NOBODY), CLAIM_OPENERS)),
    "add receipt": ("get", C + "receipts/add/", not_found_for(expect(NOBODY), CLAIM_OPENERS)),
    "receipt": ("get", C + "receipts/{receipt}/", not_found_for(expect(OFFICERS), CLAIM_OPENERS)),
    "decide": ("get", C + "decide/", expect(OFFICERS)),
    "record payment": ("get", E + "{approved}/paid/", expect(OFFICERS)),
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def make_records(area) -> dict:
    """One record of every kind this app's pages take an id of, all in `area`."""
    agreement = signed_agreement(area)
    waiting = claim(area, fares=Decimal("3"))
    receipt = services.receipt_add(claim=waiting, upload=pdf_receipt(), by=waiting.claimant)
    approved = claim(area)
    services.claim_approve(claim=approved, by=member(area, Role.OFFICER))
    return {
        "area": area.slug,
        "claim": waiting.pk,
        "receipt": receipt.pk,
        "approved": approved.pk,
        "agreement": agreement.pk,
        "option": incentive(area).pk,
        "person": waiting.claimant_id,
    }


@pytest.fixture
def records(area):
    return make_records(area)


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


def claim_urls(made):
    receipt = made.receipts.get()
    base = f"/{made.area.slug}/expenses/{made.pk}/"
    return [base, base + f"receipts/{receipt.pk}/", base + "receipts/add/"]


def test_the_claimant_and_whoever_claimed_for_them_see_the_claim_and_receipts(client, area):
    signed_agreement(area)
    admin = member(area, Role.AREA_ADMIN)
    made = claim(area, by=admin)
    services.receipt_add(claim=made, upload=pdf_receipt(), by=admin)
    for person in (made.claimant, admin):
        client.force_login(person)
        for url in claim_urls(made):
            assert client.get(url).status_code == 200, url


def test_another_parent_cannot_see_a_claim_by_changing_the_id(client, area):
    signed_agreement(area)
    made = claim(area)
    services.receipt_add(claim=made, upload=pdf_receipt(), by=made.claimant)
    own = claim(area)
    client.force_login(own.claimant)
    assert client.get(f"/{area.slug}/expenses/{own.pk}/").status_code == 200
    for url in claim_urls(made):
        # "not found", as for an id that does not exist: claim ids cannot be told apart
        assert client.get(url).status_code == 404, url
        missing = url.replace(f"/{made.pk}/", "/999999/")
        assert client.get(missing).status_code == 404, missing


def test_another_areas_claim_is_not_found_for_officers(client, area, other_area):
    signed_agreement(other_area)
    elsewhere = claim(other_area)
    client.force_login(member(area, Role.OFFICER))
    assert client.get(f"/{area.slug}/expenses/{elsewhere.pk}/").status_code == 404


def test_the_claimant_changes_a_claim_only_when_a_change_was_asked_for(client, area):
    signed_agreement(area)
    made = claim(area)
    client.force_login(made.claimant)
    url = f"/{area.slug}/expenses/{made.pk}/change/"
    assert client.get(url).status_code == 403
    services.claim_ask_change(claim=made, by=member(area, Role.OFFICER), message="Which bus?")
    assert client.get(url).status_code == 200


def test_an_administrator_cannot_claim_for_an_officer(client, area):
    client.force_login(member(area, Role.AREA_ADMIN))
    officer = member(area, Role.OFFICER)
    assert client.get(f"/{area.slug}/expenses/for/{officer.pk}/new/").status_code == 404
