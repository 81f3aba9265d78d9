"""The finance team's CSV: one row per approved claim line, with the agreement's cost code.

Written through the portal's one CSV writer (`coproduction.csv_export`): cells that a
spreadsheet would run as a formula get a leading apostrophe (OWASP "CSV injection"). Written
line by line for a streaming response.
"""

from collections.abc import Iterable, Iterator

from django.utils import timezone

from coproduction import csv_export
from forums.expenses.models import ClaimLine

HEADINGS = [
    "claim",
    "claimant",
    "claimant is a young person",
    "processed by",
    "activity",
    "activity date",
    "what",
    "quantity",
    "unit",
    "rate (£)",
    "amount (£)",
    "reward for time",
    "agreement",
    "cost code",
    "status",
    "approved on",
    "paid on",
]


def csv_row(line: ClaimLine, young_people_service: str = "") -> list[str]:
    """One claim line as a row. Expects claim, claimant, reward and the agreement's budget
    selected with it (see selectors.finance_lines)."""
    claim = line.claim
    budget = getattr(claim.agreement, "expenses_budget", None)
    young = claim.claimant_is_young_person
    values = [
        claim.reference,
        claim.claimant.display_name,
        "yes" if young else "no",
        (young_people_service or "young people's service") if young else "finance team",
        claim.activity_title,
        claim.activity_on.isoformat(),
        line.get_kind_display(),
        "" if line.quantity is None else f"{line.quantity:.2f}",
        line.unit_label,
        "" if line.rate is None else f"{line.rate:.2f}",
        f"{line.amount:.2f}",
        claim.reward.title if claim.reward else "",
        str(claim.agreement),
        budget.cost_code if budget else "",
        claim.get_status_display(),
        timezone.localdate(claim.decided_at).isoformat() if claim.decided_at else "",
        claim.paid_on.isoformat() if claim.paid_on else "",
    ]
    return [csv_export.csv_cell(value) for value in values]


def csv_lines(lines: Iterable[ClaimLine], *, young_people_service: str = "") -> Iterator[str]:
    """The file, line by line: a BOM and the headings, then one row per claim line."""
    return csv_export.csv_lines(HEADINGS, (csv_row(line, young_people_service) for line in lines))
