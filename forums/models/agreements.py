"""Partnership agreements with the parent carer forum: parties, funding, payments, the yearly
schedule, outcomes and review reminders."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import LocalArea, Organisation
from forums.models.bodies import Body


class FundingPeriod(models.TextChoices):
    YEAR = "year", "Each year"
    TERM = "term", "Each term"
    MONTH = "month", "Each month"
    ONE_OFF = "one_off", "One-off"


class PartnershipAgreement(models.Model):
    """One version of a partnership agreement (West Sussex style) between the council, health
    and a parent carer forum.

    A draft is edited; once signed its terms are fixed (only the year's outcomes' progress is
    updated). A new year is a renewal: a new draft version copied from the signed one, which
    supersedes it when it is signed in turn.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SIGNED = "signed", "Signed"
        SUPERSEDED = "superseded", "Replaced by a newer version"

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="agreements")
    title = models.CharField(max_length=200)
    version = models.PositiveSmallIntegerField(default=1)
    first_version = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="later_versions",
        help_text="Empty on the first version; every renewal points to it.",
    )
    previous_version = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewal",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    parties = models.ManyToManyField(Organisation, related_name="agreements")
    signatories = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="agreements_signed", blank=True
    )
    starts_on = models.DateField("start date")
    review_on = models.DateField("annual review date")
    reviewing_body = models.ForeignKey(
        Body,
        verbose_name="board that reviews it",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements_reviewed",
    )
    core_funding_amount = models.DecimalField(
        "core funding (£)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    core_funding_period = models.CharField(
        "core funding period", max_length=10, choices=FundingPeriod.choices, blank=True
    )
    signed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_on__gt=F("starts_on")),
                name="agreement_review_after_start",
                violation_error_message="The review date must be after the start date.",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(signed_on__isnull=False),
                name="signed_agreement_has_a_date",
            ),
            models.UniqueConstraint(
                fields=["first_version", "version"], name="one_agreement_version_number"
            ),
        ]
        indexes = [models.Index(fields=["status", "review_on"])]

    def __str__(self):
        return f"{self.title} (version {self.version})"

    def get_absolute_url(self):
        return reverse(
            "forums:agreement_detail", kwargs={"area_slug": self.area.slug, "pk": self.pk}
        )

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class PaymentKind(models.TextChoices):
    EXPENSES = "expenses", "Expenses"
    PROJECT_WORK = "project_work", "Project work"
    MEETING_TIME = "meeting_time", "Time at meetings"
    CHILDCARE = "childcare", "Childcare or replacement care"
    TRAINING = "training", "Training"


class RateUnit(models.TextChoices):
    PER_HOUR = "hour", "per hour"
    PER_DAY = "day", "per day"
    PER_MEETING = "meeting", "per meeting"
    PER_MILE = "mile", "per mile"
    AT_COST = "at_cost", "at cost, with receipts"


class AgreementPayment(models.Model):
    """Something the agreement pays for or reimburses, at a rate."""

    agreement = models.ForeignKey(
        PartnershipAgreement, on_delete=models.CASCADE, related_name="payments"
    )
    kind = models.CharField("what is paid", max_length=20, choices=PaymentKind.choices)
    description = models.CharField(max_length=300)
    rate = models.DecimalField(
        "rate (£)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    unit = models.CharField(max_length=10, choices=RateUnit.choices)

    class Meta:
        ordering = ["kind", "description"]

    def __str__(self):
        return self.description


class AgreementScheduleItem(models.Model):
    """A meeting or project in the agreement's yearly schedule."""

    class Kind(models.TextChoices):
        MEETING = "meeting", "Meeting"
        PROJECT = "project", "Project"

    agreement = models.ForeignKey(
        PartnershipAgreement, on_delete=models.CASCADE, related_name="schedule"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200)
    planned_on = models.DateField("date, or month it starts")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["planned_on", "title"]

    def __str__(self):
        return self.title


class RagStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not assessed yet"
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class AgreementOutcome(models.Model):
    """An outcome agreed for the year, with its progress (red, amber, green) and evidence."""

    agreement = models.ForeignKey(
        PartnershipAgreement, on_delete=models.CASCADE, related_name="outcomes"
    )
    outcome = models.CharField(max_length=300)
    status = models.CharField(
        "progress", max_length=20, choices=RagStatus.choices, default=RagStatus.NOT_STARTED
    )
    evidence = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.outcome


class AgreementReviewReminder(models.Model):
    """A review reminder emailed to one signatory: one row each, so it goes once only."""

    class Kind(models.TextChoices):
        MONTH_BEFORE = "month_before", "A month before"
        ON_THE_DAY = "on_the_day", "On the day"

    agreement = models.ForeignKey(
        PartnershipAgreement, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agreement_reminders"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "kind", "person"], name="one_reminder_each"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} reminder of {self.agreement} to {self.person}"
