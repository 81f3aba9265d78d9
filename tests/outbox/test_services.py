"""The outbox: scheduled sends, attachments, idempotency keys, area re-checks, the sweeper."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from coproduction.outbox import services
from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def queue(**fields) -> OutboundEmail:
    defaults = {
        "to": "sam@example.org",
        "subject": "Papers for Thursday",
        "body_text": "The papers are attached.",
        "purpose": "test",
    }
    return services.email_queue(**{**defaults, **fields})


def test_an_email_is_sent_once_the_transaction_commits(run_on_commit):
    with run_on_commit():
        email = queue()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.handed_to_worker_at is not None
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]


def test_a_scheduled_email_waits_for_its_time_and_the_sweeper_sends_it(run_on_commit):
    at = timezone.now() + timedelta(hours=2)
    with run_on_commit():
        email = queue(send_after=at)
    assert mail.outbox == []
    assert services.emails_hand_due_to_worker() == 0
    email.send_after = timezone.now() - timedelta(seconds=1)
    email.save()
    assert services.emails_hand_due_to_worker() == 1
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_the_same_idempotency_key_queues_one_email(run_on_commit):
    with run_on_commit():
        first = queue(idempotency_key="papers:meeting-7:person-3:v1")
        second = queue(idempotency_key="papers:meeting-7:person-3:v1", subject="Again")
    assert first.pk == second.pk
    assert OutboundEmail.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_calendar_invite_goes_as_an_attachment(run_on_commit):
    calendar = Calendar()
    calendar.add("prodid", "-//test//")
    calendar.add("version", "2.0")
    invite = services.Attachment("meeting.ics", "text/calendar", calendar.to_ical())
    with run_on_commit():
        queue(attachments=[invite])
    (filename, content, content_type) = mail.outbox[0].attachments[0]
    assert (filename, content_type) == ("meeting.ics", "text/calendar")
    assert Calendar.from_ical(content)["version"] == "2.0"


def test_an_area_email_is_not_sent_to_someone_who_has_left_the_area(area, run_on_commit):
    sam = member(area, Role.PARENT_CARER, email="sam@example.org")
    email = queue(area=area)  # queued, not yet handed over (no commit)
    sam.memberships.all().delete()
    assert services.outbound_email_send(email_id=email.pk) == "cancelled"
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.CANCELLED
    assert mail.outbox == []


def test_an_area_email_reaches_a_current_member(area, run_on_commit):
    member(area, Role.PARENT_CARER, email="sam@example.org")
    with run_on_commit():
        queue(area=area)
    assert len(mail.outbox) == 1


def test_an_email_handed_over_long_ago_but_still_queued_is_handed_over_again():
    email = queue()
    OutboundEmail.objects.filter(pk=email.pk).update(
        handed_to_worker_at=timezone.now() - services.LOST_AFTER - timedelta(minutes=1)
    )
    assert services.emails_hand_due_to_worker() == 1
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    # Sent: the next sweep has nothing to do.
    assert services.emails_hand_due_to_worker() == 0
    assert len(mail.outbox) == 1


def test_a_retried_email_carries_the_same_message_id(settings, run_on_commit):
    settings.SITE_URL = "https://portal.example.org"
    with run_on_commit():
        email = queue()
    sent = mail.outbox[0]
    assert sent.extra_headers["Message-ID"] == f"<outbox-{email.pk}@portal.example.org>"
    assert services.message_id(email) == sent.extra_headers["Message-ID"]
