"""The board dashboard's expenses figures: claims paid in the period, average days from a
claim being sent to its payment, and amounts paid against each agreement's budget. Small
counts are suppressed; the queries are fixed whatever the number of claims."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.figures import DashboardScope, academic_year, figures
from evaluation.figures import expenses as expense_figures
from forums.expenses.models import Claim
from forums.expenses.services import claims as services
from tests.expenses.factories import claim, signed_agreement
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def paid_claims(area, n, *, waited_days=10):
    officer = member(area, Role.OFFICER)
    today = timezone.localdate()
    for _ in range(n):
        made = claim(area, fares=Decimal("10"))
        Claim.objects.filter(pk=made.pk).update(
            first_submitted_at=timezone.now() - timedelta(days=waited_days)
        )
        made.refresh_from_db()
        services.claim_approve(claim=made, by=officer)
        services.claim_record_paid(claim=made, by=officer, paid_on=today)


def scope(area):
    today = timezone.localdate()
    return DashboardScope(area=area, period=academic_year(today), today=today)


def test_the_provider_is_registered():
    assert "expenses" in {provider.slug for provider in figures.providers}


def test_claims_paid_average_days_and_paid_against_budget(area):
    signed_agreement(area, budget="1000")
    paid_claims(area, 5, waited_days=10)
    paid, budget = expense_figures.build(scope(area))
    rows = dict(paid.rows)
    assert rows["Claims paid"] == 5
    assert rows["Average days to pay"] == 10.0
    assert rows["Amount paid (£)"] == "50.00"
    assert budget.rows[0][1:] == ("50.00", "1000.00")
    measures = {m.label: m.value for m in expense_figures.measures(scope(area))}
    assert measures == {"Expense claims paid": 5, "Average days to pay a claim": 10.0}


def test_fewer_than_five_claims_paid_are_not_shown_as_a_number(area):
    signed_agreement(area)
    paid_claims(area, 2)
    rows = dict(expense_figures.build(scope(area))[0].rows)
    assert rows["Claims paid"] == "fewer than 5"
    assert "fewer than 5" in rows["Average days to pay"]


@pytest.mark.parametrize("size", [5, 9])
def test_figures_run_a_fixed_number_of_queries(area, django_assert_num_queries, size):
    # guards: one query per claim or per agreement for its budget
    signed_agreement(area)
    paid_claims(area, size)
    with django_assert_num_queries(2):
        expense_figures.build(scope(area))
