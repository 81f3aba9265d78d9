"""The demo data: every role has an account, and loading it twice changes nothing."""

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.core.management import CommandError, call_command

from coproduction.people.models import Person, Role

pytestmark = pytest.mark.django_db

DEMO_EMAILS = {
    "parent@example.org": Role.PARENT_CARER,
    "youngperson@example.org": Role.YOUNG_PERSON,
    "officer@example.org": Role.OFFICER,
    "commissioner@example.org": Role.COMMISSIONER,
    "chair@example.org": Role.OFFICER,
    "board@example.org": Role.BOARD_MEMBER,
    "admin@example.org": Role.AREA_ADMIN,
}


OUR_APPS = {"people", "initiatives", "forums", "evaluation", "account", "mfa"}


def snapshot():
    """Every row of every one of our apps' tables, and allauth's, as comparable values."""
    rows = {}
    for model in apps.get_models():
        if model._meta.app_label in {
            "people",
            "initiatives",
            "forums",
            "evaluation",
            "account",
            "mfa",
        }:
            rows[model._meta.label] = sorted(map(repr, model.objects.values_list()))
    return rows


def test_seed_demo_twice_gives_the_same_rows(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    first = snapshot()
    call_command("seed_demo", verbosity=0)
    assert snapshot() == first
    assert first["people.LocalArea"]


def test_every_demo_account_signs_in_with_the_demo_password(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    for email, role in DEMO_EMAILS.items():
        person = Person.objects.get(email=email)
        assert person.check_password("coproduce-demo-2026")
        assert role in person.area_roles()[person.memberships.get(area__slug="birmingham").area_id]
    officer = Person.objects.get(email="officer@example.org")
    assert {m.area.slug for m in officer.area_memberships()} == {"birmingham", "leeds"}
    admin = Person.objects.get(email="admin@example.org")
    assert Authenticator.objects.filter(user=admin, type=Authenticator.Type.TOTP).exists()


def test_seed_demo_refuses_on_a_live_site_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="live site"):
        call_command("seed_demo", verbosity=0)
    call_command("seed_demo", "--force", verbosity=0)
    assert Person.objects.filter(email="parent@example.org").exists()
