"""A report is one PDF of one kind, about one scope (an area, or a body or initiative in it),
over one period. Asking again for the same kind, scope and period makes a new version: an
old report is never overwritten. While one is queued or being made, asking again returns it
(a partial unique constraint, so two requests at once still make one job)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import LocalArea


class ReportKind(models.TextChoices):
    YOU_SAID_WE_DID = "you_said_we_did", "You said, we did"
    SELF_EVALUATION = "self_evaluation", "Board self-evaluation summary"
    INSPECTION_PACK = "inspection_pack", "Inspection evidence pack"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be made"
    MAKING = "making", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be made"


IN_THE_MAKING = (ReportStatus.QUEUED, ReportStatus.MAKING)


def report_upload_to(report: "Report", filename: str) -> str:
    # Never served from MEDIA_URL: downloads go through a permission-checked view.
    return f"reports/{secrets.token_hex(16)}/{filename}"


class Report(models.Model):
    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="reports")
    body = models.ForeignKey(
        "forums.Body",
        verbose_name="board or work stream",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
    )
    kind = models.CharField(max_length=20, choices=ReportKind.choices)
    local_offer = models.BooleanField(
        "yearly Local Offer publication",
        default=False,
        help_text="Only feedback about the Local Offer (regulation 56, SEND Regulations 2014).",
    )
    period_start = models.DateField("first day")
    period_end = models.DateField("last day")
    period_label = models.CharField(max_length=100)
    version = models.PositiveIntegerField()
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    failure_message = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    file = models.FileField(upload_to=report_upload_to, max_length=300, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    byte_size = models.PositiveBigIntegerField("size", null=True, blank=True, help_text="Bytes.")

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["area", "-requested_at"], name="report_area_newest")]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "area",
                    "body",
                    "initiative",
                    "kind",
                    "local_offer",
                    "period_start",
                    "period_end",
                    "version",
                ],
                nulls_distinct=False,
                name="report_one_row_per_version",
            ),
            models.UniqueConstraint(
                fields=[
                    "area",
                    "body",
                    "initiative",
                    "kind",
                    "local_offer",
                    "period_start",
                    "period_end",
                ],
                condition=Q(status__in=["queued", "making"]),
                nulls_distinct=False,
                name="report_one_in_the_making",
            ),
            models.CheckConstraint(
                condition=Q(body__isnull=True) | Q(initiative__isnull=True),
                name="report_body_or_initiative_not_both",
            ),
            models.CheckConstraint(
                condition=Q(initiative__isnull=True) | Q(kind="you_said_we_did"),
                name="report_initiative_only_for_you_said_we_did",
            ),
            models.CheckConstraint(
                condition=Q(local_offer=False) | Q(kind="you_said_we_did"),
                name="report_local_offer_only_for_you_said_we_did",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="report_period_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.area.slug, self.pk])

    @property
    def scope_name(self) -> str:
        """What the report is about, in words: the body, the initiative or the whole area."""
        if self.body is not None:
            return self.body.name
        if self.initiative is not None:
            return f"{self.initiative.code} {self.initiative.title}"
        return self.area.name

    @property
    def kind_label(self) -> str:
        if self.local_offer:
            return "Local Offer: you said, we did"
        return self.get_kind_display()

    @property
    def title(self) -> str:
        return f"{self.kind_label}: {self.scope_name}, {self.period_label}"

    @property
    def period_dates(self) -> str:
        """The period's first and last day in words: "1 September 2025 to 31 August 2026"."""
        return f"{self.period_start:%-d %B %Y} to {self.period_end:%-d %B %Y}"

    @property
    def period_text(self) -> str:
        """The period as pages show it: its label with the dates after it, or only the dates
        when the label is nothing more than those dates (your own dates)."""
        label = self.period_label.strip()
        if not label or label.lower() == self.period_dates.lower():
            return self.period_dates
        return f"{label} ({self.period_dates})"

    @property
    def in_the_making(self) -> bool:
        return self.status in IN_THE_MAKING

    @property
    def download_name(self) -> str:
        words = f"{self.kind_label} {self.scope_name} {self.period_label} v{self.version}"
        safe = "".join(c if c.isalnum() else "-" for c in words.lower())
        return "-".join(part for part in safe.split("-") if part)[:150] + ".pdf"
