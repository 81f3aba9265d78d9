"""The "You said, we did" bench scenario (bench/feedback.py) at a small size: it builds once,
and every page it times answers."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_bench_scenario_builds_once_and_its_pages_answer(monkeypatch):
    import bench.feedback
    import bench.people

    monkeypatch.setattr(bench.people, "AREAS", 2)
    monkeypatch.setattr(bench.people, "MEMBERS_PER_AREA", 6)
    monkeypatch.setattr(bench.feedback, "ITEMS", 40)
    bench.people.build()
    assert "already built" not in bench.feedback.build()
    assert "already built" in bench.feedback.build()
    for name, url, person in bench.feedback.pages():
        client = Client()
        if person is not None:
            client.force_login(person)
        assert client.get(url).status_code == 200, name
