"""Factories for the consultation app's models."""

from datetime import date

import factory

from tests.people.factories import LocalAreaFactory


class ConsultationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consultation.ConsultationRequest"

    area = factory.SubFactory(LocalAreaFactory)
    kind = "survey"
    title = factory.Sequence(lambda n: f"Survey {n}")
    asked_on = date(2026, 10, 1)
    hours_asked = 1
