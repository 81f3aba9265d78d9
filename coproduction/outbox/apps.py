from django.apps import AppConfig


class OutboxConfig(AppConfig):
    """Outbound email for every app: queue, scheduled send, attachments, one Celery task."""

    name = "coproduction.outbox"
    label = "outbox"
    verbose_name = "Outbound email"
