"""Every email the portal sends: one row each, the record of what went to whom and when."""

from django.db import models
from django.utils import timezone

from coproduction.people.models import LocalArea


class OutboundEmail(models.Model):
    """One email to one address, queued here and sent by a Celery task.

    The row is the record of what was sent: the task sends it once (status decides), retries
    transient failures and writes down the outcome. `send_after` holds it back until a given
    time; `idempotency_key` makes the same logical email, queued twice, one row; `area` says
    the email is about that local area, so it is only sent while the recipient still belongs
    to it. The table keeps its first name (the model moved here from the people app).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Not sent"

    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    purpose = models.CharField(max_length=60, help_text="What the email is for, e.g. invitation.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    send_after = models.DateTimeField(
        default=timezone.now, help_text="Not sent before this time (a scheduled send)."
    )
    handed_to_worker_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the send task was last put on the queue; the sweeper re-queues emails "
        "left waiting (for example while Redis was down).",
    )
    idempotency_key = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        help_text="The same logical email queued twice is one row: a unique key per message.",
    )
    area = models.ForeignKey(
        LocalArea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="When set, the email is only sent while the recipient belongs to this area.",
    )

    class Meta:
        db_table = "people_outboundemail"
        ordering = ["-created_at"]
        verbose_name = "outbound email"
        indexes = [
            models.Index(fields=["status", "created_at"], name="people_outb_status_2357dc_idx"),
            models.Index(fields=["status", "send_after"], name="outbox_status_send_after_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["idempotency_key"], name="outbound_email_idempotency_key_unique"
            )
        ]

    def __str__(self):
        return f"{self.subject} to {self.to} ({self.get_status_display()})"


class EmailAttachment(models.Model):
    """A file sent with an email: a calendar invite made on the spot (`content`), or a stored
    file such as a meeting paper (`file`, read through Django's storage when sending)."""

    email = models.ForeignKey(OutboundEmail, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField(blank=True, default=b"")
    file = models.FileField(upload_to="outbox/", blank=True, max_length=300)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.filename

    def read(self) -> bytes:
        if self.file:
            with self.file.open("rb") as stored:
                return stored.read()
        return bytes(self.content)
