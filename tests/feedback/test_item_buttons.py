"""The item page's buttons (publish, take it off the published pages, put it back) post the
form the browser would send: to the form's own action, never to the item page itself (which
only shows the item and answered 405 to a post). Each test reads the rendered page's form."""

import pytest

from coproduction.people.models import Role
from evaluation.feedback import services
from tests.feedback.factories import FeedbackItemFactory, answered, published
from tests.html_forms import page_forms, submit
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def confirmed(item):
    answered(item)
    item.confirmed_text = "A parent said the list of short breaks is out of date."
    item.save()
    return item


def open_item(client, item):
    url = f"/birmingham/feedback/{item.pk}/"
    return url, client.get(url)


def test_the_publish_button_publishes_the_item(client, area):
    item = confirmed(FeedbackItemFactory(area=area))
    client.force_login(member(area, Role.OFFICER))
    url, page = open_item(client, item)
    response = submit(client, url, page, "Publish")
    assert response.status_code == 200
    assert "The item is published" in response.content.decode()
    item.refresh_from_db()
    assert item.published_at is not None


def test_the_take_down_button_takes_the_item_off_the_published_pages(client, area):
    item = published(FeedbackItemFactory(area=area))
    client.force_login(member(area, Role.OFFICER))
    url, page = open_item(client, item)
    response = submit(client, url, page, "Take it off the published pages")
    assert response.status_code == 200
    assert "no longer on the" in response.content.decode()
    item.refresh_from_db()
    assert item.published_at is None


def test_the_put_back_button_puts_a_left_out_item_back(client, area):
    officer = member(area, Role.OFFICER)
    item = FeedbackItemFactory(area=area)
    services.feedback_leave_out(item=item, by=officer, reason="vexatious")
    client.force_login(officer)
    url, page = open_item(client, item)
    response = submit(client, url, page, "Put it back for publication")
    assert response.status_code == 200
    assert "The item can be published again." in response.content.decode()
    item.refresh_from_db()
    assert item.leave_out_reason == ""


@pytest.mark.parametrize("state", ["new", "confirmed", "published", "left_out"])
def test_the_item_page_never_nests_forms_nor_posts_to_itself(client, area, state):
    officer = member(area, Role.OFFICER)
    item = FeedbackItemFactory(area=area)
    if state == "confirmed":
        confirmed(item)
    elif state == "published":
        published(item)
    elif state == "left_out":
        services.feedback_leave_out(item=item, by=officer, reason="vexatious")
    client.force_login(officer)
    url, page = open_item(client, item)
    forms, nested = page_forms(page.content.decode())
    assert nested == 0
    posting = [form for form in forms if form.method == "post"]
    assert posting
    for form in posting:
        assert form.action
        assert form.action != url
        assert client.post(form.action, form.fields).status_code != 405
