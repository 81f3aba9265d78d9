"""Dates every app reasons with: terms, school hours, working days and bank holidays.

One place for them, so "the current term" or "5 working days before the meeting" means the
same on every page. Terms are the area's own (entered by its administrators); bank holidays
are England's, from the maintained `holidays` package rather than a hand-kept list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import lru_cache

import holidays

from coproduction.people.models import LocalArea, Term

# West Sussex co-production framework: meetings with parent carers are best held in term time,
# on a weekday, between 10:00 and 14:00 (after the school run, before pick-up).
FAMILY_HOURS = (time(10, 0), time(14, 0))

# The school or college day that young people are in lessons (West Sussex: meet them after
# school or college, at weekends or in the holidays). A typical English school day.
SCHOOL_HOURS = (time(8, 45), time(15, 30))


@dataclass(frozen=True)
class TermPeriod:
    """A term and the days whose requests count towards it: from the day after the previous
    term ended (so holiday requests count towards the next term) to its last day."""

    term: Term
    starts_on: date
    ends_on: date

    def __contains__(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def area_terms(*, area: LocalArea) -> list[Term]:
    """The area's terms, earliest first (one query)."""
    return list(Term.objects.filter(area=area).order_by("starts_on"))


def term_periods(*, area: LocalArea) -> list[TermPeriod]:
    """Each of the area's terms with the holiday before it, earliest first (one query): the
    periods consultation load is counted in."""
    periods = []
    previous_end = None
    for term in area_terms(area=area):
        starts_on = previous_end + timedelta(days=1) if previous_end else term.starts_on
        periods.append(TermPeriod(term=term, starts_on=starts_on, ends_on=term.ends_on))
        previous_end = term.ends_on
    return periods


def period_for(periods: list[TermPeriod], day: date) -> TermPeriod | None:
    """The period `day` falls in, or None (before the first term or after the last)."""
    return next((period for period in periods if day in period), None)


def current_or_last_period(periods: list[TermPeriod], day: date) -> TermPeriod | None:
    """The period `day` falls in; after the last term, the last one (pages then show the
    term just gone rather than nothing); None before the first term or with no terms.
    `periods` earliest first, as `term_periods` gives them."""
    current = period_for(periods, day)
    if current is not None:
        return current
    past = [period for period in periods if period.ends_on < day]
    return past[-1] if past else None


def term_on(terms: list[Term], day: date) -> Term | None:
    """The term `day` falls in (its first to last day), or None in the holidays."""
    return next((term for term in terms if term.starts_on <= day <= term.ends_on), None)


def next_term(terms: list[Term], day: date) -> Term | None:
    """The first term that starts after `day`, or None when no later term is entered."""
    return next((term for term in terms if term.starts_on > day), None)


def is_term_time(terms: list[Term], day: date) -> bool:
    """True on a weekday inside one of the terms (weekends are never term time)."""
    return day.weekday() < 5 and term_on(terms, day) is not None


@lru_cache(maxsize=64)
def _england_bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: date) -> bool:
    """True on a bank holiday in England (substitute days included)."""
    return day in _england_bank_holidays(day.year)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a bank holiday in England."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def working_days_before(day: date, count: int) -> date:
    """The date `count` working days before `day` (`day` itself not counted).

    For example, 5 working days before Monday 1 June 2026 is Friday 22 May: the weekend and
    the spring bank holiday on Monday 25 May are skipped. `count` must be 0 or more (a
    ValueError otherwise); 0 gives `day` itself.
    """
    if count < 0:
        raise ValueError("count must be 0 or more")
    current = day
    left = count
    while left:
        current -= timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` <= `start`)."""
    days = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            days += 1
    return days
