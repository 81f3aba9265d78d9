"""Rules of the people app's services: invitations, roles, terms and outgoing email."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduction.outbox import services as outbox_services
from coproduction.outbox.models import OutboundEmail
from coproduction.people import services
from coproduction.people.models import AreaMembership, Role
from tests.people.factories import (
    InvitationFactory,
    LocalAreaFactory,
    PersonFactory,
    TermFactory,
    member,
)

pytestmark = pytest.mark.django_db


def test_invitation_is_emailed_with_a_link_to_accept(area, run_on_commit):
    admin = member(area, Role.AREA_ADMIN)
    with run_on_commit():
        invitation = services.invitation_create(
            area=area, email="New.Person@Example.org", roles=[Role.PARENT_CARER], invited_by=admin
        )
    assert invitation.email == "new.person@example.org"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.org"]
    assert "Birmingham" in message.subject
    assert f"/invitations/{invitation.token}/" in message.body
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENT


def test_invitation_needs_a_role(area):
    admin = member(area, Role.AREA_ADMIN)
    with pytest.raises(ValidationError) as error:
        services.invitation_create(area=area, email="x@example.org", roles=[], invited_by=admin)
    assert "Choose at least one role" in str(error.value)


def test_inviting_a_member_to_roles_they_hold_is_refused(area):
    admin = member(area, Role.AREA_ADMIN)
    officer = member(area, Role.OFFICER)
    with pytest.raises(ValidationError, match="already a member"):
        services.invitation_create(
            area=area, email=officer.email, roles=[Role.OFFICER], invited_by=admin
        )


def test_accepting_adds_roles_to_an_existing_membership(area):
    person = member(area, Role.PARENT_CARER)
    invitation = InvitationFactory(area=area, email=person.email, roles=[Role.BOARD_MEMBER])
    membership = services.invitation_accept(invitation=invitation, person=person)
    assert sorted(membership.roles) == [Role.BOARD_MEMBER, Role.PARENT_CARER]
    invitation.refresh_from_db()
    assert invitation.accepted_by == person


def test_an_invitation_is_used_once(area):
    person = PersonFactory()
    invitation = InvitationFactory(area=area, email=person.email)
    services.invitation_accept(invitation=invitation, person=person)
    with pytest.raises(ValidationError, match="already been used"):
        services.invitation_accept(invitation=invitation, person=person)


def test_an_expired_invitation_cannot_be_accepted(area):
    person = PersonFactory()
    invitation = InvitationFactory(
        area=area, email=person.email, expires_at=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, person=person)
    assert not AreaMembership.objects.filter(person=person).exists()


def test_an_invitation_is_only_for_the_address_it_was_sent_to(area):
    invitation = InvitationFactory(area=area, email="invited@example.org")
    stranger = PersonFactory(email="someone.else@example.org")
    with pytest.raises(ValidationError, match="invited@example.org"):
        services.invitation_accept(invitation=invitation, person=stranger)


def test_the_last_area_administrator_cannot_lose_the_role(area):
    admin = member(area, Role.AREA_ADMIN)
    membership = AreaMembership.objects.get(person=admin)
    with pytest.raises(ValidationError, match="at least one area administrator"):
        services.membership_set_roles(membership=membership, roles=[Role.OFFICER])
    with pytest.raises(ValidationError):
        services.membership_remove(membership=membership)
    member(area, Role.AREA_ADMIN)
    services.membership_set_roles(membership=membership, roles=[Role.OFFICER])
    assert AreaMembership.objects.get(person=admin).roles == [Role.OFFICER]


def test_terms_of_an_area_cannot_overlap(area):
    TermFactory(area=area, name="Autumn", starts_on=date(2026, 9, 2), ends_on=date(2026, 12, 18))
    clash = TermFactory.build(
        area=area, name="Spring", starts_on=date(2026, 12, 1), ends_on=date(2027, 3, 26)
    )
    with pytest.raises(ValidationError, match="overlap Autumn"):
        services.term_save(term=clash)


def test_an_email_is_sent_once_however_often_the_task_runs(db):
    email = OutboundEmail.objects.create(
        to="a@example.org", subject="Hello", body_text="Hi", purpose="test"
    )
    assert outbox_services.outbound_email_send(email_id=email.pk) == "sent"
    assert outbox_services.outbound_email_send(email_id=email.pk) == "already sent"
    assert len(mail.outbox) == 1


def test_a_failed_send_is_recorded_and_retried(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    email = OutboundEmail.objects.create(
        to="a@example.org", subject="Hello", body_text="Hi", purpose="test"
    )
    with pytest.raises(ConnectionRefusedError):
        outbox_services.outbound_email_send(email_id=email.pk)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboundEmail.Status.QUEUED, 1)
    assert "ConnectionRefusedError" in email.last_error
    assert outbox_services.outbound_email_send(email_id=email.pk, final_try=True) == "failed"
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboundEmail.Status.FAILED, 2)


def test_invitation_email_keeps_apostrophes_as_typed(run_on_commit):
    area = LocalAreaFactory(name="Children's Trust Area", slug="childrens-trust")
    admin = member(area, Role.AREA_ADMIN, display_name="Jo O'Neill")
    with run_on_commit():
        services.invitation_create(
            area=area, email="new@example.org", roles=[Role.OFFICER], invited_by=admin
        )
    assert "Children's Trust Area" in mail.outbox[0].subject
    assert "Jo O'Neill" in mail.outbox[0].body
    assert "&#x27;" not in mail.outbox[0].body
