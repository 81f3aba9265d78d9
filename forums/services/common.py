"""Checks shared by the forums services."""

from django.core.exceptions import ValidationError

from coproduction.people.models import (
    AreaMembership,
    Person,
)
from coproduction.people.selectors import area_membership_get


def require_area_member(*, area_id: int, person: Person, field: str) -> AreaMembership:
    """The person's membership of the area, or a ValidationError at `field` saying they are
    not a member of it."""
    membership = area_membership_get(area=area_id, person_id=person.pk)
    if membership is None:
        raise ValidationError({field: f"{person} is not a member of this local area."})
    return membership
