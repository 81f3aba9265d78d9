"""Factories for test data. Each makes a valid row with sensible defaults."""

import secrets
import time
from datetime import date, timedelta
from decimal import Decimal

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
from initiatives.models import (
    CODE_PREFIXES,
    Audience,
    Co,
    Initiative,
    Interest,
    Opportunity,
    Option,
    Outcome,
    Publication,
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


# Initiatives -------------------------------------------------------------------------------


class OptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Option

    area = factory.SubFactory(LocalAreaFactory)
    theme_number = 1
    theme = "Clear leadership around the role of SEND co-production"
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Option {n}")


class InitiativeFactory(factory.django.DjangoModelFactory):
    """A published initiative. Code numbers start at 1000 so they never meet the numbers the
    services give out in the same test; the search vector is left empty (services fill it)."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    area = factory.SubFactory(LocalAreaFactory)
    main_co = Co.CO_DESIGN
    cos = factory.LazyAttribute(lambda o: [o.main_co])
    code_number = factory.Sequence(lambda n: 1000 + n)
    code = factory.LazyAttribute(lambda o: f"{CODE_PREFIXES[o.main_co]}{o.code_number}")
    title = factory.Sequence(lambda n: f"Initiative {n}")
    sectors = factory.LazyFunction(lambda: [Sector.EDUCATION])
    publication = Publication.PUBLISHED

    @factory.post_generation
    def lead_organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.lead_organisations.set(extracted)


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    initiative = factory.SubFactory(InitiativeFactory)
    description = factory.Sequence(lambda n: f"Outcome {n}")
    indicators = "Families' feedback"
    timescale = "By July 2027"
    responsible = "SEND team"


class OpportunityFactory(factory.django.DjangoModelFactory):
    """An open opportunity for parent carers, closing in four weeks."""

    class Meta:
        model = Opportunity

    initiative = factory.SubFactory(InitiativeFactory)
    area = factory.LazyAttribute(lambda o: o.initiative.area)
    title = factory.Sequence(lambda n: f"Opportunity {n}")
    kind = Opportunity.Kind.WORKSHOP
    description = "Come to a workshop."
    audience = Audience.PARENT_CARERS
    time_asked = "Two hours"
    hours_asked = Decimal("2")
    support_offered = factory.LazyFunction(lambda: ["expenses"])
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=28))
    places = None
    opened_by = None


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    opportunity = factory.SubFactory(OpportunityFactory)
    person = factory.SubFactory(PersonFactory)
    status = Interest.Status.PENDING


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
        model = "consultation.ConsultationRequest"

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
