"""Moving ConsultationRequest from forums to the shared consultation app keeps every row."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("forums", "0002_agreement_review_reminders_schedule"), ("consultation", None)]
AFTER = [("forums", "0003_delete_consultationrequest"), ("consultation", "0001_initial")]


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1]]).apps


@pytest.fixture
def back_to_latest():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest")
def test_a_request_recorded_under_forums_is_found_in_consultation_after_migrating():
    old = migrate_to(BEFORE)
    LocalArea = old.get_model("people", "LocalArea")
    Person = old.get_model("people", "Person")
    OldRequest = old.get_model("forums", "ConsultationRequest")
    area = LocalArea.objects.create(name="Leeds", slug="leeds-migration")
    parent = Person.objects.create(email="parent-migration@example.org", display_name="A parent")
    OldRequest.objects.create(
        area=area,
        person=parent,
        kind="survey",
        title="Short breaks survey",
        asked_on=datetime.date(2026, 10, 1),
        hours_asked=1,
    )

    new = migrate_to(AFTER)

    NewRequest = new.get_model("consultation", "ConsultationRequest")
    moved = NewRequest.objects.get(title="Short breaks survey")
    assert (moved.area_id, moved.person_id, moved.kind) == (area.pk, parent.pk, "survey")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM forums_consultationrequest")
        assert cursor.fetchone()[0] == 1
