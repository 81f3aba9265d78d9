"""Changes to boards, work streams and their memberships."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from coproduction.people.models import (
    LocalArea,
)
from forums.details import BodyDetails, BodyMembershipDetails
from forums.models import (
    Body,
    BodyMembership,
)
from forums.selectors import body_ancestor_ids, forget_chaired_bodies
from forums.services.common import require_area_member

# Bodies -----------------------------------------------------------------------------------


def body_check_parent(*, body: Body, parent: Body | None) -> None:
    """Refuse a parent from another area, the body itself, or one of the bodies under it
    (which would make the body its own ancestor)."""
    if parent is None:
        return
    if parent.area_id != body.area_id:
        raise ValidationError({"parent": "Choose a board from this local area."})
    if body.pk is None:
        return
    if parent.pk == body.pk:
        raise ValidationError({"parent": f"{body} cannot report to itself."})
    if body.pk in body_ancestor_ids(body_id=parent.pk):
        raise ValidationError(
            {"parent": f"{parent} reports to {body} already, so {body} cannot report to it."}
        )


@transaction.atomic
def body_save(*, area: LocalArea, details: BodyDetails, body: Body | None = None) -> Body:
    """Create a board or work stream in `area` (no `body`), or update `body` of that area,
    from `details`.

    Locks the area's row while it checks the parent (then the body's row), so two changes
    made at the same moment cannot build a loop between them. A parent from another area,
    the body itself or a body under it is refused (ValidationError at "parent").
    """
    LocalArea.objects.select_for_update().get(pk=area.pk)
    if body is None:
        body = Body(area=area)
    else:
        body = Body.objects.select_for_update().get(pk=body.pk, area=area)
    details.apply_to(body)
    body_check_parent(body=body, parent=body.parent)
    body.full_clean()
    body.save()
    return body


def _check_membership_fields(membership: BodyMembership) -> None:
    area_id = membership.body.area_id
    require_area_member(area_id=area_id, person=membership.person, field="person")
    organisation = membership.represents_organisation
    if organisation is not None and organisation.area_id != area_id:
        raise ValidationError(
            {"represents_organisation": "Choose an organisation from this local area."}
        )
    group = membership.represents_group
    if group is not None and group.area_id != area_id:
        raise ValidationError({"represents_group": "Choose a group from this local area."})
    if not membership.represents_sector and organisation is not None:
        membership.represents_sector = organisation.sector
    if membership.ended_on and membership.ended_on < membership.started_on:
        raise ValidationError({"ended_on": "The end date must be on or after the start date."})
    # Two date ranges overlap when each starts before the other ends (no end: open-ended).
    overlapping = (
        BodyMembership.objects.filter(body_id=membership.body_id, person_id=membership.person_id)
        .exclude(pk=membership.pk)
        .filter(Q(ended_on=None) | Q(ended_on__gte=membership.started_on))
    )
    if membership.ended_on:
        overlapping = overlapping.filter(started_on__lte=membership.ended_on)
    if overlapping.exists():
        raise ValidationError(
            {"person": f"{membership.person} is already a member of {membership.body} then."}
        )


@transaction.atomic
def body_membership_save(
    *, body: Body, details: BodyMembershipDetails, membership: BodyMembership | None = None
) -> BodyMembership:
    """Add someone to `body` (no `membership`) or change their `membership` of it (role, whom
    they represent, dates; the person stays the same).

    A person cannot hold two memberships of a body whose dates overlap; the database refuses
    it too. Locks the body (then the membership) so two adds of one person at once cannot both
    pass the check. Errors are ValidationErrors at the field they concern.
    """
    Body.objects.select_for_update().get(pk=body.pk)
    if membership is None:
        membership = BodyMembership(body=body)
    else:
        membership = (
            BodyMembership.objects.select_for_update(of=("self",))
            .select_related("body", "person")
            .get(pk=membership.pk, body=body)
        )
        if details.person.pk != membership.person_id:
            raise ValidationError(
                {"person": "The person cannot be changed. End this membership and add theirs."}
            )
    details.apply_to(membership)
    _check_membership_fields(membership)
    membership.full_clean()
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError as error:  # the exclusion constraint, if a race got past the check
        raise ValidationError(
            {"person": f"{membership.person} is already a member of {membership.body} then."}
        ) from error
    forget_chaired_bodies(membership.person)
    return membership


@transaction.atomic
def body_membership_end(*, membership: BodyMembership, ended_on: date | None = None) -> None:
    """Someone leaves a body: the end date is set and the row kept as history."""
    membership = BodyMembership.objects.select_for_update().get(pk=membership.pk)
    ended_on = ended_on or timezone.localdate()
    if membership.ended_on is not None and membership.ended_on <= ended_on:
        return
    if ended_on < membership.started_on:
        raise ValidationError(
            {
                "ended_on": "The end date must be on or after the start date. To take out a "
                "membership that has not started, change its dates."
            }
        )
    membership.ended_on = ended_on
    membership.full_clean()
    membership.save(update_fields=["ended_on"])
