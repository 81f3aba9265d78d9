"""Redis stopped: a person's action still succeeds, and its email is sent once Redis is back.

Uses a Redis server of its own (started and stopped by the test), so stopping it disturbs
no other process on the machine.
"""

import socket
import subprocess
import time

import pytest
from django.core import mail

from coproduction.outbox import services
from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from forums.models import BodyRole, JoinRequest
from tests.forums.factories import BodyFactory, body_member
from tests.people.factories import member

pytestmark = pytest.mark.worker


def wait_for(condition, seconds=15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


class PrivateRedis:
    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        assert wait_for(self._answers, 10), "the test's Redis did not start"

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        assert not self._answers()

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False


@pytest.fixture
def private_redis():
    redis = PrivateRedis()
    redis.start()
    yield redis
    if redis.process and redis.process.poll() is None:
        redis.process.terminate()
        redis.process.wait(10)


def test_asking_to_join_with_redis_down_succeeds_and_the_email_goes_when_it_is_back(
    client, transactional_db, settings, private_redis
):
    from celery.contrib.testing.worker import start_worker

    from coproduction.celery import app

    settings.CELERY_BROKER_URL = private_redis.url
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": private_redis.url},
    }
    app.conf.update(task_always_eager=False, broker_url=private_redis.url)
    reset_producer_pool(app)

    work_stream = BodyFactory(name="Objective 3: Working Together Well", open_to_requests=True)
    body_member(work_stream, Role.OFFICER, role=BodyRole.CHAIR, email="chair@example.org")
    young_person = member(work_stream.area, Role.YOUNG_PERSON, email="ali@example.org")

    private_redis.stop()
    client.force_login(young_person)
    response = client.post(
        f"/{work_stream.area.slug}/governance/{work_stream.pk}/join/",
        {"note": "I want to help."},
    )
    assert response.status_code == 302, "the request must succeed with Redis down"
    assert JoinRequest.objects.filter(person=young_person).exists()
    email = OutboundEmail.objects.get(to="chair@example.org")
    assert (email.status, email.handed_to_worker_at) == (OutboundEmail.Status.QUEUED, None)

    private_redis.start()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        assert services.emails_hand_due_to_worker() == 1  # what beat does every minute
        assert wait_for(lambda: len(mail.outbox) == 1), "the email was not sent"
        assert services.emails_hand_due_to_worker() == 0
        time.sleep(1)
    assert [m.to for m in mail.outbox] == [["chair@example.org"]]
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    app.conf.task_always_eager = True
    reset_producer_pool(app)


def reset_producer_pool(app):
    """Drop pooled broker connections, so the next send connects to the current broker."""
    app._pool = None
    app.amqp._producer_pool = None
