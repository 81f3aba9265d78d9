"""Papers dispatch: exactly once per recipient and paper version (run twice, two threads at
once, a worker dying mid-batch, a real worker through Redis), updated papers in one email,
the .ics read back, reminders, and moved or cancelled notices."""

import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from icalendar import Calendar

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from forums.meetings.models import (
    MeetingEmail,
    MeetingEmailKind,
    MeetingPreferences,
    PaperDispatch,
)
from forums.meetings.services import dispatch, meetings
from forums.meetings.services.papers import paper_replace
from tests.forums.factories import BodyFactory, body_member
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, paper, pdf_upload


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def due_meeting(area, members=3, papers=2, days_ahead=2):
    """A meeting whose papers are due now (its area sends them 5 working days ahead)."""
    body = BodyFactory(area=area)
    people = [body_member(body, Role.PARENT_CARER) for _ in range(members)]
    start = (timezone.now() + timedelta(days=days_ahead)).replace(second=0, microsecond=0)
    meeting = MeetingFactory(body=body, starts_at=start, ends_at=start + timedelta(hours=2))
    item = AgendaItemFactory(meeting=meeting, title="Short breaks")
    for n in range(papers):
        paper(item, title=f"Paper {n}")
    return meeting, people


def papers_emails():
    return OutboundEmail.objects.filter(purpose__startswith="meeting papers")


@pytest.mark.django_db
def test_papers_go_once_to_each_invitee_however_often_the_task_runs(area):
    meeting, people = due_meeting(area)
    assert dispatch.papers_dispatch_due() == 3
    assert dispatch.papers_dispatch_due() == 0
    assert sorted(papers_emails().values_list("to", flat=True)) == sorted(p.email for p in people)
    assert PaperDispatch.objects.count() == 3 * 2
    email = papers_emails().first()
    assert "Paper 0" in email.body_text
    assert "How the money is spent." in email.body_text
    assert email.attachments.get().filename == "meeting.ics"


@pytest.mark.django_db
def test_papers_not_yet_due_wait(area):
    due_meeting(area, days_ahead=30)
    assert dispatch.papers_dispatch_due() == 0


@pytest.mark.django_db
def test_the_invite_reads_back_with_london_times_and_the_meeting_uid(area):
    meeting, _ = due_meeting(area, members=1, papers=0)
    dispatch.papers_dispatch_due()
    calendar = Calendar.from_ical(papers_emails().get().attachments.get().read())
    event = calendar.walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/London"
    assert start == timezone.localtime(meeting.starts_at)
    assert start.hour == timezone.localtime(meeting.starts_at).hour
    assert str(event["uid"]) == meeting.ical_uid
    assert calendar["method"] == "REQUEST"


@pytest.mark.django_db
def test_changes_after_sending_go_as_one_updated_papers_email_per_recipient(area):
    meeting, people = due_meeting(area, members=2, papers=2)
    dispatch.papers_dispatch_due()
    first = meeting.agenda_items.get().papers.order_by("pk").first()
    paper_replace(paper=first, by=None, upload=pdf_upload(text="v2"))
    paper(meeting.agenda_items.get(), title="Late addition")
    assert dispatch.papers_dispatch_due() == 2
    assert dispatch.papers_dispatch_due() == 0
    updated = OutboundEmail.objects.filter(purpose="meeting updated papers")
    assert sorted(updated.values_list("to", flat=True)) == sorted(p.email for p in people)
    body = updated.first().body_text
    assert "Paper 0, version 2 (replaces version 1)" in body
    assert "Late addition, version 1 (new)" in body
    assert "LATE" in body


@pytest.mark.django_db
def test_a_worker_dying_mid_batch_leaves_nothing_half_done(area, monkeypatch):
    due_meeting(area, members=4)
    real = dispatch.email_queue_template
    calls = {"n": 0}

    def dies_on_third(**kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise SystemExit("worker killed")
        return real(**kwargs)

    monkeypatch.setattr(dispatch, "email_queue_template", dies_on_third)
    with pytest.raises(SystemExit):
        dispatch.papers_dispatch_due()
    assert not papers_emails().exists()
    assert not PaperDispatch.objects.exists()
    monkeypatch.setattr(dispatch, "email_queue_template", real)
    assert dispatch.papers_dispatch_due() == 4
    assert Counter(papers_emails().values_list("to", flat=True)).most_common(1)[0][1] == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_paper_once(area):
    for _ in range(3):
        due_meeting(area, members=4, papers=2)
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            dispatch.papers_dispatch_due()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    dispatch.papers_dispatch_due()  # a meeting skipped while locked is done now, once
    assert papers_emails().count() == 12
    pairs = Counter(PaperDispatch.objects.values_list("to", "paper_version_id"))
    assert len(pairs) == 12 * 2
    assert set(pairs.values()) == {1}


def test_the_beat_task_through_a_real_worker_sends_each_invitee_once(celery_worker, area):
    from forums.meetings.tasks import dispatch_papers

    meeting, people = due_meeting(area, members=2, papers=1)
    dispatch_papers.apply_async()
    dispatch_papers.apply_async()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(mail.outbox) < 2:
        time.sleep(0.1)
    time.sleep(1)  # give a duplicate the chance to appear
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert mail.outbox[0].attachments[0][0] == "meeting.ics"


@pytest.mark.django_db
def test_the_beat_schedule_exists():
    task = PeriodicTask.objects.get(task="meetings.dispatch_papers")
    assert (task.interval.every, task.interval.period) == (5, "minutes")


@pytest.mark.django_db
def test_reminder_the_day_before_once_and_not_to_those_who_turned_them_off(area):
    body = BodyFactory(area=area)
    keen, quiet = body_member(body, Role.OFFICER), body_member(body, Role.OFFICER)
    MeetingPreferences.objects.create(person=quiet, reminders=False)
    tomorrow = timezone.localtime() + timedelta(days=1)
    MeetingFactory(body=body, starts_at=tomorrow, ends_at=tomorrow + timedelta(hours=1))
    assert dispatch.meeting_reminders_send() == 1
    assert dispatch.meeting_reminders_send() == 0
    assert list(
        OutboundEmail.objects.filter(purpose="meeting reminder").values_list("to", flat=True)
    ) == [keen.email]


@pytest.mark.django_db
def test_moving_then_cancelling_emails_everyone_once_each_with_same_uid_higher_sequence(area):
    body = BodyFactory(area=area)
    chair = body_member(body, Role.OFFICER, role="chair")
    member = body_member(body, Role.OFFICER)
    meeting = MeetingFactory(body=body)
    later = meeting.starts_at + timedelta(days=1)
    meetings.meeting_move(
        meeting=meeting,
        by=chair,
        starts_at=later,
        ends_at=later + timedelta(hours=1),
        mode="in_person",
        venue=meeting.venue,
    )
    meetings.meeting_cancel(meeting=meeting, by=chair)
    meetings.meeting_cancel(meeting=meeting, by=chair)
    logged = MeetingEmail.objects.filter(to=member.email).order_by("pk")
    assert [e.kind for e in logged] == [MeetingEmailKind.MOVED, MeetingEmailKind.CANCELLED]
    invites = [Calendar.from_ical(e.email.attachments.get().read()) for e in logged]
    events = [c.walk("VEVENT")[0] for c in invites]
    assert {str(e["uid"]) for e in events} == {meeting.ical_uid}
    assert [int(e["sequence"]) for e in events] == [1, 2]
    assert [str(c["method"]) for c in invites] == ["REQUEST", "CANCEL"]
    assert str(events[1]["status"]) == "CANCELLED"
