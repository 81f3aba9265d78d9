"""The area overview lists the feedback pages a person can use: "What you told us" and
"Tell us what you think" only for parent carers and young people (the only people who send
feedback), "Feedback to answer" only for the people who answer it."""

import pytest

from coproduction.people.models import Role
from tests.people.factories import member

pytestmark = pytest.mark.django_db

YOURS = 'href="/birmingham/feedback/yours/"'
SEND = 'href="/birmingham/feedback/send/"'
ANSWER = 'href="/birmingham/feedback/"'


@pytest.mark.parametrize("role", [Role.PARENT_CARER, Role.YOUNG_PERSON])
def test_families_see_what_they_told_us_and_where_to_send_feedback(client, area, role):
    client.force_login(member(area, role))
    page = client.get("/birmingham/").content.decode()
    assert YOURS in page
    assert SEND in page
    assert ANSWER not in page
    assert client.get("/birmingham/feedback/yours/").status_code == 200


@pytest.mark.parametrize(
    "role", [Role.BOARD_MEMBER, Role.OFFICER, Role.COMMISSIONER, Role.AREA_ADMIN]
)
def test_people_who_do_not_send_feedback_are_not_offered_its_pages(client, area, role):
    client.force_login(member(area, role))
    page = client.get("/birmingham/").content.decode()
    assert YOURS not in page
    assert SEND not in page
    assert client.get("/birmingham/feedback/yours/").status_code == 403


def test_officers_see_the_feedback_to_answer(client, area):
    client.force_login(member(area, Role.OFFICER))
    assert ANSWER in client.get("/birmingham/").content.decode()
