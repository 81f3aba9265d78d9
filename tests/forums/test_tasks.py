"""The daily review reminder task: scheduled by a migration, safe to run twice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from coproduction.people.models import Role
from forums.models import AgreementReviewReminder, PartnershipAgreement
from forums.tasks import send_agreement_review_reminders
from tests.forums.factories import PartnershipAgreementFactory
from tests.people.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db


def test_the_reminder_task_is_scheduled_every_day():
    task = PeriodicTask.objects.get(name="Partnership agreement review reminders")
    assert task.task == "forums.send_agreement_review_reminders"
    assert (task.crontab.hour, task.crontab.minute, str(task.crontab.timezone)) == (
        "7",
        "0",
        "Europe/London",
    )
    assert task.enabled


def test_running_the_task_twice_sends_each_reminder_once(area, run_on_commit):
    today = timezone.localdate()
    agreement = PartnershipAgreementFactory(
        area=area,
        status=PartnershipAgreement.Status.SIGNED,
        signed_on=today - timedelta(days=300),
        starts_on=today - timedelta(days=335),
        review_on=today,
    )
    agreement.parties.add(OrganisationFactory(area=area))
    agreement.signatories.add(
        member(area, Role.OFFICER, email="council@example.org"),
        member(area, Role.PARENT_CARER, email="forum@example.org"),
    )
    with run_on_commit():
        assert send_agreement_review_reminders.delay().get() == 2
        assert send_agreement_review_reminders.delay().get() == 0
    assert sorted(message.to[0] for message in mail.outbox) == [
        "council@example.org",
        "forum@example.org",
    ]
    assert AgreementReviewReminder.objects.filter(kind="on_the_day").count() == 2


def test_drafts_and_replaced_versions_get_no_reminders(area):
    today = timezone.localdate()
    for status in [PartnershipAgreement.Status.DRAFT, PartnershipAgreement.Status.SUPERSEDED]:
        agreement = PartnershipAgreementFactory(
            area=area,
            status=status,
            signed_on=today - timedelta(days=300),
            starts_on=today - timedelta(days=335),
            review_on=today,
        )
        agreement.signatories.add(member(area, Role.OFFICER))
    assert send_agreement_review_reminders.delay().get() == 0
