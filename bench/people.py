"""Bench data for the people app: 50 areas, each with 60 members."""

from allauth.mfa.totp.internal.auth import TOTP

from coproduction.people.models import AreaMembership, LocalArea, Organisation, Person, Role, Sector

AREAS = 50
MEMBERS_PER_AREA = 60
ROLES = [Role.PARENT_CARER, Role.YOUNG_PERSON, Role.OFFICER, Role.COMMISSIONER, Role.BOARD_MEMBER]


def area_slug(number: int) -> str:
    return f"bench-area-{number:02d}"


def build() -> str:
    if LocalArea.objects.filter(slug=area_slug(AREAS - 1)).exists():
        return f"{AREAS} areas x {MEMBERS_PER_AREA} members (already built)"
    areas = LocalArea.objects.bulk_create(
        [LocalArea(name=f"Bench area {n:02d}", slug=area_slug(n)) for n in range(AREAS)]
    )
    Organisation.objects.bulk_create(
        [
            Organisation(area=area, name=f"{area.name} {sector.label}", sector=sector)
            for area in areas
            for sector in Sector
        ]
    )
    people = Person.objects.bulk_create(
        [
            Person(email=f"bench{a}-{m}@example.org", display_name=f"Bench person {a}-{m}")
            for a in range(AREAS)
            for m in range(MEMBERS_PER_AREA)
        ]
    )
    memberships = []
    for index, person in enumerate(people):
        area = areas[index // MEMBERS_PER_AREA]
        role = Role.AREA_ADMIN if index % MEMBERS_PER_AREA == 0 else ROLES[index % len(ROLES)]
        memberships.append(AreaMembership(person=person, area=area, roles=[role]))
    AreaMembership.objects.bulk_create(memberships)
    # The first area's administrator also belongs to five other areas (area switcher).
    admin = people[0]
    AreaMembership.objects.bulk_create(
        [AreaMembership(person=admin, area=area, roles=[Role.OFFICER]) for area in areas[1:6]]
    )
    TOTP.activate(admin, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")  # administrators need it
    return f"{AREAS} areas x {MEMBERS_PER_AREA} members"


def admin_of_first_area() -> Person:
    return Person.objects.get(email="bench0-0@example.org")


def pages():
    admin = admin_of_first_area()
    slug = area_slug(0)
    return [
        ("home page (member of 6 areas)", "/", admin),
        ("area overview", f"/{slug}/", admin),
        ("people of an area (60 members)", f"/{slug}/people/", admin),
    ]
