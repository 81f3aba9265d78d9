"""What ends in the initiatives app when a person's membership of a local area ends."""

from django.utils import timezone

from coproduction.people.models import AreaMembership
from initiatives.models import Interest


def area_membership_ended(membership: AreaMembership) -> None:
    """Withdraw the person's interest still waiting for an answer in `membership.area`'s
    opportunities, so no officer is asked to answer someone who has left the area.

    Called (as the "initiatives" `MembershipEndedHook`, see initiatives/frame.py) inside the
    transaction of `people.services.membership_remove`. One UPDATE, which locks its rows;
    safe to repeat. Interest already answered is kept as it is (history), and nobody is
    emailed.
    """
    now = timezone.now()
    Interest.objects.filter(
        person_id=membership.person_id,
        opportunity__area_id=membership.area_id,
        status=Interest.Status.PENDING,
    ).update(status=Interest.Status.WITHDRAWN, updated_at=now)
