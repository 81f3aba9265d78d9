"""A real Celery worker killed (SIGKILL) in the middle of sending a meeting's papers, then
restarted: every invitee still gets exactly one email, and one dispatch row per paper version.

The worker is a subprocess on the test database, with a Redis server of its own as broker and
a slow email backend writing to a file (tests/meetings/slow_mail.py), so the test can see the
sends happen and kill the worker between two of them.
"""

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from coproduction.outbox import services as outbox
from coproduction.outbox.models import OutboundEmail
from forums.meetings.models import PaperDispatch
from forums.meetings.tasks import dispatch_papers
from tests.meetings.test_dispatch import due_meeting
from tests.outbox.test_broker_down import PrivateRedis, reset_producer_pool, wait_for

pytestmark = pytest.mark.worker

ROOT = Path(__file__).resolve().parents[2]
INVITEES = 30
PAPERS = 2


def database_url() -> str:
    db = django_settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """`celery worker` as a subprocess, on the test database and the given broker."""

    def __init__(self, broker_url: str, mail_file: Path, media_root: Path):
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": broker_url,
            "REDIS_URL": broker_url,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "EMAIL_BACKEND": "tests.meetings.slow_mail.SlowFileBackend",
            "SLOW_MAIL_FILE": str(mail_file),
            "MEDIA_ROOT": str(media_root),
            "LOG_LEVEL": "WARNING",
        }
        self.process = None

    def start(self):
        celery = Path(sys.executable).with_name("celery")
        self.process = subprocess.Popen(
            [
                str(celery),
                "-A",
                "coproduction",
                "worker",
                "--pool=solo",
                "--concurrency=1",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-l",
                "WARNING",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


@pytest.fixture
def private_broker(settings):
    from coproduction.celery import app

    redis = PrivateRedis()
    redis.start()
    settings.CELERY_BROKER_URL = redis.url
    app.conf.update(task_always_eager=False, broker_url=redis.url)
    reset_producer_pool(app)
    yield redis
    app.conf.update(task_always_eager=True, broker_url=django_settings.CELERY_BROKER_URL)
    reset_producer_pool(app)
    if redis.process.poll() is None:
        redis.process.terminate()
        redis.process.wait(10)


def test_a_worker_killed_mid_batch_and_restarted_sends_each_paper_once(
    transactional_db, area, private_broker, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    meeting, people = due_meeting(area, members=INVITEES, papers=PAPERS)
    mail_file = tmp_path / "delivered.txt"
    worker = Worker(private_broker.url, mail_file, settings.MEDIA_ROOT)
    try:
        worker.start()
        dispatch_papers.delay()  # what beat does every few minutes
        assert wait_for(lambda: len(lines(mail_file)) >= 3, 40), "no papers were sent"
        # Kill while a send is under way: noted as started, not yet delivered.
        assert wait_for(
            lambda: len(lines(Path(f"{mail_file}.started"))) > len(lines(mail_file)), 10
        )
        worker.kill()
        delivered_at_kill = len(lines(mail_file))
        assert delivered_at_kill < INVITEES, "the worker was killed too late to test anything"

        worker.start()
        dispatch_papers.delay()  # the next beat run
        # The email whose send was cut short is still with the dead worker's task: the
        # outbox's sweeper hands it over again once it counts as lost.
        later = timezone.now() + outbox.LOST_AFTER + timedelta(minutes=1)
        wait_for(lambda: OutboundEmail.objects.filter(status="queued").count() <= 1, 40)
        outbox.emails_hand_due_to_worker(now=later)
        assert wait_for(lambda: not OutboundEmail.objects.filter(status="queued").exists(), 40), (
            "some papers were never sent"
        )
    finally:
        worker.stop()

    invitees = sorted(p.email.lower() for p in people)
    delivered = Counter(line.split("\t")[0].lower() for line in lines(mail_file))
    assert sorted(delivered) == invitees
    assert set(delivered.values()) == {1}, f"sent twice: {delivered.most_common(3)}"
    rows = Counter(PaperDispatch.objects.values_list("to", "paper_version_id"))
    assert len(rows) == INVITEES * PAPERS
    assert set(rows.values()) == {1}
    assert OutboundEmail.objects.filter(status="sent").count() == INVITEES
