"""Terms, working days and England's bank holidays (coproduction/people/calendar.py)."""

from datetime import date

import pytest

from coproduction.people import calendar
from tests.people.factories import TermFactory


def test_five_working_days_before_skips_the_weekend_and_a_bank_holiday():
    # Monday 25 May 2026 is the spring bank holiday in England.
    assert calendar.working_days_before(date(2026, 6, 1), 5) == date(2026, 5, 22)


def test_working_days_before_a_monday_skips_the_weekend():
    assert calendar.working_days_before(date(2026, 11, 30), 1) == date(2026, 11, 27)


def test_christmas_and_boxing_day_with_their_substitute_days_are_not_working_days():
    # In 2026 Boxing Day is a Saturday: the substitute bank holiday is Monday 28 December.
    assert not calendar.is_working_day(date(2026, 12, 25))
    assert not calendar.is_working_day(date(2026, 12, 28))
    assert calendar.is_working_day(date(2026, 12, 29))


def test_working_days_between_counts_only_weekdays_that_are_not_bank_holidays():
    assert calendar.working_days_between(date(2026, 5, 22), date(2026, 6, 1)) == 5
    assert calendar.working_days_between(date(2026, 6, 1), date(2026, 6, 1)) == 0


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError, match="0 or more"):
        calendar.working_days_before(date(2026, 6, 1), -1)


@pytest.mark.django_db
def test_term_time_is_a_weekday_inside_a_term(area):
    TermFactory(area=area, name="Autumn", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18))
    terms = calendar.area_terms(area=area)
    assert calendar.is_term_time(terms, date(2026, 9, 2))  # the first day
    assert calendar.is_term_time(terms, date(2026, 12, 18))  # the last day
    assert not calendar.is_term_time(terms, date(2026, 9, 5))  # a Saturday
    assert not calendar.is_term_time(terms, date(2026, 12, 21))  # the holidays
    assert calendar.term_on(terms, date(2026, 10, 1)).name == "Autumn"
    assert calendar.next_term(terms, date(2026, 8, 1)).name == "Autumn"
    assert calendar.next_term(terms, date(2026, 10, 1)) is None


@pytest.mark.django_db
def test_holiday_days_count_towards_the_next_terms_period(area):
    TermFactory(area=area, name="Autumn", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18))
    TermFactory(area=area, name="Spring", starts_on=date(2027, 1, 5), ends_on=date(2027, 3, 26))
    periods = calendar.term_periods(area=area)
    assert calendar.period_for(periods, date(2026, 12, 28)).term.name == "Spring"
    assert calendar.period_for(periods, date(2026, 8, 1)) is None


def test_the_current_period_or_after_the_last_term_the_last_one(area):
    TermFactory(area=area, name="Autumn", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18))
    TermFactory(area=area, name="Spring", starts_on=date(2027, 1, 5), ends_on=date(2027, 3, 26))
    periods = calendar.term_periods(area=area)

    def name(day):
        period = calendar.current_or_last_period(periods, day)
        return period.term.name if period else None

    assert name(date(2026, 10, 1)) == "Autumn"
    assert name(date(2026, 12, 28)) == "Spring"  # the holiday counts towards the next term
    assert name(date(2027, 4, 10)) == "Spring"  # after the last term: the last one
    assert name(date(2026, 8, 1)) is None  # before the first term
    assert calendar.current_or_last_period([], date(2026, 10, 1)) is None
