"""Claims lists and the finance file run a fixed number of queries whatever the number of
claims: pinned at two sizes. The comment on each says which N+1 it guards against."""

from decimal import Decimal

import pytest

from coproduction.people.models import Role
from forums.expenses.services import claims as services
from tests.expenses.factories import claim, signed_agreement
from tests.people.factories import member

pytestmark = pytest.mark.django_db

SIZES = [2, 8]


def my_claims(area, n):
    # guards: one query per claim for its area, agreement or reward, or its receipts count
    parent = member(area, Role.PARENT_CARER)
    for _ in range(n):
        claim(area, parent, miles=Decimal("3"))
    return f"/{area.slug}/expenses/", parent


def officers_claims(area, n):
    # guards: one query per claim for its claimant
    for _ in range(n):
        claim(area)
    return f"/{area.slug}/expenses/claims/", member(area, Role.OFFICER)


def finance_file(area, n):
    # guards: one query per line for its claim, claimant, reward or the agreement's cost code
    officer = member(area, Role.OFFICER)
    for _ in range(n):
        made = claim(area, fares=Decimal("2"), miles=Decimal("3"))
        services.claim_approve(claim=made, by=officer)
    return f"/{area.slug}/expenses/finance.csv", member(area, Role.OFFICER)


def home(area, n):
    # guards: one query per claim in "Claims waiting for you"
    for _ in range(n):
        claim(area)
    return "/", member(area, Role.OFFICER)


PAGES = {
    "your expenses": (my_claims, 10),
    "claims": (officers_claims, 6),
    "finance file": (finance_file, 7),
    "home": (home, 18),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", PAGES)
def test_pages_run_a_fixed_number_of_queries(client, area, django_assert_num_queries, page, size):
    signed_agreement(area)
    build, expected = PAGES[page]
    url, person = build(area, size)
    client.force_login(person)
    with django_assert_num_queries(expected):
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
