"""Factories for the initiatives app: options, initiatives, outcomes, opportunities, interest."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from coproduction.people.models import Role, Sector
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
from tests.people.factories import LocalAreaFactory, member


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
    """Interest from a parent carer of the opportunity's area (emails about an area go only
    to its members)."""

    class Meta:
        model = Interest

    opportunity = factory.SubFactory(OpportunityFactory)
    person = factory.LazyAttribute(lambda o: member(o.opportunity.area, Role.PARENT_CARER))
    status = Interest.Status.PENDING
