"""Factories for the forums app: groups, bodies, joining, consultation requests, agreements."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from coproduction.people.models import Role
from tests.people.factories import LocalAreaFactory, OrganisationFactory, PersonFactory, member


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
