"""Every change to people, areas, memberships, invitations and outgoing email happens here."""

import logging
import secrets
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from coproduction.outbox.services import email_queue_template, emails_cancel_for_area_member
from coproduction.people.models import (
    AreaMembership,
    Invitation,
    LocalArea,
    Person,
    Role,
    Term,
)
from coproduction.registry import registry

logger = logging.getLogger(__name__)


# People ------------------------------------------------------------------------------------


def person_update_profile(
    *, person: Person, display_name: str, phone: str, access_needs: str
) -> Person:
    person.display_name = display_name.strip()
    person.phone = phone.strip()
    person.access_needs = access_needs.strip()
    person.full_clean()
    person.save(update_fields=["display_name", "phone", "access_needs"])
    return person


# Local areas -------------------------------------------------------------------------------


def area_update_settings(
    *,
    area: LocalArea,
    papers_ahead_working_days: int,
    family_share_percent: int,
    group_requests_per_term: int,
    person_requests_per_term: int,
) -> LocalArea:
    area.papers_ahead_working_days = papers_ahead_working_days
    area.family_share_percent = family_share_percent
    area.group_requests_per_term = group_requests_per_term
    area.person_requests_per_term = person_requests_per_term
    area.full_clean()
    area.save(
        update_fields=[
            "papers_ahead_working_days",
            "family_share_percent",
            "group_requests_per_term",
            "person_requests_per_term",
        ]
    )
    return area


def term_save(*, term: Term) -> Term:
    """Create or update a term, refusing one that overlaps another term of the same area."""
    term.full_clean()
    overlapping = (
        Term.objects.filter(
            area_id=term.area_id, starts_on__lte=term.ends_on, ends_on__gte=term.starts_on
        )
        .exclude(pk=term.pk)
        .first()
    )
    if overlapping:
        raise ValidationError(
            {"starts_on": f"These dates overlap {overlapping.name}. Terms cannot overlap."}
        )
    term.save()
    return term


def term_delete(*, term: Term) -> None:
    term.delete()


# Memberships -------------------------------------------------------------------------------


def _clean_roles(roles: Iterable[str]) -> list[str]:
    cleaned = sorted({Role(role).value for role in roles})
    if not cleaned:
        raise ValidationError({"roles": "Choose at least one role."})
    return cleaned


def membership_grant(*, person: Person, area: LocalArea, roles: Iterable[str]) -> AreaMembership:
    """Give a person roles in an area, adding to any roles they already hold there."""
    new_roles = _clean_roles(roles)
    membership, created = AreaMembership.objects.select_for_update().get_or_create(
        person=person, area=area, defaults={"roles": new_roles}
    )
    if not created:
        membership.roles = sorted(set(membership.roles) | set(new_roles))
        membership.save(update_fields=["roles"])
    person.forget_area_roles()
    return membership


def _ensure_an_admin_remains(membership: AreaMembership, new_roles: list[str]) -> None:
    if Role.AREA_ADMIN in membership.roles and Role.AREA_ADMIN not in new_roles:
        others = (
            AreaMembership.objects.filter(
                area_id=membership.area_id, roles__contains=[Role.AREA_ADMIN]
            )
            .exclude(pk=membership.pk)
            .exists()
        )
        if not others:
            raise ValidationError(
                {"roles": "An area needs at least one area administrator. Invite another first."}
            )


@transaction.atomic
def membership_set_roles(*, membership: AreaMembership, roles: Iterable[str]) -> AreaMembership:
    new_roles = _clean_roles(roles)
    membership = AreaMembership.objects.select_for_update().get(pk=membership.pk)
    _ensure_an_admin_remains(membership, new_roles)
    membership.roles = new_roles
    membership.save(update_fields=["roles"])
    return membership


@transaction.atomic
@transaction.atomic
def membership_remove(*, membership: AreaMembership) -> None:
    """End a person's membership of an area, and everything that depended on it.

    Each app's registered hook ends what it holds for the person in that area (seats and
    chairs on bodies, waiting requests, interest ...), and emails about the area still queued
    for them are not sent. Refuses (ValidationError) to remove the area's last administrator.
    """
    membership = AreaMembership.objects.select_for_update().get(pk=membership.pk)
    _ensure_an_admin_remains(membership, [])
    registry.membership_ended(membership)
    emails_cancel_for_area_member(
        email=membership.person.email,
        area=membership.area,
        reason="Not sent: the recipient was removed from the area.",
    )
    membership.delete()


# Invitations -------------------------------------------------------------------------------


def invitation_url(invitation: Invitation) -> str:
    return settings.SITE_URL + reverse("people:invitation_accept", args=[invitation.token])


def invitation_create(
    *, area: LocalArea, email: str, roles: Iterable[str], invited_by: Person
) -> Invitation:
    """Invite someone to an area with roles and email them a link to accept."""
    email = email.strip().lower()
    roles = _clean_roles(roles)
    existing = AreaMembership.objects.filter(area=area, person__email__iexact=email).first()
    if existing and set(roles) <= set(existing.roles):
        raise ValidationError(
            {"email": "This person is already a member of the area with these roles."}
        )
    invitation = Invitation(
        area=area,
        email=email,
        roles=roles,
        invited_by=invited_by,
        token=secrets.token_urlsafe(32),
    )
    invitation.full_clean()
    invitation.save()
    email_queue_template(
        to=email,
        template="people/email/invitation",
        context={"invitation": invitation, "accept_url": invitation_url(invitation)},
        purpose="invitation",
    )
    return invitation


def invitation_cancel(*, invitation: Invitation) -> Invitation:
    if invitation.accepted_at is None and invitation.cancelled_at is None:
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, person: Person) -> AreaMembership:
    """Accept an open invitation as `person`, whose email must be the one invited."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError("This invitation has already been used, was cancelled or expired.")
    if person.email.lower() != invitation.email.lower():
        raise ValidationError(
            f"This invitation was sent to {invitation.email}. "
            "Sign out and use that email address to accept it."
        )
    membership = membership_grant(person=person, area=invitation.area, roles=invitation.roles)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def person_create_from_invitation(
    *, invitation: Invitation, display_name: str, password: str
) -> Person:
    """Create the account of an invited person. Their email is verified by the invitation."""
    if Person.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            "An account with this email address already exists. Sign in to accept the invitation."
        )
    person = Person(email=invitation.email.lower(), display_name=display_name.strip())
    person.set_password(password)
    person.full_clean(exclude=["password"])
    person.save()
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    invitation_accept(invitation=invitation, person=person)
    return person
