"""Money in words the way every expense page, message and email shows it: "£12,000.00"."""

from __future__ import annotations

from decimal import Decimal


def pounds(value: Decimal | int | float | str | None) -> str:
    """`value` pounds as "£1,234.50": a pound sign, thousands separated by commas, always
    two decimal places (pence). An empty string for None (nothing to show)."""
    if value is None or value == "":
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"
