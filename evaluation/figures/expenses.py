"""Board dashboard figures for expenses: claims paid in the period, average days from a
claim being sent to its payment, and the amount paid against each agreement's budget.
Aggregated in SQL: a fixed number of queries whatever the number of claims."""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import TruncDate

from coproduction.charts import bar_chart
from evaluation.figures import (
    SMALL_COUNT,
    DashboardScope,
    Figure,
    FigureProvider,
    Measure,
    register,
    suppress,
)
from forums.expenses.models import Claim, ClaimStatus
from forums.models import PartnershipAgreement


def _paid(scope: DashboardScope):
    return Claim.objects.filter(
        area=scope.area,
        status=ClaimStatus.PAID,
        paid_on__gte=scope.period.starts_on,
        paid_on__lte=scope.period.ends_on,
    )


def _paid_summary(scope: DashboardScope) -> dict:
    """Claims paid in the period, their total (pounds) and the average days from first sent
    to paid (one query)."""
    days = ExpressionWrapper(
        F("paid_on") - TruncDate("first_submitted_at"), output_field=DurationField()
    )
    summary = _paid(scope).aggregate(count=Count("pk"), amount=Sum("total"), wait=Avg(days))
    wait = summary["wait"]
    if isinstance(wait, timedelta):
        summary["days"] = round(wait.total_seconds() / 86400, 1)
    else:
        summary["days"] = None if wait is None else round(float(wait), 1)
    return summary


def build(scope: DashboardScope) -> list[Figure]:
    summary = _paid_summary(scope)
    count = summary["count"] or 0
    figures = [
        Figure(
            slug="expenses-paid",
            title="Expense claims paid",
            description=f"Claims by parent carers and young people paid in {scope.period.label}, "
            "and how long they waited from sending the claim to payment.",
            headings=("Measure", "Value"),
            rows=(
                ("Claims paid", suppress(count)),
                (
                    "Average days to pay",
                    summary["days"]
                    if count >= SMALL_COUNT or count == 0
                    else "not shown (fewer than 5)",
                ),
                ("Amount paid (£)", f"{summary['amount'] or Decimal('0'):.2f}"),
            ),
        )
    ]
    agreements = list(
        PartnershipAgreement.objects.filter(
            area=scope.area,
            status__in=(
                PartnershipAgreement.Status.SIGNED,
                PartnershipAgreement.Status.SUPERSEDED,
            ),
        )
        .select_related("expenses_budget")
        .annotate(
            paid=Sum(
                "expense_claims__total",
                filter=Q(
                    expense_claims__status=ClaimStatus.PAID,
                    expense_claims__paid_on__gte=scope.period.starts_on,
                    expense_claims__paid_on__lte=scope.period.ends_on,
                ),
            )
        )
        .order_by("-starts_on", "-version")
    )
    rows = []
    for agreement in agreements:
        budget_row = getattr(agreement, "expenses_budget", None)
        budget = budget_row.budget if budget_row else None
        rows.append(
            (
                str(agreement),
                f"{agreement.paid or Decimal('0'):.2f}",
                "" if budget is None else f"{budget:.2f}",
            )
        )
    figures.append(
        Figure(
            slug="expenses-budget",
            title="Expenses paid against each agreement's budget",
            description="What each version of the partnership agreement has paid in the "
            "period, in pounds, beside its yearly budget for expenses and time.",
            headings=("Agreement", "Paid (£)", "Budget (£)"),
            rows=tuple(rows),
            chart=bar_chart(
                caption="Expenses paid per agreement (£)",
                values=[(label, float(paid)) for label, paid, _budget in rows],
                label_heading="Agreement",
                value_heading="Paid (£)",
            )
            if rows
            else None,
            empty_text="There is no signed partnership agreement.",
        )
    )
    return figures


def measures(scope: DashboardScope) -> list[Measure]:
    summary = _paid_summary(scope)
    count = summary["count"] or 0
    return [
        Measure("Expense claims paid", suppress(count)),
        Measure("Average days to pay a claim", summary["days"] if count >= SMALL_COUNT else None),
    ]


register(
    FigureProvider(
        slug="expenses",
        title="Expenses and rewards",
        build=build,
        order=70,
        measures=measures,
        body_level=False,
    )
)
