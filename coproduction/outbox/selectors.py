"""Reads of the outbox: what is due, what is waiting, whether a recipient still belongs."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from coproduction.outbox.models import OutboundEmail


def email_ids_due(*, now: datetime, lost_after: timedelta) -> QuerySet:
    """Ids of queued emails that are due and not with a worker, oldest due first."""
    return (
        OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED, send_after__lte=now)
        .filter(Q(handed_to_worker_at__isnull=True) | Q(handed_to_worker_at__lt=now - lost_after))
        .order_by("send_after", "pk")
        .values_list("pk", flat=True)
    )


def email_backlog(*, now: datetime, older_than: timedelta = timedelta(minutes=5)) -> int:
    """How many due emails have waited longer than `older_than` without being sent: for
    /healthz (a growing number means the broker or the workers are down)."""
    return OutboundEmail.objects.filter(
        status=OutboundEmail.Status.QUEUED, send_after__lte=now - older_than
    ).count()


def recipient_belongs_to_area(*, email: OutboundEmail) -> bool:
    """True when the email is tied to no area, or its address is a current member's of it."""
    if email.area_id is None:
        return True
    return (
        get_user_model()
        .objects.filter(email__iexact=email.to, memberships__area_id=email.area_id)
        .exists()
    )
