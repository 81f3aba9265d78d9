"""Reads of the forums app: equality aggregates, the governance tree, consultation load."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from coproduction.consultation.selectors import (
    consultation_load_by_term,
    consultation_load_warnings,
)
from coproduction.people import calendar
from coproduction.people.models import Role
from forums import selectors, services
from forums.models import BodyRole, GroupMembership
from tests.consultation.factories import ConsultationRequestFactory
from tests.forums.factories import (
    BodyFactory,
    BodyMembershipFactory,
    EqualityRecordFactory,
    GroupMembershipFactory,
    ParticipationGroupFactory,
    body_member,
)
from tests.people.factories import TermFactory, member

pytestmark = pytest.mark.django_db


# Equality monitoring ----------------------------------------------------------------------


def forum_with_answers(area, ethnicities):
    group = ParticipationGroupFactory(area=area)
    for ethnicity in ethnicities:
        person = member(area, Role.PARENT_CARER)
        GroupMembershipFactory(group=group, person=person)
        EqualityRecordFactory(person=person, ethnicity=ethnicity)
    return group


def question(summary, name):
    return next(item for item in summary if item.question == name)


def cells(item):
    return {cell.label: cell.count for cell in item.cells}


def published(group):
    """The group's figures as its page shows them: this month's snapshot."""
    services.equality_snapshots_take(today=timezone.localdate())
    return selectors.group_equality_published(group=group).questions


def test_fewer_than_five_answers_show_nothing(area):
    group = forum_with_answers(area, ["white"] * 4)
    ethnicity = question(published(group), "Ethnic group")
    assert ethnicity.answered is None
    assert ethnicity.cells == []


def test_counts_under_ten_are_hidden_and_the_rest_rounded_to_five(area):
    group = forum_with_answers(area, ["white"] * 12 + ["asian"] * 10 + ["black"])
    ethnicity = question(published(group), "Ethnic group")
    assert ethnicity.answered == 25  # 23, rounded to the nearest 5
    shown = cells(ethnicity)
    assert shown["Black, Black British, Caribbean or African"] is None
    assert shown["Mixed or multiple ethnic groups"] is None  # 0 is under 10 too
    assert shown["White"] == 10  # 12, rounded
    assert shown["Asian or Asian British"] == 10


def test_a_lone_small_count_takes_the_next_smallest_with_it(area):
    # Only "other" would be hidden (2), so "asian" (10, the smallest shown, first by name) is
    # hidden too: otherwise 2 could be worked out from the total.
    group = forum_with_answers(
        area,
        ["white"] * 10
        + ["asian"] * 10
        + ["black"] * 11
        + ["mixed"] * 10
        + ["other"] * 2
        + ["prefer_not"] * 10,
    )
    shown = cells(question(published(group), "Ethnic group"))
    assert [label for label, count in shown.items() if count is None] == [
        "Asian or Asian British",
        "Other ethnic group",
    ]


def test_only_current_members_who_consented_are_counted(area):
    group = forum_with_answers(area, ["white"] * 5)
    left = GroupMembership.objects.filter(group=group).first()
    services.group_member_leave(membership=left)
    GroupMembershipFactory(group=group, person=member(area, Role.PARENT_CARER))  # no answers
    ethnicity = question(published(group), "Ethnic group")
    assert ethnicity.answered is None


def test_the_areas_population_figures_are_shown_beside_the_counts(area):
    group = forum_with_answers(area, ["white"] * 10)
    services.population_figures_save(area=area, figures={("ethnicity", "white"): Decimal("48.6")})
    ethnicity = question(published(group), "Ethnic group")
    white = next(cell for cell in ethnicity.cells if cell.label == "White")
    assert (white.count, white.percent, white.population_percent) == (10, 100, Decimal("48.6"))


# Governance tree --------------------------------------------------------------------------


def test_the_tree_nests_every_body_under_its_parent(area):
    trust = BodyFactory(area=area, name="A Children's Trust Board")
    partnership = BodyFactory(area=area, name="B Complex Needs", parent=trust)
    for name in ["C Local Offer", "D Personal budgets"]:
        BodyFactory(area=area, name=name, parent=partnership)
    BodyFactory(area=area, name="E Another board")
    steps = selectors.governance_tree(area=area)
    assert [(s["body"].name, s["open"], s["leaf"], s["closes"]) for s in steps] == [
        ("A Children's Trust Board", False, False, 0),
        ("B Complex Needs", True, False, 0),
        ("C Local Offer", True, True, 0),
        ("D Personal budgets", False, True, 2),
        ("E Another board", False, True, 0),
    ]


def test_ancestors_come_from_the_top_down(area):
    trust = BodyFactory(area=area, name="Trust")
    partnership = BodyFactory(area=area, name="Partnership", parent=trust)
    work_stream = BodyFactory(area=area, name="Work stream", parent=partnership)
    assert [b.name for b in selectors.body_ancestors(body=work_stream)] == ["Trust", "Partnership"]


# Joining ----------------------------------------------------------------------------------


def test_bodies_to_join_are_open_led_ones_the_person_is_not_on(area, other_area):
    parent = member(area, Role.PARENT_CARER)
    open_one = BodyFactory(area=area, name="Open", open_to_requests=True)
    body_member(open_one, Role.OFFICER, role=BodyRole.CHAIR, display_name="Helen Ward")
    on_it = BodyFactory(area=area, name="Already on it", open_to_requests=True)
    body_member(on_it, Role.OFFICER)
    BodyMembershipFactory(body=on_it, person=parent)
    BodyFactory(area=area, name="Closed", open_to_requests=False)
    nobody_to_answer = BodyFactory(area=area, name="Nobody to answer", open_to_requests=True)
    body_member(nobody_to_answer, Role.OFFICER)
    BodyFactory(area=area, name="Ended", open_to_requests=True, status="ended")
    BodyFactory(area=other_area, name="Elsewhere", open_to_requests=True)
    bodies = list(selectors.joinable_bodies(area=area, person=parent))
    assert [body.name for body in bodies] == ["Open"]
    assert [m.person.display_name for m in bodies[0].leaders] == ["Helen Ward"]
    assert bodies[0].request_pending is False


# Consultation load ------------------------------------------------------------------------


@pytest.fixture
def terms(area):
    return [
        TermFactory(
            area=area, name="Autumn", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18)
        ),
        TermFactory(
            area=area, name="Spring", starts_on=date(2027, 1, 5), ends_on=date(2027, 3, 26)
        ),
    ]


def test_holiday_requests_count_towards_the_next_term(area, terms):
    periods = calendar.term_periods(area=area)
    assert [(p.term.name, p.starts_on, p.ends_on) for p in periods] == [
        ("Autumn", date(2026, 9, 2), date(2026, 12, 18)),
        ("Spring", date(2026, 12, 19), date(2027, 3, 26)),
    ]
    assert calendar.period_for(periods, date(2026, 12, 24)).term.name == "Spring"
    assert calendar.period_for(periods, date(2026, 8, 1)) is None


def test_requests_are_counted_per_term_for_a_group(area, terms):
    group = ParticipationGroupFactory(area=area)
    for asked_on, hours in [
        (date(2026, 9, 10), "1"),
        (date(2026, 11, 1), "2.5"),
        (date(2026, 12, 20), "3"),
    ]:
        ConsultationRequestFactory(area=area, group=group, asked_on=asked_on, hours_asked=hours)
    ConsultationRequestFactory(area=area, person=member(area, Role.PARENT_CARER))
    loads = consultation_load_by_term(
        area=area, periods=calendar.term_periods(area=area), group=group
    )
    assert [(load.requests, load.hours, load.limit) for load in loads] == [
        (2, Decimal("3.5"), 6),
        (1, Decimal("3"), 6),
    ]


def test_a_warning_is_given_at_the_limit(area, terms):
    area.person_requests_per_term = 2
    area.save()
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    ConsultationRequestFactory(area=area, person=parent, asked_on=date(2026, 10, 1))
    asked_on = date(2026, 11, 1)
    assert consultation_load_warnings(area=area, asked_on=asked_on, person=parent) == []
    ConsultationRequestFactory(area=area, person=parent, asked_on=date(2026, 10, 2))
    assert consultation_load_warnings(area=area, asked_on=asked_on, person=parent) == [
        "Sam Okafor has already had 2 requests in Autumn. The limit for a person is 2 a term."
    ]
    # Next term starts afresh.
    spring = date(2027, 2, 1)
    assert consultation_load_warnings(area=area, asked_on=spring, person=parent) == []
