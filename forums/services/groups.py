"""Changes to participation groups and their members."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import (
    LocalArea,
    Person,
)
from forums.details import GroupDetails
from forums.models import (
    GroupMembership,
    ParticipationGroup,
)
from forums.services.common import require_area_member

# Participation groups ---------------------------------------------------------------------


@transaction.atomic
def group_save(
    *, area: LocalArea, details: GroupDetails, group: ParticipationGroup | None = None
) -> ParticipationGroup:
    """Create a participation group in `area` (no `group`), or update `group` of that area
    under a row lock, from `details`. The organisation must be of the area (ValidationError
    at "organisation")."""
    if group is None:
        group = ParticipationGroup(area=area)
    else:
        group = ParticipationGroup.objects.select_for_update().get(pk=group.pk, area=area)
    details.apply_to(group)
    organisation = group.organisation
    if organisation is not None and organisation.area_id != group.area_id:
        raise ValidationError({"organisation": "Choose an organisation from this local area."})
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def group_member_add(
    *, group: ParticipationGroup, person: Person, role: str, joined_on: date | None = None
) -> GroupMembership:
    """Add a person of the group's area to the group. They cannot be a current member twice."""
    require_area_member(area_id=group.area_id, person=person, field="person")
    # Lock the group so two simultaneous adds of one person cannot both pass the check.
    ParticipationGroup.objects.select_for_update().get(pk=group.pk)
    if GroupMembership.objects.filter(group=group, person=person, left_on=None).exists():
        raise ValidationError({"person": f"{person} is already a member of {group}."})
    membership = GroupMembership(
        group=group, person=person, role=role, joined_on=joined_on or timezone.localdate()
    )
    membership.full_clean()
    membership.save()
    return membership


def group_membership_set_role(*, membership: GroupMembership, role: str) -> GroupMembership:
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def group_member_leave(*, membership: GroupMembership, left_on: date | None = None) -> None:
    """Record that a person left the group. The row is kept as history."""
    membership = GroupMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.left_on is not None:
        return
    left_on = left_on or timezone.localdate()
    if left_on < membership.joined_on:
        raise ValidationError({"left_on": "The date they left must be on or after they joined."})
    membership.left_on = left_on
    membership.save(update_fields=["left_on"])
