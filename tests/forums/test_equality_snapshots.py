"""A group's equality figures cannot be worked out by differencing.

Pages show only the figures of the latest snapshot, taken at set times (the first of each
month), rounded to the nearest 5 with counts under 10 hidden. One person joining, leaving,
answering or withdrawing changes nothing on the page until the next snapshot.
"""

from datetime import date

import pytest

from coproduction.people.models import Role
from forums import selectors, services
from forums.models import EqualitySnapshot, GroupMembership
from forums.tasks import take_equality_snapshots
from tests.forums.factories import (
    EqualityRecordFactory,
    GroupMembershipFactory,
    ParticipationGroupFactory,
)
from tests.people.factories import member

pytestmark = pytest.mark.django_db

NOVEMBER = date(2026, 11, 1)
DECEMBER = date(2026, 12, 1)


def forum_with(area, answers: list[dict]):
    group = ParticipationGroupFactory(area=area)
    for fields in answers:
        person = member(area, Role.PARENT_CARER)
        GroupMembershipFactory(group=group, person=person)
        EqualityRecordFactory(person=person, **fields)
    return group


def equality_section(client, group) -> str:
    html = client.get(f"/birmingham/groups/{group.pk}/").content.decode()
    return html[html.index("Who the group reaches") :]


def test_published_figures_are_rounded_to_five_and_counts_under_ten_hidden():
    figures = selectors.equality_disclosure_control(
        {"disability": {"a_lot": 12, "no": 23, "prefer_not": 7}}
    )
    # 7 is under 10, and only it would be hidden, so the next smallest (12) goes too.
    assert figures == {
        "disability": {"answered": 40, "counts": {"a_lot": None, "no": 25, "prefer_not": None}}
    }
    assert [selectors.round_to_five(n) for n in [0, 2, 3, 12, 13, 17, 18]] == [
        0,
        0,
        5,
        10,
        15,
        15,
        20,
    ]


def test_a_question_fewer_than_five_answered_shows_nothing():
    figures = selectors.equality_disclosure_control({"carer": {"yes": 3, "no": 1}})
    assert figures == {"carer": {"answered": None, "counts": {}}}


def test_a_snapshot_stores_only_controlled_figures(area):
    group = forum_with(area, [{"ethnicity": "white"}] * 12 + [{"ethnicity": "asian"}] * 11)
    assert services.equality_snapshots_take(today=date(2026, 11, 14)) == 1
    snapshot = EqualitySnapshot.objects.get(group=group)
    assert snapshot.taken_on == NOVEMBER
    ethnicity = snapshot.figures["ethnicity"]
    assert ethnicity["answered"] == 25
    assert ethnicity["counts"]["white"] == 10
    assert ethnicity["counts"]["asian"] == 10
    assert ethnicity["counts"]["black"] is None


def test_taking_the_snapshots_twice_in_a_month_keeps_the_first(area):
    group = forum_with(area, [{"disability": "no"}] * 10)
    services.equality_snapshots_take(today=NOVEMBER)
    GroupMembershipFactory(group=group, person=member(area, Role.PARENT_CARER))
    assert services.equality_snapshots_take(today=date(2026, 11, 20)) == 0
    assert EqualitySnapshot.objects.filter(group=group).count() == 1


def test_the_monthly_task_takes_a_snapshot_of_every_group(area):
    groups = [forum_with(area, []), forum_with(area, [{"carer": "yes"}])]
    take_equality_snapshots.apply()
    take_equality_snapshots.apply()
    assert EqualitySnapshot.objects.filter(group__in=groups).count() == 2


def test_the_page_shows_the_latest_snapshot_and_its_date(client, area):
    group = forum_with(area, [{"disability": "no"}] * 12)
    client.force_login(member(area, Role.OFFICER))
    before = equality_section(client, group)
    assert "No figures have been worked out for this group yet." in before
    services.equality_snapshots_take(today=NOVEMBER)
    section = equality_section(client, group)
    assert "Figures as at 1 November 2026." in section
    assert "rounded to the nearest 5" in section
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">10</td>' in section


def test_one_persons_actions_never_change_the_page_until_the_next_snapshot(client, area):
    """The reported case: an officer adds a young person who answered the disability
    question and compares the group's figures before and after."""
    group = forum_with(
        area, [{"disability": "no", "carer": "yes"}] * 5 + [{"disability": "a_lot"}] * 10
    )
    services.equality_snapshots_take(today=NOVEMBER)
    officer = member(area, Role.OFFICER)
    young_person = member(area, Role.YOUNG_PERSON)
    EqualityRecordFactory(person=young_person, disability="no", carer="no")
    client.force_login(officer)
    published = equality_section(client, group)

    services.group_member_add(group=group, person=young_person, role="member")
    assert equality_section(client, group) == published, "adding a member"

    services.equality_record_save(
        person=young_person, consent=True, disability="a_lot", carer="yes"
    )
    assert equality_section(client, group) == published, "a member changing their answers"

    services.equality_record_withdraw(person=young_person)
    assert equality_section(client, group) == published, "a member withdrawing their answers"

    someone = GroupMembership.objects.filter(group=group).exclude(person=young_person).first()
    services.group_member_leave(membership=someone)
    assert equality_section(client, group) == published, "a member leaving"

    services.equality_snapshots_take(today=DECEMBER)
    assert "Figures as at 1 December 2026." in equality_section(client, group)
