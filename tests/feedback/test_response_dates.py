"""The dates of a response are checked at their field: "we will do it by" cannot be before
the day the item was said, nor (when it is set now) before today; a due date cannot be
before the day said, nor moved into the past."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from tests.feedback.factories import FeedbackItemFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def respond(client, item, officer, *, will_by=None, due_on=None, kind="will"):
    due_on = due_on or item.due_on
    data = {
        "kind": kind,
        "text": "We will add short breaks to the Local Offer.",
        "owner": officer.pk,
        "due_on_0": due_on.day,
        "due_on_1": due_on.month,
        "due_on_2": due_on.year,
    }
    if will_by:
        data.update(will_by_0=will_by.day, will_by_1=will_by.month, will_by_2=will_by.year)
    return client.post(f"/birmingham/feedback/{item.pk}/respond/", data)


def field_error(response, name) -> str:
    form = response.context["form"]
    return " ".join(form.errors.get(name, []))


def test_we_will_by_a_date_before_the_item_was_said_is_refused_at_the_field(client, area):
    # The tester's case: said today, "we will" by 1 January 2020.
    officer = member(area, Role.OFFICER)
    item = FeedbackItemFactory(area=area, said_on=TODAY)
    client.force_login(officer)
    response = respond(client, item, officer, will_by=date(2020, 1, 1))
    assert response.status_code == 200
    assert "must be on or after the day it was said" in field_error(response, "will_by")
    assert "We will add short breaks to the Local Offer." in page_text(response)
    item.refresh_from_db()
    assert item.response_kind == ""


def test_we_will_by_a_date_already_past_is_refused_when_set_now(client, area):
    officer = member(area, Role.OFFICER)
    item = FeedbackItemFactory(area=area, said_on=TODAY - timedelta(days=60))
    client.force_login(officer)
    response = respond(client, item, officer, will_by=TODAY - timedelta(days=1))
    assert response.status_code == 200
    assert "must be today or in the future" in field_error(response, "will_by")


def test_we_will_by_a_future_date_is_saved(client, area):
    officer = member(area, Role.OFFICER)
    item = FeedbackItemFactory(area=area, said_on=TODAY)
    client.force_login(officer)
    response = respond(client, item, officer, will_by=TODAY + timedelta(days=30))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.will_by == TODAY + timedelta(days=30)


def test_a_promise_made_earlier_that_has_passed_can_be_kept_while_editing(client, area):
    officer = member(area, Role.OFFICER)
    item = FeedbackItemFactory(
        area=area,
        said_on=TODAY - timedelta(days=90),
        response_kind="will",
        response_text="We will.",
        will_by=TODAY - timedelta(days=5),
    )
    client.force_login(officer)
    response = respond(client, item, officer, will_by=item.will_by)
    assert response.status_code == 302


def test_moving_the_due_date_into_the_past_is_refused_at_the_field(client, area):
    officer = member(area, Role.OFFICER)
    item = FeedbackItemFactory(area=area, said_on=TODAY - timedelta(days=30))
    client.force_login(officer)
    response = respond(client, item, officer, kind="doing", due_on=TODAY - timedelta(days=2))
    assert response.status_code == 200
    assert "A new due date must be today or in the future." in field_error(response, "due_on")
