"""The scheduling rules on hand-made dates (terms, the exact edges of the hours, bank
holidays, working days across a weekend and a bank holiday)."""

from datetime import date, timedelta

import pytest

from coproduction.people.models import Role
from forums.meetings.models import MeetingPreferences, WarningCode
from forums.meetings.services.scheduling import meeting_rule_warnings
from tests.forums.factories import BodyFactory, body_member
from tests.meetings.factories import MeetingFactory, VenueFactory, at
from tests.people.factories import TermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(area):
    TermFactory(
        area=area, name="Summer 2026", starts_on=date(2026, 4, 13), ends_on=date(2026, 7, 22)
    )
    TermFactory(
        area=area, name="Autumn 2026", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18)
    )
    return BodyFactory(area=area)


def codes(body, starts_at, ends_at, venue=None, mode="online", today=date(2026, 1, 5), **kw):
    return {
        w.code
        for w in meeting_rule_warnings(
            body=body,
            starts_at=starts_at,
            ends_at=ends_at,
            mode=mode,
            venue=venue,
            today=today,
            **kw,
        )
    }


@pytest.mark.parametrize(
    ("starts", "ends", "warned"),
    [
        (at(2026, 9, 16, 10, 0), at(2026, 9, 16, 14, 0), False),  # 10:00 and 14:00 exactly
        (at(2026, 9, 16, 9, 59), at(2026, 9, 16, 12, 0), True),
        (at(2026, 9, 16, 12, 0), at(2026, 9, 16, 14, 1), True),
        (at(2026, 9, 2, 10, 0), at(2026, 9, 2, 12, 0), False),  # first day of term
        (at(2026, 12, 18, 10, 0), at(2026, 12, 18, 12, 0), False),  # last day of term
        (at(2026, 9, 1, 10, 0), at(2026, 9, 1, 12, 0), True),  # day before term
        (at(2026, 12, 21, 10, 0), at(2026, 12, 21, 12, 0), True),  # holidays (GMT)
        (at(2026, 9, 19, 10, 0), at(2026, 9, 19, 12, 0), True),  # a Saturday in term
        (at(2026, 5, 4, 10, 0), at(2026, 5, 4, 12, 0), True),  # early May bank holiday
    ],
)
def test_parent_carer_hours_rule(body, starts, ends, warned):
    body_member(body, Role.PARENT_CARER)
    assert (WarningCode.PARENT_CARER_HOURS in codes(body, starts, ends)) is warned


def test_no_parent_carer_warning_without_parent_carers(body):
    body_member(body, Role.OFFICER)
    assert codes(body, at(2026, 9, 19, 18), at(2026, 9, 19, 20)) == set()


@pytest.mark.parametrize(
    ("starts", "ends", "warned"),
    [
        (at(2026, 9, 16, 15, 30), at(2026, 9, 16, 17, 0), False),  # after school, exactly
        (at(2026, 9, 16, 15, 29), at(2026, 9, 16, 17, 0), True),
        (at(2026, 9, 16, 7, 45), at(2026, 9, 16, 8, 45), False),  # ends as school starts
        (at(2026, 9, 16, 10, 0), at(2026, 9, 16, 12, 0), True),
        (at(2026, 9, 19, 10, 0), at(2026, 9, 19, 12, 0), False),  # Saturday
        (at(2026, 8, 12, 10, 0), at(2026, 8, 12, 12, 0), False),  # summer holidays
        (at(2026, 5, 25, 10, 0), at(2026, 5, 25, 12, 0), False),  # spring bank holiday
    ],
)
def test_young_people_school_hours_rule(body, starts, ends, warned):
    body_member(body, Role.YOUNG_PERSON)
    assert (WarningCode.YOUNG_PEOPLE_SCHOOL in codes(body, starts, ends)) is warned


def test_papers_due_date_counts_working_days_across_weekend_and_bank_holiday(body):
    body.area.papers_ahead_working_days = 2
    body.area.save()
    # Tuesday 26 May 2026: Monday 25 is the spring bank holiday, so 2 working days before is
    # Thursday 21 May (Friday 22 counts 1).
    starts, ends = at(2026, 5, 26, 10), at(2026, 5, 26, 12)
    assert WarningCode.PAPERS_LATE not in codes(body, starts, ends, today=date(2026, 5, 21))
    assert WarningCode.PAPERS_LATE in codes(body, starts, ends, today=date(2026, 5, 22))


def test_same_venue_for_the_last_n_meetings_warns(body):
    venue = VenueFactory(area=body.area)
    for weeks in (3, 2, 1):
        MeetingFactory(body=body, venue=venue, starts_at=at(2026, 9, 16) - timedelta(weeks=weeks))
    starts, ends = at(2026, 9, 16, 10), at(2026, 9, 16, 12)
    assert WarningCode.SAME_VENUE in codes(body, starts, ends, venue=venue, mode="in_person")
    elsewhere = VenueFactory(area=body.area)
    assert WarningCode.SAME_VENUE not in codes(
        body, starts, ends, venue=elsewhere, mode="in_person"
    )


def test_two_meetings_at_a_venue_is_not_yet_a_pattern(body):
    venue = VenueFactory(area=body.area)
    MeetingFactory(body=body, venue=VenueFactory(area=body.area), starts_at=at(2026, 9, 1))
    for day in (8, 15):
        MeetingFactory(body=body, venue=venue, starts_at=at(2026, 9, day))
    starts, ends = at(2026, 9, 16, 10), at(2026, 9, 16, 12)
    assert WarningCode.SAME_VENUE not in codes(body, starts, ends, venue=venue, mode="in_person")


def test_venue_lacking_what_an_invitee_needs_warns(body):
    person = body_member(body, Role.OFFICER)
    MeetingPreferences.objects.create(person=person, needed_features=["hearing_loop"])
    venue = VenueFactory(area=body.area, features=["step_free"])
    warnings = meeting_rule_warnings(
        body=body,
        starts_at=at(2026, 9, 16, 10),
        ends_at=at(2026, 9, 16, 12),
        mode="in_person",
        venue=venue,
        today=date(2026, 1, 5),
    )
    assert [w.code for w in warnings] == [WarningCode.VENUE_ACCESS]
    assert "hearing loop" in warnings[0].message


def test_more_invitees_than_capacity_warns(body):
    for _ in range(3):
        body_member(body, Role.OFFICER)
    small = VenueFactory(area=body.area, capacity=2)
    assert WarningCode.CAPACITY in codes(
        body, at(2026, 9, 16, 10), at(2026, 9, 16, 12), venue=small, mode="hybrid"
    )
    assert WarningCode.CAPACITY not in codes(
        body,
        at(2026, 9, 16, 10),
        at(2026, 9, 16, 12),
        venue=VenueFactory(area=body.area, capacity=3),
        mode="hybrid",
    )
