"""The representation check (Leeds): which seats a board or work stream lacks.

At every level a body should have someone with authority in the chair or lead, the services
it covers, a commissioner and parent carer representatives, young people where the work
touches them, and families should be at least the share of its members that the area sets.

The rule is a plain function of data already read (see `selectors.body_seats` and
`selectors.area_representation`), so a page checks many bodies without further queries.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from coproduction.people.models import FAMILY_ROLES, OFFICER_ROLES, Role, Sector
from forums.models import CHAIR_ROLES, SEAT_ROLES


@dataclass(frozen=True)
class Seat:
    """A current membership as the check sees it."""

    role: str
    represents_sector: str
    area_roles: frozenset[str]


@dataclass
class Representation:
    has_authority: bool
    missing_sectors: list[str]
    has_commissioner: bool
    has_parent_carers: bool
    needs_young_people: bool
    has_young_people: bool
    seats: int
    families: int
    family_share: int  # whole per cent of seats held by parent carers and young people
    family_share_target: int
    gaps: list[str] = field(default_factory=list)

    @property
    def has_gaps(self) -> bool:
        return bool(self.gaps)

    @property
    def enough_families(self) -> bool:
        return self.seats > 0 and self.family_share >= self.family_share_target


@dataclass(frozen=True)
class SeatFigures:
    """What the check needs from a body's seats: counts and yes/no, not the seats themselves.

    `area_representation` reads these per body in SQL, so a page of many bodies builds no
    per-seat objects (the speed issue)."""

    seats: int
    covered_sectors: frozenset[str]
    has_authority: bool
    has_commissioner: bool
    has_parent_carers: bool
    has_young_people: bool
    families: int


def seat_figures(seats: Iterable[Seat]) -> SeatFigures:
    """The figures of `seats`: only seat holders count (chairs, co-chairs, leads and
    members), not observers nor heads of service copied in. "Authority" is a chair, co-chair
    or lead who is an officer or commissioner in the area."""
    seats = [seat for seat in seats if seat.role in SEAT_ROLES]
    return SeatFigures(
        seats=len(seats),
        covered_sectors=frozenset(seat.represents_sector for seat in seats),
        has_authority=any(
            seat.role in CHAIR_ROLES and seat.area_roles & OFFICER_ROLES for seat in seats
        ),
        has_commissioner=any(Role.COMMISSIONER in seat.area_roles for seat in seats),
        has_parent_carers=any(Role.PARENT_CARER in seat.area_roles for seat in seats),
        has_young_people=any(Role.YOUNG_PERSON in seat.area_roles for seat in seats),
        families=sum(1 for seat in seats if seat.area_roles & FAMILY_ROLES),
    )


def check_representation(
    *, sectors: Iterable[str], needs_young_people: bool, seats: Iterable[Seat], family_share: int
) -> Representation:
    """What a body lacks, from its current memberships (see `seat_figures` for who counts)."""
    return representation_from_figures(
        sectors=sectors,
        needs_young_people=needs_young_people,
        figures=seat_figures(seats),
        family_share=family_share,
    )


def representation_from_figures(
    *, sectors: Iterable[str], needs_young_people: bool, figures: SeatFigures, family_share: int
) -> Representation:
    """What a body lacks, from the figures of its current seats."""
    missing_sectors = [
        Sector(sector).label for sector in sectors if sector not in figures.covered_sectors
    ]
    families = figures.families
    share = (families * 100) // figures.seats if figures.seats else 0
    has_authority = figures.has_authority
    has_commissioner = figures.has_commissioner
    has_parent_carers = figures.has_parent_carers
    has_young_people = figures.has_young_people

    result = Representation(
        has_authority=has_authority,
        missing_sectors=missing_sectors,
        has_commissioner=has_commissioner,
        has_parent_carers=has_parent_carers,
        needs_young_people=needs_young_people,
        has_young_people=has_young_people,
        seats=figures.seats,
        families=families,
        family_share=share,
        family_share_target=family_share,
    )
    if not has_authority:
        result.gaps.append("No chair or lead with authority (an officer or commissioner)")
    for label in missing_sectors:
        result.gaps.append(f"No one representing {label.lower()}")
    if not has_commissioner:
        result.gaps.append("No commissioner")
    if not has_parent_carers:
        result.gaps.append("No parent carer representatives")
    if needs_young_people and not has_young_people:
        result.gaps.append("No young people")
    if not result.enough_families:
        result.gaps.append(
            f"Families are {share}% of members; the area asks for at least {family_share}%"
        )
    return result
