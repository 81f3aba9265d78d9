"""Who may do what in a local area: predicates keyed on role and area.

Every predicate takes the person and an object that belongs to an area: a LocalArea or
anything with an `area_id`. Other apps build their permissions from these predicates.
"""

import rules

from coproduction.people.models import FAMILY_ROLES, OFFICER_ROLES, LocalArea, Role


def area_id_of(obj) -> int | None:
    if obj is None:
        return None
    if isinstance(obj, LocalArea):
        return obj.pk
    return getattr(obj, "area_id", None)


def roles_in_area(person, obj) -> frozenset[str]:
    """The roles `person` holds in the area `obj` belongs to (empty when none)."""
    if not getattr(person, "is_authenticated", False) or not person.is_active:
        return frozenset()
    area_id = area_id_of(obj)
    if area_id is None:
        return frozenset()
    return person.area_roles().get(area_id, frozenset())


def has_area_role(*wanted: str):
    """A predicate: true when the person holds any of `wanted` in the object's area."""
    wanted_set = frozenset(wanted)
    name = "has_area_role_" + "_or_".join(sorted(wanted))

    def predicate(person, obj=None):
        return bool(roles_in_area(person, obj) & wanted_set)

    return rules.predicate(predicate, name=name)


@rules.predicate
def is_area_member(person, obj=None):
    return bool(roles_in_area(person, obj))


is_area_officer = has_area_role(*OFFICER_ROLES)
is_area_commissioner = has_area_role(Role.COMMISSIONER)
is_area_family_member = has_area_role(*FAMILY_ROLES)
is_area_parent_carer = has_area_role(Role.PARENT_CARER)
is_area_young_person = has_area_role(Role.YOUNG_PERSON)
is_area_board_member = has_area_role(Role.BOARD_MEMBER)
is_area_admin = has_area_role(Role.AREA_ADMIN)

rules.add_perm("people.view_area", is_area_member)
rules.add_perm("people.change_area", is_area_admin)
rules.add_perm("people.manage_people", is_area_admin)
