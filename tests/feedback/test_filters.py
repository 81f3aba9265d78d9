"""Filters read from the address: a value that is not on the list (typed by hand, or kept
from an old link) is shown as an error at its field, as the board dashboard does; never a
500, never silently ignored (which would show everything as if it were the filtered list)."""

import re

import pytest

from coproduction.people.models import Role
from evaluation.feedback import services
from evaluation.feedback.models import Visibility
from tests.feedback.factories import FeedbackItemFactory, published
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_public_page_shows_bad_filters_at_their_fields(client, area):
    # The tester's case: ?topic=bad&period=1999 on the public page.
    services.feedback_settings_update(area=area, visibility=Visibility.PUBLIC)
    published(FeedbackItemFactory(area=area, text="Hard to read on a phone."))
    response = client.get("/birmingham/you-said-we-did/?topic=bad&period=1999")
    assert response.status_code == 200
    text = page_text(response)
    assert "There is a problem" in text
    assert '<p id="id_topic-error" class="govuk-error-message">' in text
    assert "Choose a topic from the list" in text
    assert '<p id="id_period-error" class="govuk-error-message">' in text
    assert "Choose a school year from the list" in text
    assert "<title>Error: " in text
    assert "Hard to read on a phone." not in text  # not passed off as the filtered list


def test_one_bad_filter_is_named_and_the_good_one_is_not(client, area):
    services.feedback_settings_update(area=area, visibility=Visibility.PUBLIC)
    text = page_text(client.get("/birmingham/you-said-we-did/?topic=accessibility&period=1999"))
    assert "Choose a school year from the list" in text
    assert "Choose a topic from the list" not in text


def test_good_filters_show_no_error(client, area):
    services.feedback_settings_update(area=area, visibility=Visibility.PUBLIC)
    published(FeedbackItemFactory(area=area, topic="accessibility", text="Hard to read."))
    text = page_text(client.get("/birmingham/you-said-we-did/?topic=accessibility"))
    assert "There is a problem" not in text
    assert "Hard to read." in text


def test_the_officers_list_shows_bad_filters_at_their_fields(client, area):
    FeedbackItemFactory(area=area, text="Waiting for an answer.")
    client.force_login(member(area, Role.OFFICER))
    response = client.get("/birmingham/feedback/?show=everything&topic=bad")
    assert response.status_code == 200
    text = page_text(response)
    assert "Choose what to show from the list" in text
    assert "Choose a topic from the list" in text
    assert "Waiting for an answer." not in text
