"""Overdue responses and the weekly digest to owners: once a week per person, never twice."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from evaluation.feedback import selectors
from evaluation.feedback.services import digest
from evaluation.feedback.tasks import send_overdue_digest
from tests.feedback.factories import FeedbackItemFactory, answered
from tests.people.factories import member

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 30)


@pytest.fixture
def owner(area):
    return member(area, Role.OFFICER, display_name="Helen Ward")


def overdue_item(area, owner, **fields):
    values = {"said_on": MONDAY - timedelta(weeks=10), "due_on": MONDAY - timedelta(weeks=2)}
    values.update(fields)
    return FeedbackItemFactory(area=area, owner=owner, **values)


def test_an_unanswered_item_past_its_due_date_is_overdue(area, owner):
    late = overdue_item(area, owner)
    answered(overdue_item(area, owner))
    FeedbackItemFactory(area=area, owner=owner, said_on=MONDAY, due_on=MONDAY + timedelta(weeks=8))
    assert list(selectors.owner_overdue(person=owner, area=area, today=MONDAY)) == [late]
    assert late.is_overdue(MONDAY)
    assert not late.is_overdue(late.due_on)  # due today is not overdue yet


def test_the_digest_goes_once_a_week_per_person_however_often_it_runs(area, owner, run_on_commit):
    overdue_item(area, owner, text="The Local Offer search does not work on phones.")
    overdue_item(area, owner)
    with run_on_commit():
        assert digest.overdue_digest_send(today=MONDAY) == 1
        assert digest.overdue_digest_send(today=MONDAY) == 0
        assert digest.overdue_digest_send(today=MONDAY + timedelta(days=4)) == 0  # same week
    emails = OutboundEmail.objects.filter(to=owner.email)
    assert emails.count() == 1
    email = emails.get()
    assert email.idempotency_key == f"feedback-overdue-digest:{owner.pk}:2026-W49"
    assert "2 overdue" in email.subject
    assert "The Local Offer search does not work on phones." in email.body_text
    assert len(mail.outbox) == 1  # the worker (eager here) sent it once


def test_next_week_brings_a_new_digest(area, owner):
    overdue_item(area, owner)
    digest.overdue_digest_send(today=MONDAY)
    digest.overdue_digest_send(today=MONDAY + timedelta(weeks=1))
    assert OutboundEmail.objects.filter(to=owner.email).count() == 2


def test_each_owner_gets_their_own_and_owners_with_nothing_overdue_get_none(area, owner):
    other = member(area, Role.COMMISSIONER)
    nothing_due = member(area, Role.OFFICER)
    overdue_item(area, owner)
    overdue_item(area, other)
    answered(overdue_item(area, nothing_due))
    assert digest.overdue_digest_send(today=MONDAY) == 2
    assert set(OutboundEmail.objects.values_list("to", flat=True)) == {owner.email, other.email}


def test_the_task_runs_the_digest_and_is_safe_to_run_twice(area, owner):
    overdue_item(
        area,
        owner,
        due_on=timezone.localdate() - timedelta(days=1),
        said_on=timezone.localdate() - timedelta(weeks=9),
    )
    assert send_overdue_digest.delay().get() == 1
    assert send_overdue_digest.delay().get() == 0
    assert OutboundEmail.objects.filter(to=owner.email).count() == 1


def test_the_weekly_schedule_is_installed():
    task = PeriodicTask.objects.get(task="feedback.send_overdue_digest")
    assert task.crontab.day_of_week == "1"
    assert task.enabled
