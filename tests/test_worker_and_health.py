"""The worker path on real Redis, and /healthz."""

import time

import pytest
from django.core import mail
from django.urls import reverse

from coproduction.outbox.models import OutboundEmail

pytestmark = pytest.mark.worker


def wait_for(condition, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_sign_up_email_is_sent_by_a_real_worker(client, celery_worker):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Worker Test",
            "email": "worker@example.org",
            "password1": "a-good-long-password-2026",
            "password2": "a-good-long-password-2026",
        },
    )
    assert response.status_code == 302
    assert wait_for(lambda: len(mail.outbox) == 1), "the worker did not send the email"
    assert mail.outbox[0].to == ["worker@example.org"]
    email = OutboundEmail.objects.get(to="worker@example.org")
    assert email.status == OutboundEmail.Status.SENT
    assert email.attempts == 1


def test_healthz_is_ok_when_database_redis_and_a_worker_answer(client, celery_worker):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "failing": [],
        "database": "ok",
        "redis": "ok",
        "celery": "ok",
        "outbox": "ok",
    }


@pytest.mark.django_db
def test_healthz_names_redis_when_it_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert "redis" in body["failing"]
    assert body["database"] == "ok"
    assert body["redis"].startswith("unreachable")


@pytest.mark.django_db
def test_healthz_says_when_no_worker_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["celery"] == "no worker answered"


@pytest.mark.django_db
def test_healthz_shows_emails_waiting_unsent(client):
    from datetime import timedelta

    from django.utils import timezone

    OutboundEmail.objects.create(
        to="sam@example.org",
        subject="Waiting",
        body_text="...",
        purpose="test",
        send_after=timezone.now() - timedelta(minutes=10),
    )
    body = client.get("/healthz").json()
    assert body["outbox"] == "1 email waiting over 5 minutes"
    assert "outbox" in body["failing"]
