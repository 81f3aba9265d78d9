"""When an officer answers a family's feedback, the person who sent it gets one email
through the outbox with a link to "What you told us" (families stop taking part when nothing
visibly changes). Young people get short, plain words. One email per response version."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from evaluation.feedback import services
from tests.feedback.factories import FeedbackItemFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def emails_to(person):
    return list(OutboundEmail.objects.filter(to=person.email).order_by("pk"))


def respond(item, officer, **changes):
    fields = {
        "kind": "did",
        "text": "We added short breaks to the Local Offer.",
        "owner": officer,
        "due_on": item.due_on,
        **changes,
    }
    return services.feedback_respond(item=item, by=officer, **fields)


@pytest.fixture
def officer(area):
    return member(area, Role.OFFICER, display_name="Helen Ward")


def test_a_parent_hears_once_that_their_feedback_was_answered(client, area, officer):
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    item = services.feedback_send(
        area=area,
        person=parent,
        text="There is no page on short breaks.",
        topic="local_offer_content",
    )
    client.force_login(officer)
    client.post(
        f"/birmingham/feedback/{item.pk}/respond/",
        {
            "kind": "did",
            "text": "We added a page on short breaks.",
            "owner": officer.pk,
            "due_on_0": item.due_on.day,
            "due_on_1": item.due_on.month,
            "due_on_2": item.due_on.year,
        },
    )
    [email] = emails_to(parent)
    assert email.subject == "We have responded to your feedback to Birmingham"
    assert email.purpose == "feedback answered"
    assert email.idempotency_key.startswith(f"feedback-answered:{item.pk}:")
    assert email.area_id == area.pk
    assert "Hello Sam Okafor" in email.body_text
    assert "There is no page on short breaks." in email.body_text
    assert "We did: We added a page on short breaks." in email.body_text
    assert f"{settings.SITE_URL}/birmingham/feedback/yours/" in email.body_text


def test_saving_the_same_response_again_or_publishing_it_sends_nothing_more(area, officer):
    parent = member(area, Role.PARENT_CARER)
    item = FeedbackItemFactory(area=area, said_by=parent)
    item = respond(item, officer)
    item = respond(item, officer, owner=None)  # only the owner changed
    item.confirmed_text = "A parent said there is no page on short breaks."
    item.save()
    services.feedback_publish(item=item, by=officer)
    assert len(emails_to(parent)) == 1


def test_a_changed_response_is_a_new_email(area, officer):
    parent = member(area, Role.PARENT_CARER)
    item = respond(FeedbackItemFactory(area=area, said_by=parent), officer, kind="doing")
    respond(item, officer, kind="did")
    emails = emails_to(parent)
    assert len(emails) == 2
    assert len({email.idempotency_key for email in emails}) == 2
    assert "We are doing:" in emails[0].body_text
    assert "We did:" in emails[1].body_text


def test_publishing_an_answer_given_before_emails_were_sent_tells_the_family(area, officer):
    parent = member(area, Role.PARENT_CARER)
    item = FeedbackItemFactory(
        area=area,
        said_by=parent,
        response_kind="did",
        response_text="We added the page.",
        confirmed_text="A parent asked for a page.",
    )
    services.feedback_publish(item=item, by=officer)
    [email] = emails_to(parent)
    assert "without your name" in email.body_text


def test_a_young_person_gets_short_plain_words(area, officer):
    young = member(area, Role.YOUNG_PERSON, display_name="Ali")
    item = FeedbackItemFactory(area=area, said_by=young)
    respond(
        item,
        officer,
        kind="will",
        text="We will ask young people to help write the page.",
        will_by=TODAY + timedelta(days=30),
    )
    [email] = emails_to(young)
    assert email.subject == "We have replied to you"
    body = email.body_text
    assert "Hi Ali," in body
    assert "We will do it. We will ask young people to help write the page." in body
    assert "See it here:" in body
    assert "/birmingham/feedback/yours/" in body
    # Short sentences: none longer than 15 words.
    sentences = [s for s in re.split(r"[.:\n]", body) if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 15


def test_nobody_is_emailed_for_items_not_sent_by_a_family_member(area, officer):
    board = member(area, Role.BOARD_MEMBER)
    respond(FeedbackItemFactory(area=area, said_by=board), officer)
    respond(FeedbackItemFactory(area=area, said_by=None), officer)
    assert not OutboundEmail.objects.filter(purpose="feedback answered").exists()


def test_no_email_without_a_response(area, officer):
    parent = member(area, Role.PARENT_CARER)
    respond(FeedbackItemFactory(area=area, said_by=parent), officer, kind="", text="Noted.")
    assert emails_to(parent) == []
