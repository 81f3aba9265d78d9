"""Helpers for permission-matrix tests: every URL against every role, and a stranger."""

from coproduction.people.models import Role

ANONYMOUS = "anonymous"
OTHER_AREA = "officer of another area"
AREA_ROLES = [
    Role.PARENT_CARER,
    Role.YOUNG_PERSON,
    Role.OFFICER,
    Role.COMMISSIONER,
    Role.BOARD_MEMBER,
    Role.AREA_ADMIN,
]
EVERYONE = [ANONYMOUS, OTHER_AREA, *AREA_ROLES]


def expect(allowed, *, ok=200, denied=403, anonymous=302, other_area=403) -> dict:
    """Expected status per role: `ok` for the roles in `allowed`, `denied` for the others."""
    statuses = {role: (ok if role in allowed else denied) for role in AREA_ROLES}
    statuses[ANONYMOUS] = anonymous
    statuses[OTHER_AREA] = other_area
    return statuses


def not_found_for(statuses: dict, roles) -> dict:
    """`statuses` with 404 for `roles`: members who pass the area's checks but may not know a
    private record exists (another person's claim, a board's report) get "not found", the
    same answer as for a missing id."""
    return {**statuses, **dict.fromkeys(roles, 404)}


MEMBERS = AREA_ROLES
ADMINS = [Role.AREA_ADMIN]
OFFICERS = [Role.OFFICER, Role.COMMISSIONER]
FAMILIES = [Role.PARENT_CARER, Role.YOUNG_PERSON]


def client_as(client, role, area, other_area):
    """Sign `client` in as a person holding `role` in `area` (or as a stranger/nobody)."""
    from tests.people.factories import member

    if role == ANONYMOUS:
        return None
    person = member(other_area, Role.OFFICER) if role == OTHER_AREA else member(area, role)
    client.force_login(person)
    return person


def assert_matrix_status(client, matrix, page, role, records, area, other_area):
    """Ask for `page` of a permission `matrix` ({page: (method, url, expected statuses)}) as
    a person holding `role`, the url filled from `records`: the answer is the one expected."""
    method, url, expected = matrix[page]
    client_as(client, role, area, other_area)
    response = getattr(client, method)(url.format(**records))
    assert response.status_code == expected[role], f"{page} as {role}"
