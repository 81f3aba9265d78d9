"""What ends in the forums when a person's membership of a local area ends."""

from django.db import transaction
from django.utils import timezone

from coproduction.people.models import AreaMembership
from forums.models import BodyMembership, GroupMembership, JoinRequest, current_on
from forums.selectors import forget_chaired_bodies


@transaction.atomic
def area_membership_ended(membership: AreaMembership) -> None:
    """End what the person held in the forums of `membership.area` because they belonged to
    it: their places on its boards and work streams (chair, co-chair and lead included) end
    today, they leave its participation groups today, and their requests to join its bodies
    that still wait are withdrawn. Places and group memberships dated to start after today
    never began, so they are deleted rather than kept as history.

    Called (as the "forums" `MembershipEndedHook`, see forums/frame.py) inside the
    transaction of `people.services.membership_remove`, before the area membership row goes.
    Each change is one UPDATE or DELETE, which locks its rows. Safe to repeat: what has ended
    is left alone. Nobody is emailed.
    """
    person, area, today = membership.person, membership.area, timezone.localdate()
    places = BodyMembership.objects.filter(person=person, body__area=area)
    places.filter(started_on__gt=today).delete()
    places.filter(current_on(today)).exclude(ended_on=today).update(ended_on=today)
    forget_chaired_bodies(person)

    groups = GroupMembership.objects.filter(person=person, group__area=area, left_on=None)
    groups.filter(joined_on__gt=today).delete()
    groups.update(left_on=today)

    JoinRequest.objects.filter(
        person=person, body__area=area, status=JoinRequest.Status.PENDING
    ).update(status=JoinRequest.Status.WITHDRAWN, decided_at=timezone.now())
