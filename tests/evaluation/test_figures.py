"""The dashboard's own figures on hand-made data: only the scope's area (and body) counted,
empty Co x sector cells marked, representation gaps counted per body, papers on time, and
consultation load against the limits with small counts of people suppressed."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from coproduction.consultation.models import ConsultationRequest
from coproduction.people.models import Role, Sector
from evaluation.figures import SUPPRESSED, DashboardScope, Period, academic_year
from evaluation.figures.consultation import consultation_figures, consultation_measures
from evaluation.figures.initiatives import EMPTY_CELL, co_by_sector_figures
from evaluation.figures.papers import papers_figures
from evaluation.figures.representation import representation_figures
from initiatives.models import Co, Publication
from tests.forums.factories import BodyFactory, ParticipationGroupFactory, body_member
from tests.initiatives.factories import InitiativeFactory
from tests.meetings.factories import MeetingFactory
from tests.people.factories import TermFactory, member

pytestmark = pytest.mark.django_db

YEAR = Period("2026-27", "2026 to 2027 school year", date(2026, 9, 1), date(2027, 8, 31))


def scope(area, body=None, period=None):
    today = timezone.localdate()
    return DashboardScope(area=area, period=period or academic_year(today), today=today, body=body)


def by_first_cell(figure) -> dict:
    return {row[0]: row[1:] for row in figure.rows}


# Co x sector ---------------------------------------------------------------------------------


def test_co_by_sector_counts_published_initiatives_of_the_area_and_marks_empty_cells(
    area, other_area
):
    InitiativeFactory(area=area, main_co=Co.CO_DESIGN, sectors=[Sector.EDUCATION, Sector.HEALTH])
    InitiativeFactory(area=area, main_co=Co.CO_DESIGN, sectors=[Sector.EDUCATION])
    InitiativeFactory(area=area, main_co=Co.CO_DELIVERY, publication=Publication.DRAFT)
    InitiativeFactory(area=other_area, main_co=Co.CO_ASSESSMENT, sectors=[Sector.HEALTH])
    [figure] = co_by_sector_figures(scope(area))
    rows = by_first_cell(figure)
    assert figure.headings == ("Main Co", *(s.label for s in Sector), "All sectors")
    assert rows["Co-design"] == (2, 1, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, 2)
    assert rows["Co-assessment"] == (*([EMPTY_CELL] * 6), 0)
    assert "22 of 24 cells are empty" in figure.notes[-1]
    assert "Co-assessment with health" in figure.notes[-1]
    assert [bar.value for bar in figure.chart.bars] == [0, 2, 0, 0]


def test_co_by_sector_with_no_initiatives_shows_its_empty_text(area):
    [figure] = co_by_sector_figures(scope(area))
    assert figure.rows == ()
    assert figure.chart is None


# Representation ------------------------------------------------------------------------------


def test_representation_counts_bodies_per_gap(area, other_area):
    complete = BodyFactory(area=area, sectors=[Sector.EDUCATION])
    body_member(complete, Role.OFFICER, role="chair", sector=Sector.EDUCATION)
    body_member(complete, Role.COMMISSIONER, sector=Sector.EDUCATION)
    body_member(complete, Role.PARENT_CARER, sector=Sector.PARENT_CARERS)
    BodyFactory(area=area, sectors=[Sector.HEALTH])  # nobody on it
    BodyFactory(area=other_area)
    [figure] = representation_figures(scope(area))
    rows = by_first_cell(figure)
    assert rows["No chair or lead with authority"] == (1,)
    assert rows["A service it covers is missing"] == (1,)
    assert rows["No parent carer representatives"] == (1,)
    assert "Of 2 current boards and work streams, 1 has at least one gap" in figure.description


def test_representation_for_one_body_is_that_bodys_check(area):
    body = BodyFactory(area=area, name="Objective 1")
    body_member(body, Role.PARENT_CARER)
    [figure] = representation_figures(scope(area, body=body))
    rows = by_first_cell(figure)
    assert rows["No parent carer representatives"] == ("No gap",)
    assert rows["No commissioner"] == ("Gap",)
    assert rows["Share of members who are families"] == ("100%",)


# Papers on time ------------------------------------------------------------------------------


def test_papers_on_time_per_body_within_the_period_and_body(area, other_area, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    first = BodyFactory(area=area, name="A board")
    second = BodyFactory(area=area, name="B work stream")
    MeetingFactory(body=first)
    MeetingFactory(body=first)
    MeetingFactory(body=second)
    MeetingFactory(body=BodyFactory(area=other_area))
    soon = timezone.localdate()
    period = Period("now", "the next two months", soon, soon + timedelta(days=60))
    [figure] = papers_figures(scope(area, period=period))
    rows = by_first_cell(figure)
    assert rows["A board"] == (2, 0, "0%", 0)
    assert rows["All boards and work streams"] == (3, 0, "0%", 0)
    [only] = papers_figures(scope(area, body=second, period=period))
    assert [row[0] for row in only.rows] == ["B work stream"]
    past = Period("past", "last year", soon - timedelta(days=400), soon - timedelta(days=300))
    [none] = papers_figures(scope(area, period=past))
    assert none.rows == ()
    assert none.chart is None


# Consultation load ---------------------------------------------------------------------------


def request(area, asked_on, **who):
    return ConsultationRequest.objects.create(
        area=area,
        kind="survey",
        title="Short breaks survey",
        asked_on=asked_on,
        hours_asked=Decimal("1.5"),
        **who,
    )


def test_consultation_load_per_term_against_the_limits(area, other_area):
    area.group_requests_per_term = 2
    area.person_requests_per_term = 1
    area.save()
    summer = TermFactory(
        area=area, name="Summer term 2026", starts_on=date(2026, 4, 20), ends_on=date(2026, 7, 22)
    )
    TermFactory(
        area=area, name="Autumn term 2026", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18)
    )
    busy, quiet = ParticipationGroupFactory(area=area), ParticipationGroupFactory(area=area)
    for day in (date(2026, 8, 10), date(2026, 10, 1)):  # the holiday counts towards autumn
        request(area, day, group=busy)
    request(area, date(2026, 10, 2), group=quiet)
    people = [member(area, Role.PARENT_CARER) for _ in range(3)]
    for person in people:
        request(area, date(2026, 11, 1), person=person)
    request(other_area, date(2026, 10, 1), group=ParticipationGroupFactory(area=other_area))
    request(area, date(2026, 5, 1), group=busy)  # summer term: another school year
    [figure] = consultation_figures(scope(area, period=YEAR))
    assert figure.rows == (("Autumn term 2026", 6, Decimal("9.0"), 1, SUPPRESSED),)
    measures = {m.label: m.value for m in consultation_measures(scope(area, period=YEAR))}
    assert measures["Consultation requests"] == 6
    summer_period = Period(f"term-{summer.pk}", "Summer", summer.starts_on, summer.ends_on)
    [summer_figure] = consultation_figures(scope(area, period=summer_period))
    assert summer_figure.rows == (("Summer term 2026", 1, Decimal("1.5"), 0, 0),)


def test_five_or_more_people_at_the_limit_are_counted_in_full(area):
    area.person_requests_per_term = 1
    area.save()
    TermFactory(area=area, name="Autumn", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18))
    for _ in range(5):
        request(area, date(2026, 10, 1), person=member(area, Role.YOUNG_PERSON))
    [figure] = consultation_figures(scope(area, period=YEAR))
    assert figure.rows[0][-1] == 5


def test_consultation_load_without_terms_says_so(area):
    [figure] = consultation_figures(scope(area, period=YEAR))
    assert figure.rows == ()
    assert "no term dates" in figure.empty_text
