"""The plausible range of the dates people type in self-evaluation (the dial and the conditions
of success): refused at the field, with a message saying why, so that a slip of the keyboard
("1 1 1900", "1 12 2099") never becomes a record that skews the board's figures.
"""

import calendar
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

# Part 3 of the Children and Families Act 2014 (the SEND reforms, with their duty to work with
# parent carers and young people) came into force on 1 September 2014. Co-production in the
# sense this portal measures starts there, so no assessment, check, round or action of it can
# be dated earlier: an earlier date is a typing slip.
SEND_REFORMS_BEGAN = date(2014, 9, 1)
EARLIEST_TEXT = "1 September 2014, when the SEND reforms began"

# A conditions of success round is a snapshot: people rate over a few weeks and the board
# reads the result the following term. A round left open for more than about a term (3 months)
# is no longer a snapshot, and its closing date is almost certainly a slip.
ROUND_OPEN_MONTHS = 3

# A local area's SEND strategy and its action plan look about 3 years ahead (the usual life of
# a SEND strategy and the Ofsted/CQC inspection cycle); an action due later is not a plan.
ACTION_YEARS_AHEAD = 3


def months_after(day: date, months: int) -> date:
    """`day` moved `months` calendar months on; the 29th to 31st become the month's last day
    when the month is shorter (31 August + 6 months is 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def not_before_reforms(name: str):
    """A field validator refusing a date before `SEND_REFORMS_BEGAN`; `name` is how the
    message calls the date mid sentence ("the date of the assessment")."""

    def validate(day: date) -> None:
        if day < SEND_REFORMS_BEGAN:
            raise ValidationError(
                f"{name[0].upper()}{name[1:]} must be on or after {EARLIEST_TEXT}",
                code="too_early",
            )

    return validate


def latest_due(today: date | None = None) -> date:
    """The last due date an action may have: `ACTION_YEARS_AHEAD` years after `today`."""
    today = today or timezone.localdate()
    return months_after(today, 12 * ACTION_YEARS_AHEAD)


def not_too_far_ahead(name: str):
    """A field validator refusing a date more than `ACTION_YEARS_AHEAD` years after today."""

    def validate(day: date) -> None:
        latest = latest_due()
        if day > latest:
            raise ValidationError(
                f"{name[0].upper()}{name[1:]} must be within {ACTION_YEARS_AHEAD} years, "
                f"on or before {latest:%-d %B %Y}",
                code="too_late",
            )

    return validate


def latest_closing(held_on: date) -> date:
    """The last closing date a round held on `held_on` may have (`ROUND_OPEN_MONTHS` on)."""
    return months_after(held_on, ROUND_OPEN_MONTHS)


def latest_round_date(today: date | None = None) -> date:
    """The last date a round opened today may carry: `ROUND_OPEN_MONTHS` after `today` (a
    round is rated from the day it opens, so its date is at most a term away)."""
    return months_after(today or timezone.localdate(), ROUND_OPEN_MONTHS)


def round_date_too_late_message(today: date | None = None) -> str:
    return (
        f"The date of the round must be within {ROUND_OPEN_MONTHS} months from today, "
        f"on or before {latest_round_date(today):%-d %B %Y}"
    )


def closing_too_late_message(held_on: date) -> str:
    return (
        f"The closing date must be within {ROUND_OPEN_MONTHS} months of the date of the round, "
        f"on or before {latest_closing(held_on):%-d %B %Y}"
    )
