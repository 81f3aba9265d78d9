"""Factories for feedback items: one valid row with sensible defaults, and helpers for the
states an item passes through (answered, confirmed, published)."""

from datetime import timedelta

import factory
from django.utils import timezone

from evaluation.feedback.models import FeedbackItem, Source, Topic
from tests.people.factories import LocalAreaFactory


class FeedbackItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackItem

    area = factory.SubFactory(LocalAreaFactory)
    text = factory.Sequence(lambda n: f"The Local Offer does not list short breaks ({n}).")
    source = Source.LOCAL_OFFER
    topic = Topic.LOCAL_OFFER_CONTENT
    said_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    due_on = factory.LazyAttribute(lambda o: o.said_on + timedelta(weeks=8))


def answered(item, *, kind="did", text="We added short breaks to the Local Offer.", on=None):
    item.response_kind = kind
    item.response_text = text
    item.first_answered_on = on or timezone.localdate()
    item.save()
    return item


def published(item, *, text=None):
    """An answered item with confirmed text, published."""
    if not item.response_kind:
        answered(item)
    item.confirmed_text = text or item.text
    item.confirmed_at = timezone.now()
    item.published_at = timezone.now()
    item.save()
    return item
