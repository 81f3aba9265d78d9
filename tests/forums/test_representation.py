"""The representation check (Leeds) on hand-made bodies."""

import pytest

from coproduction.people.models import Role, Sector
from forums import selectors
from forums.models import BodyRole
from forums.representation import Seat, check_representation
from tests.forums.factories import BodyFactory, BodyMembershipFactory, body_member
from tests.people.factories import member

pytestmark = pytest.mark.django_db

OFFICER, COMMISSIONER = frozenset({Role.OFFICER}), frozenset({Role.COMMISSIONER})
PARENT, YOUNG = frozenset({Role.PARENT_CARER}), frozenset({Role.YOUNG_PERSON})
BOARD = frozenset({Role.BOARD_MEMBER})


def check(seats, *, sectors=(), young_people=False, share=25):
    return check_representation(
        sectors=list(sectors), needs_young_people=young_people, seats=seats, family_share=share
    )


def seat(role, sector, roles):
    return Seat(role=role, represents_sector=sector, area_roles=roles)


LEEDS_WORK_STREAM = [
    seat(BodyRole.LEAD, Sector.EDUCATION, OFFICER),
    seat(BodyRole.MEMBER, Sector.HEALTH, OFFICER),
    seat(BodyRole.MEMBER, Sector.SOCIAL_CARE, OFFICER),
    seat(BodyRole.MEMBER, Sector.HEALTH, COMMISSIONER),
    seat(BodyRole.MEMBER, Sector.PARENT_CARERS, PARENT),
    seat(BodyRole.MEMBER, Sector.PARENT_CARERS, PARENT),
]


def test_a_body_with_every_seat_has_no_gaps():
    result = check(LEEDS_WORK_STREAM, sectors=[Sector.EDUCATION, Sector.HEALTH, Sector.SOCIAL_CARE])
    assert result.gaps == []
    assert (result.seats, result.families, result.family_share) == (6, 2, 33)


def test_an_empty_body_lacks_everything():
    result = check([], sectors=[Sector.HEALTH], young_people=True)
    assert result.gaps == [
        "No chair or lead with authority (an officer or commissioner)",
        "No one representing health",
        "No commissioner",
        "No parent carer representatives",
        "No young people",
        "Families are 0% of members; the area asks for at least 25%",
    ]


def test_a_chair_without_authority_does_not_count():
    seats = [seat(BodyRole.CHAIR, "", BOARD), *LEEDS_WORK_STREAM[1:]]
    assert not check(seats).has_authority
    seats = [seat(BodyRole.MEMBER, Sector.EDUCATION, OFFICER), *LEEDS_WORK_STREAM[1:]]
    assert not check(seats).has_authority
    seats = [seat(BodyRole.CO_CHAIR, "", COMMISSIONER), *LEEDS_WORK_STREAM[1:]]
    assert check(seats).has_authority


def test_each_sector_the_body_covers_needs_a_representative():
    result = check(LEEDS_WORK_STREAM, sectors=[Sector.HEALTH, Sector.VOLUNTARY])
    assert result.missing_sectors == ["Voluntary and community"]
    assert "No one representing voluntary and community" in result.gaps


def test_young_people_are_required_only_where_the_body_needs_them():
    assert "No young people" not in check(LEEDS_WORK_STREAM).gaps
    assert "No young people" in check(LEEDS_WORK_STREAM, young_people=True).gaps
    with_young = [*LEEDS_WORK_STREAM, seat(BodyRole.MEMBER, Sector.YOUNG_PEOPLE, YOUNG)]
    assert check(with_young, young_people=True).gaps == []


def test_families_must_be_the_share_the_area_sets():
    assert check(LEEDS_WORK_STREAM, share=33).enough_families
    result = check(LEEDS_WORK_STREAM, share=50)
    assert result.gaps == ["Families are 33% of members; the area asks for at least 50%"]


def test_observers_and_heads_of_service_copied_in_hold_no_seat():
    seats = [
        *LEEDS_WORK_STREAM[:4],
        seat(BodyRole.OBSERVER, Sector.PARENT_CARERS, PARENT),
        seat(BodyRole.COPIED, Sector.HEALTH, COMMISSIONER),
    ]
    result = check(seats)
    assert "No parent carer representatives" in result.gaps
    assert result.seats == 4


def test_the_area_table_checks_every_body_in_two_queries(area, django_assert_num_queries):
    area.family_share_percent = 20
    area.save()
    complete = BodyFactory(area=area, name="Complete", sectors=[Sector.HEALTH])
    body_member(complete, Role.OFFICER, role=BodyRole.CHAIR, sector=Sector.HEALTH)
    body_member(complete, Role.COMMISSIONER, sector=Sector.HEALTH)
    body_member(complete, Role.PARENT_CARER, sector=Sector.PARENT_CARERS)
    no_parents = BodyFactory(area=area, name="No parents")
    body_member(no_parents, Role.OFFICER, role=BodyRole.LEAD)
    body_member(no_parents, Role.COMMISSIONER)
    no_commissioner = BodyFactory(area=area, name="No commissioner")
    body_member(no_commissioner, Role.OFFICER, role=BodyRole.CHAIR)
    body_member(no_commissioner, Role.PARENT_CARER)
    # A member who has left no longer counts.
    gone = member(area, Role.COMMISSIONER)
    BodyMembershipFactory(
        body=no_commissioner, person=gone, started_on="2020-01-01", ended_on="2021-01-01"
    )
    BodyFactory(area=area, name="Ended", status="ended")

    # The bodies, and their seats' figures counted in the database.
    with django_assert_num_queries(2):
        rows = {
            row.body.name: row.representation for row in selectors.area_representation(area=area)
        }
    assert set(rows) == {"Complete", "No parents", "No commissioner"}
    assert rows["Complete"].gaps == []
    assert rows["No parents"].gaps == [
        "No parent carer representatives",
        "Families are 0% of members; the area asks for at least 20%",
    ]
    assert rows["No commissioner"].gaps == ["No commissioner"]
