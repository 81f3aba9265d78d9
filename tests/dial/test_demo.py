"""The demo gives Birmingham two years of dial history that moves both ways, a meeting whose
experienced level shows, one parent@example.org can answer, and the rest of self-evaluation;
officer@example.org can record an assessment. Seeding twice adds nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from coproduction.people.models import Person
from evaluation.dial.models import (
    ActivityDeclaration,
    CharacteristicCheck,
    DialAssessment,
    ExperiencedAnswer,
    MissingStakeholder,
    Stakeholder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)


def test_birmingham_has_two_years_of_history_moving_both_ways(demo, client):
    assessments = DialAssessment.objects.filter(subject__area__slug="birmingham")
    days = [a.assessed_on for a in assessments]
    assert (max(days) - min(days)).days >= 600
    assert assessments.filter(co_produced=False).exists()
    client.force_login(Person.objects.get(email="board@example.org"))
    subject = assessments.filter(subject__name="SEND Assessment and Review Service")[0].subject
    page = client.get(subject.get_absolute_url()).content.decode()
    assert "Moved back from consultation to informing" in page
    assert "Moved up" in page


def test_parent_can_say_how_a_meeting_felt_and_five_answers_show(demo, client):
    declaration = ActivityDeclaration.objects.get(
        meeting__title="Co-production framework: first draft"
    )
    assert ExperiencedAnswer.objects.filter(declaration=declaration).count() >= 5
    client.force_login(Person.objects.get(email="parent@example.org"))
    page = client.get(declaration.get_absolute_url()).content.decode()
    assert "Say how it felt" in page
    assert "What families said" in page
    response = client.post(
        declaration.get_absolute_url() + "answer/",
        {"level": "5", "form_token": "demo-parent-token-1234567890"},
    )
    assert response.status_code == 302


def test_officer_can_record_an_assessment(demo, client):
    client.force_login(Person.objects.get(email="officer@example.org"))
    subject = DialAssessment.objects.filter(subject__area__slug="birmingham").first().subject
    today = timezone.localdate()
    response = client.post(
        subject.get_absolute_url() + "assess/",
        {
            "level": "5",
            "aimed_level": "6",
            "aim_reason": "Ready to design with families.",
            "evidence": "Workshop notes.",
            "assessed_on_0": today.day,
            "assessed_on_1": today.month,
            "assessed_on_2": today.year,
        },
    )
    assert response.status_code == 302


def test_characteristics_and_stakeholders_in_every_area(demo):
    assert CharacteristicCheck.objects.filter(area__slug="birmingham", body=None).count() == 3
    assert CharacteristicCheck.objects.filter(area__slug="birmingham").exclude(body=None).exists()
    assert Stakeholder.objects.filter(area__slug="birmingham").count() >= 5
    assert MissingStakeholder.objects.filter(area__slug="birmingham").exists()
    for slug in ("leeds", "west-sussex"):
        assert DialAssessment.objects.filter(subject__area__slug=slug).exists()
        assert CharacteristicCheck.objects.filter(area__slug=slug).exists()


def test_seeding_twice_adds_nothing(demo):
    counts = [
        model.objects.count()
        for model in (DialAssessment, ActivityDeclaration, ExperiencedAnswer, Stakeholder)
    ]
    call_command("seed_demo", verbosity=0)
    assert counts == [
        model.objects.count()
        for model in (DialAssessment, ActivityDeclaration, ExperiencedAnswer, Stakeholder)
    ]
