"""The board dashboard's feedback figures: answered on time per term (or month), overdue
responses, small counts suppressed, and the side-by-side measures."""

from datetime import date

import pytest

from evaluation.figures import DashboardScope, Period, figures
from evaluation.figures.feedback import build, measures
from tests.feedback.factories import FeedbackItemFactory
from tests.forums.factories import BodyFactory
from tests.people.factories import TermFactory

pytestmark = pytest.mark.django_db

YEAR = Period("2026-27", "2026 to 2027 school year", date(2026, 9, 1), date(2027, 8, 31))
TODAY = date(2026, 12, 10)


def due(area, on, *, answered_on=None, **fields):
    return FeedbackItemFactory(
        area=area,
        said_on=date(2026, 8, 1),
        due_on=on,
        response_kind="did" if answered_on else "",
        response_text="Done." if answered_on else "",
        first_answered_on=answered_on,
        **fields,
    )


def test_the_provider_is_registered_for_the_dashboard():
    assert "feedback" in [provider.slug for provider in figures.ordered()]


def test_answered_on_time_per_term_with_small_counts_suppressed(area):
    TermFactory(
        area=area, name="Autumn term 2026", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18)
    )
    TermFactory(
        area=area, name="Spring term 2027", starts_on=date(2027, 1, 5), ends_on=date(2027, 3, 26)
    )
    for _ in range(4):
        due(area, date(2026, 10, 1), answered_on=date(2026, 9, 20))
    due(area, date(2026, 10, 1), answered_on=date(2026, 10, 20))  # late
    due(area, date(2026, 11, 1))  # overdue
    due(area, date(2027, 2, 1), answered_on=date(2026, 12, 1))
    answered, overdue = build(DashboardScope(area=area, period=YEAR, today=TODAY))
    rows = {row[0]: row for row in answered.rows}
    assert rows["Autumn term 2026"] == (
        "Autumn term 2026",
        6,
        "fewer than 5",
        "fewer than 5",
        "67%",
    )
    assert rows["Spring term 2027"][1:4] == ("fewer than 5", "fewer than 5", 0)
    assert answered.chart is not None
    assert overdue.rows == (("fewer than 5",),)


def test_per_month_when_the_area_has_no_terms(area):
    due(area, date(2026, 10, 5), answered_on=date(2026, 10, 1))
    answered, _overdue = build(DashboardScope(area=area, period=YEAR, today=TODAY))
    assert [row[0] for row in answered.rows] == ["October 2026"]


def test_a_body_scope_counts_only_that_bodys_feedback(area):
    body = BodyFactory(area=area)
    due(area, date(2026, 10, 5), body=body)
    due(area, date(2026, 10, 5))
    _answered, overdue = build(DashboardScope(area=area, period=YEAR, today=TODAY, body=body))
    assert overdue.rows == (("fewer than 5",),)


def test_other_areas_are_not_counted(area, other_area):
    due(other_area, date(2026, 10, 5))
    answered, overdue = build(DashboardScope(area=area, period=YEAR, today=TODAY))
    assert answered.rows == ()
    assert overdue.rows == ()


def test_measures_give_the_share_on_time_and_overdue_count(area):
    for _ in range(6):
        due(area, date(2026, 10, 1), answered_on=date(2026, 9, 30))
    for _ in range(2):
        due(area, date(2026, 11, 1))
    answered_share, overdue = measures(DashboardScope(area=area, period=YEAR, today=TODAY))
    assert answered_share.value == "75%"
    assert overdue.value == "fewer than 5"
