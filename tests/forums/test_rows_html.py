"""The governance tree and representation table build their rows in Python (forums/html.py,
for speed): what people type still reaches the page escaped, never as markup."""

import pytest

from coproduction.people.models import Role
from forums.models import BodyRole
from tests.forums.factories import BodyFactory, body_member
from tests.people.factories import member

pytestmark = pytest.mark.django_db

NAME = '<script>alert("x")</script> & Co'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"


def test_body_and_leader_names_are_escaped_in_the_governance_tree(client, area):
    body = BodyFactory(area=area, name=NAME)
    leader = body_member(body, Role.OFFICER, role=BodyRole.CHAIR)
    leader.display_name = NAME
    leader.save()
    client.force_login(member(area, Role.OFFICER))
    html = client.get("/birmingham/governance/").content.decode()
    assert "<script>" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert html.count(ESCAPED) == 2


def test_body_names_are_escaped_in_the_representation_table(client, area):
    BodyFactory(area=area, name=NAME)
    client.force_login(member(area, Role.OFFICER))
    html = client.get("/birmingham/governance/representation/").content.decode()
    assert ESCAPED in html
    assert '<script>alert("x")' not in html
