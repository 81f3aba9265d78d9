"""The dashboard's dial figures: positions now and a year before, declared against
experienced with small counts hidden, the latest characteristics, the side-by-side measures,
and only the scope's area (and body)."""

from datetime import date

import pytest

from evaluation.figures import SUPPRESSED, DashboardScope, academic_year, figures
from tests.dial.factories import (
    ActivityDeclarationFactory,
    DialAssessmentFactory,
    DialSubjectFactory,
    answers,
    characteristics_check,
)
from tests.forums.factories import BodyFactory

pytestmark = pytest.mark.django_db

PERIOD = academic_year(date(2026, 10, 1))  # 1 September 2026 to 31 August 2027


def build(area, body=None):
    provider = next(p for p in figures.providers if p.slug == "dial")
    scope = DashboardScope(area=area, period=PERIOD, today=date(2027, 9, 1), body=body)
    return {f.slug: f for f in provider.build(scope)}, provider.measures(scope)


def test_positions_now_and_a_year_before_with_the_direction(area, other_area):
    up = DialSubjectFactory(area=area, name="Short breaks")
    DialAssessmentFactory(subject=up, level=4, assessed_on=date(2025, 6, 1))
    DialAssessmentFactory(subject=up, level=6, assessed_on=date(2027, 3, 1))
    DialAssessmentFactory(subject=up, level=7, assessed_on=date(2027, 9, 5))  # after the period
    back = DialSubjectFactory(area=area, name="EHC assessments")
    DialAssessmentFactory(subject=back, level=5, assessed_on=date(2026, 8, 1))
    DialAssessmentFactory(subject=back, level=4, assessed_on=date(2027, 1, 1))
    DialSubjectFactory(area=area, name="New team")
    DialAssessmentFactory(subject=DialSubjectFactory(area=other_area, name="Theirs"), level=7)
    found, measures = build(area)
    rows = {row[0]: row for row in found["dial-positions"].rows}
    assert set(rows) == {"Short breaks", "EHC assessments", "New team"}
    assert rows["Short breaks"][2:] == ("Co-design", "Consultation", "Moved up")
    assert rows["EHC assessments"][2:] == ("Consultation", "Engagement", "Moved back")
    assert rows["New team"][2:] == ("Not assessed", "Not assessed", "Not assessed")
    assert found["dial-positions"].chart is not None
    assert measures[0].value == "1 of 2"


def test_declared_against_experienced_hides_small_counts(area):
    shown = ActivityDeclarationFactory(area=area, aimed_level=7, reached_level=7)
    answers(shown, 4, 4, 5, 5, 5)
    hidden = ActivityDeclarationFactory(area=area, aimed_level=6, reached_level=6)
    answers(hidden, 2)
    for declaration in (shown, hidden):
        declaration.declared_on = date(2026, 11, 1)
        declaration.save()
    found, _ = build(area)
    rows = {row[0]: row for row in found["declared-experienced"].rows}
    assert rows[shown.activity_name][3:] == ("Engagement", 5)
    assert rows[hidden.activity_name][3:] == ("Not shown (fewer than 5 answers)", SUPPRESSED)


def test_a_body_scope_counts_only_that_bodys_records(area):
    body = BodyFactory(area=area)
    DialSubjectFactory(area=area, body=body, name="The board")
    DialSubjectFactory(area=area, name="Elsewhere")
    characteristics_check(area, body=body, status="partly", on=date(2027, 1, 1))
    characteristics_check(area, status="present", on=date(2027, 1, 1))
    found, measures = build(area, body=body)
    assert [row[0] for row in found["dial-positions"].rows] == ["The board"]
    assert {row[1] for row in found["characteristics"].rows} == {"Partly"}
    assert measures[1].value == "0%"
    _, area_measures = build(area)
    assert area_measures[1].value == "100%"
