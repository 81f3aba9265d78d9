"""A form sent twice at once (a double click) makes one record: the one-time form token that
GovUKFormMixin adds, claimed by OneTimeFormTokenMiddleware in Redis."""

import re
import threading
import time

import pytest
from django.db import connection
from django.db.models.signals import pre_save
from django.test import Client

from coproduction.people.models import Invitation, Role
from forums.models import BodyRole, JoinRequest
from initiatives.models import Initiative
from tests.forums.factories import BodyFactory, body_member
from tests.initiatives.test_views import REGISTER_URL, valid_form
from tests.people.factories import member

pytestmark = pytest.mark.django_db(transaction=True)


def token_on(page: str) -> str:
    match = re.search(r'name="form_token" value="([^"]+)"', page)
    assert match, "the form carries no one-time token"
    return match.group(1)


def post_twice_at_once(person, url: str, data: dict) -> list:
    """Send the same form from two browser tabs of `person` at the same moment."""
    clients = []
    for _ in range(2):
        client = Client()
        client.force_login(person)
        clients.append(client)
    start = threading.Barrier(2)
    responses = [None, None]

    def send(index):
        try:
            start.wait()
            responses[index] = clients[index].post(url, data)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return responses


@pytest.fixture
def slow_saves():
    """Saving takes a moment, as on a busy server, so the two requests overlap."""

    def pause(sender, **kwargs):
        if sender in (Initiative, JoinRequest, Invitation):
            time.sleep(0.4)

    pre_save.connect(pause, dispatch_uid="slow-saves-for-double-click-tests")
    yield
    pre_save.disconnect(dispatch_uid="slow-saves-for-double-click-tests")


def test_registering_an_initiative_twice_at_once_registers_it_once(client, area, slow_saves):
    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    token = token_on(client.get(REGISTER_URL).content.decode())
    first, second = post_twice_at_once(officer, REGISTER_URL, valid_form(form_token=token))
    assert Initiative.objects.filter(title="Short breaks review").count() == 1
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]


def test_asking_to_join_twice_at_once_asks_once(client, area, slow_saves):
    work_stream = BodyFactory(area=area, name="Objective 1", open_to_requests=True)
    body_member(work_stream, Role.OFFICER, role=BodyRole.CHAIR)
    parent = member(area, Role.PARENT_CARER)
    url = f"/birmingham/governance/{work_stream.pk}/join/"
    client.force_login(parent)
    token = token_on(client.get(url).content.decode())
    responses = post_twice_at_once(parent, url, {"note": "I can help.", "form_token": token})
    assert JoinRequest.objects.filter(body=work_stream, person=parent).count() == 1
    assert [response.status_code for response in responses] == [302, 302]


def test_inviting_someone_twice_at_once_invites_them_once(client, area, slow_saves):
    admin = member(area, Role.AREA_ADMIN)
    url = "/birmingham/people/invite/"
    client.force_login(admin)
    token = token_on(client.get(url).content.decode())
    data = {"email": "new@example.org", "roles": [Role.PARENT_CARER], "form_token": token}
    responses = post_twice_at_once(admin, url, data)
    assert Invitation.objects.filter(email="new@example.org").count() == 1
    assert [response.status_code for response in responses] == [302, 302]


def test_a_form_shown_again_with_errors_keeps_its_token_and_can_be_sent_again(client, area):
    officer = member(area, Role.OFFICER)
    client.force_login(officer)
    token = token_on(client.get(REGISTER_URL).content.decode())
    wrong = client.post(REGISTER_URL, valid_form(title="", form_token=token))
    assert wrong.status_code == 200
    assert token_on(wrong.content.decode()) == token
    corrected = client.post(REGISTER_URL, valid_form(form_token=token))
    assert corrected.status_code == 302
    again = client.post(REGISTER_URL, valid_form(form_token=token))  # the back button, resent
    assert again["Location"] == corrected["Location"]
    assert Initiative.objects.count() == 1


def test_each_new_form_gets_its_own_token(client, area):
    client.force_login(member(area, Role.OFFICER))
    first = token_on(client.get(REGISTER_URL).content.decode())
    second = token_on(client.get(REGISTER_URL).content.decode())
    assert first != second
    client.post(REGISTER_URL, valid_form(form_token=first))
    client.post(REGISTER_URL, valid_form(title="Another review", form_token=second))
    assert Initiative.objects.count() == 2


def test_the_submit_button_ignores_a_second_click(client, area):
    client.force_login(member(area, Role.OFFICER))
    page = client.get(REGISTER_URL).content.decode()
    button = re.search(r'<input type="submit"[^>]*>', page, re.S).group(0)
    assert 'data-prevent-double-click="true"' in button
    assert 'data-module="govuk-button"' in button
