"""Factories for test data. Each makes a valid row with sensible defaults."""

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


# Forums -------------------------------------------------------------------------------------


class ParticipationGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.ParticipationGroup"

    area = factory.SubFactory(LocalAreaFactory)
    name = factory.Sequence(lambda n: f"Group {n}")
    kind = "parent_carer_forum"
    description = "Parents and carers of children with SEND."
    how_to_contact = "forum@example.org"


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.GroupMembership"

    group = factory.SubFactory(ParticipationGroupFactory)
    person = factory.SubFactory(PersonFactory)
    role = "member"


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.Body"

    area = factory.SubFactory(LocalAreaFactory)
    name = factory.Sequence(lambda n: f"Work stream {n}")
    kind = "work_stream"
    level = "operational"
    purpose = "Improve support for families."
    status = "active"


class BodyMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.BodyMembership"

    body = factory.SubFactory(BodyFactory)
    person = factory.SubFactory(PersonFactory)
    role = "member"
    started_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.JoinRequest"

    body = factory.SubFactory(BodyFactory, open_to_requests=True)
    person = factory.SubFactory(PersonFactory)
    note = "I would like to take part."


class ConsultationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.ConsultationRequest"

    area = factory.SubFactory(LocalAreaFactory)
    kind = "survey"
    title = factory.Sequence(lambda n: f"Survey {n}")
    asked_on = date(2026, 10, 1)
    hours_asked = 1


class PartnershipAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.PartnershipAgreement"

    area = factory.SubFactory(LocalAreaFactory)
    title = factory.Sequence(lambda n: f"Partnership agreement {n}")
    starts_on = date(2026, 4, 1)
    review_on = date(2027, 4, 1)


class EqualityRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.EqualityRecord"

    person = factory.SubFactory(PersonFactory)
    age_band = "35_44"
    ethnicity = "white"
    disability = "no"
    carer = "yes"
    main_language = "english"


def body_member(body, *roles: str, role: str = "member", sector: str = "", **person_fields):
    """A person of the body's area with area `roles` who sits on `body` in `role`."""
    person = member(body.area, *roles, **person_fields)
    BodyMembershipFactory(body=body, person=person, role=role, represents_sector=sector)
    return person


def agreement_with_parts(area, parts: int):
    """A draft agreement with `parts` parties, signatories, payments, schedule items and
    outcomes."""
    from forums.models import AgreementOutcome, AgreementPayment, AgreementScheduleItem

    agreement = PartnershipAgreementFactory(area=area)
    agreement.parties.set(OrganisationFactory.create_batch(parts, area=area))
    agreement.signatories.set([member(area, Role.OFFICER) for _ in range(parts)])
    for index in range(parts):
        AgreementPayment.objects.create(
            agreement=agreement, kind="expenses", description=f"Payment {index}", unit="at_cost"
        )
        AgreementScheduleItem.objects.create(
            agreement=agreement,
            kind="meeting",
            title=f"Meeting {index}",
            planned_on=date(2026, 6, 1),
        )
        AgreementOutcome.objects.create(agreement=agreement, outcome=f"Outcome {index}")
    return agreement
