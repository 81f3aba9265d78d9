"""Moving OutboundEmail from the people app to the outbox app keeps every row."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("people", "0002_area_coproduction_settings"), ("outbox", None)]


@pytest.mark.django_db(transaction=True)
def test_emails_queued_before_the_move_are_there_and_sendable_after_it():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old_state = executor.loader.project_state(BEFORE[:1])
    OldOutboundEmail = old_state.apps.get_model("people", "OutboundEmail")
    OldOutboundEmail.objects.create(
        to="sam@example.org", subject="Before the move", body_text="Hello", purpose="test"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)

    from coproduction.outbox.models import OutboundEmail

    email = OutboundEmail.objects.get(subject="Before the move")
    assert email.status == OutboundEmail.Status.QUEUED
    assert email.send_after is not None
    assert email.idempotency_key is None
