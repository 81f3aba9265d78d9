"""Factories for people, organisations, local areas and terms. Each makes a valid row with
sensible defaults."""

import secrets
import time
from datetime import date, timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from coproduction.people.models import (
    AreaMembership,
    Invitation,
    LocalArea,
    Organisation,
    Person,
    Role,
    Sector,
    Term,
)

TEST_PASSWORD = "a-long-test-password-2026"


class LocalAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalArea
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    area = factory.SubFactory(LocalAreaFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = Sector.EDUCATION


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    area = factory.SubFactory(LocalAreaFactory)
    name = factory.Sequence(lambda n: f"Term {n}")
    starts_on = date(2026, 9, 2)
    ends_on = date(2026, 12, 18)


class PersonFactory(factory.django.DjangoModelFactory):
    """A person who can sign in: password TEST_PASSWORD, email confirmed."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def confirmed_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class AreaMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaMembership

    person = factory.SubFactory(PersonFactory)
    area = factory.SubFactory(LocalAreaFactory)
    roles = factory.LazyFunction(lambda: [Role.OFFICER])


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    area = factory.SubFactory(LocalAreaFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    roles = factory.LazyFunction(lambda: [Role.PARENT_CARER])
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    invited_by = None
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


def member(area: LocalArea, *roles: str, **person_fields) -> Person:
    """A person who belongs to `area` with `roles` (two-factor set up for administrators)."""
    person = PersonFactory(**person_fields)
    AreaMembershipFactory(person=person, area=area, roles=list(roles))
    if Role.AREA_ADMIN in roles:
        give_totp(person)
    return person


TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105


def give_totp(person: Person) -> None:
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(person, TEST_TOTP_SECRET)


def totp_code(secret: str = TEST_TOTP_SECRET) -> str:
    """The code an authenticator app shows right now for `secret`."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
