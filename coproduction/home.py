"""Helpers for the sections of a signed-in person's home page and an area's overview.

The sections themselves come from the apps, through `coproduction.registry`: each app's
`frame.py` registers a `SectionProvider`. This module only holds what those providers share.
"""

from coproduction.people.models import LocalArea, Person

# The most rows one home page section lists, so the page costs the same for everyone.
SECTION_ROWS = 20


def first_rows(queryset) -> tuple[list, bool]:
    """Up to SECTION_ROWS rows, and whether there were more (one query)."""
    rows = list(queryset[: SECTION_ROWS + 1])
    return rows[:SECTION_ROWS], len(rows) > SECTION_ROWS


def areas_with_roles(person: Person, area: LocalArea | None, roles) -> list[LocalArea]:
    """The person's areas (only `area`, when given) where they hold any of `roles`."""
    return [
        membership.area
        for membership in person.area_memberships()
        if set(membership.roles) & roles and (area is None or membership.area_id == area.pk)
    ]
