"""Reads of the people app. Each returns rows ready for a page: no further queries per row."""

from django.db.models import QuerySet
from django.utils import timezone

from coproduction.people.models import AreaMembership, Invitation, LocalArea, Organisation, Term


def area_members(*, area: LocalArea) -> QuerySet[AreaMembership]:
    return (
        AreaMembership.objects.filter(area=area)
        .select_related("person", "organisation")
        .order_by("person__display_name", "person__email")
    )


def area_membership_get(*, area: LocalArea, membership_id: int) -> AreaMembership | None:
    return (
        AreaMembership.objects.filter(area=area, pk=membership_id)
        .select_related("person", "organisation")
        .first()
    )


def area_open_invitations(*, area: LocalArea) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        area=area, accepted_at=None, cancelled_at=None, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def area_organisations(*, area: LocalArea) -> QuerySet[Organisation]:
    return Organisation.objects.filter(area=area).order_by("name")


def area_terms(*, area: LocalArea) -> QuerySet[Term]:
    return Term.objects.filter(area=area).order_by("starts_on")


def invitation_by_token(*, token: str) -> Invitation | None:
    return Invitation.objects.filter(token=token).select_related("area", "invited_by").first()


def open_invitations_for_email(*, email: str) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        email__iexact=email, accepted_at=None, cancelled_at=None, expires_at__gt=timezone.now()
    ).select_related("area", "invited_by")
