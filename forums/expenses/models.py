"""Expense claims and the incentives portfolio.

A claim is made for one activity a parent carer or young person took part in (a meeting they
attended, an opportunity they were accepted for: `coproduction.registry.ClaimableActivity`),
at the rates of the area's signed partnership agreement in force on the activity's day
(`forums.models.AgreementPayment`). Its lines copy the rate used, so a later renewal never
changes an old claim. Bank details are never stored: payment happens outside the portal.
Sources: West Sussex co-production framework ("Support": remuneration under the partnership
agreement); Birmingham SEND co-production mapping 2022 (a portfolio of incentives).
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import LocalArea
from forums.expenses.money import pounds
from forums.models import AgreementPayment, PartnershipAgreement

# The largest claim an area accepts unless it sets its own (pounds).
DEFAULT_CLAIM_CAP = Decimal("500.00")


class ExpenseSettings(models.Model):
    """An area's expenses rules (one row per area, made on first save; defaults until then)."""

    area = models.OneToOneField(
        LocalArea, on_delete=models.CASCADE, related_name="expense_settings"
    )
    claim_cap = models.DecimalField(
        "largest claim (£)",
        max_digits=8,
        decimal_places=2,
        default=DEFAULT_CLAIM_CAP,
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("10000"))],
        help_text="A claim for more than this is refused; ask the person to split or explain it.",
    )
    young_people_service = models.CharField(
        "service that pays young people's expenses",
        max_length=200,
        blank=True,
        help_text="For example the youth service or the youth forum's host organisation. "
        "Young people are told who pays them.",
    )
    young_people_contact = models.CharField(
        "how young people contact that service",
        max_length=300,
        blank=True,
        help_text="An email address or phone number.",
    )

    class Meta:
        verbose_name_plural = "expense settings"

    def __str__(self):
        return f"Expense settings for {self.area}"


class AgreementBudget(models.Model):
    """What one version (one year) of a partnership agreement sets aside for expenses and
    project work, and the finance team's cost code for it."""

    agreement = models.OneToOneField(
        PartnershipAgreement, on_delete=models.CASCADE, related_name="expenses_budget"
    )
    cost_code = models.CharField(
        "cost code", max_length=50, blank=True, help_text="The finance team's code for payments."
    )
    budget = models.DecimalField(
        "yearly budget for expenses and time (£)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    def __str__(self):
        return f"Budget of {self.agreement}"


class IncentiveKind(models.TextChoices):
    MONEY = "money", "Money"
    VOUCHERS = "vouchers", "Vouchers"
    TRAINING = "training", "A training place"
    SOCIAL = "social", "Social events"
    PEER_SUPPORT = "peer_support", "Peer support"


class IncentiveAudience(models.TextChoices):
    PARENT_CARERS = "parent_carers", "Parent carers"
    YOUNG_PEOPLE = "young_people", "Young people"
    BOTH = "both", "Parent carers and young people"


class IncentiveOption(models.Model):
    """One of the area's approved ways to reward people for their time (Birmingham's
    "portfolio of incentives"), with who may choose it and what to check about benefits."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="incentives")
    kind = models.CharField("type", max_length=20, choices=IncentiveKind.choices)
    title = models.CharField("name", max_length=200)
    description = models.TextField("what it is", blank=True)
    audience = models.CharField(
        "who can choose it", max_length=20, choices=IncentiveAudience.choices
    )
    benefits_note = models.TextField(
        "what to check about benefits",
        blank=True,
        help_text="In plain words: for example, money may count as income for some benefits.",
    )
    is_available = models.BooleanField("people can choose it now", default=True)

    class Meta:
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(fields=["area", "title"], name="incentive_title_unique"),
        ]

    def __str__(self):
        return self.title


class IncentivePreference(models.Model):
    """How a person prefers to be rewarded for their time in an area (once per area)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="incentive_preferences"
    )
    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    option = models.ForeignKey(IncentiveOption, on_delete=models.CASCADE, related_name="+")
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "area"], name="one_incentive_preference"),
        ]

    def __str__(self):
        return f"{self.person} prefers {self.option}"


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for approval"
    CHANGES_REQUESTED = "changes_requested", "Change asked for"
    APPROVED = "approved", "Approved, to be paid"
    REJECTED = "rejected", "Not approved"
    PAID = "paid", "Paid"


class Claim(models.Model):
    """A parent carer's or young person's claim for one activity they took part in."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="expense_claims")
    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="expense_claims"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expense_claims_submitted",
        help_text="The claimant, or the administrator who claimed on their behalf.",
    )
    claimant_is_young_person = models.BooleanField(default=False)
    activity_key = models.CharField(max_length=100)
    activity_title = models.CharField("what it was for", max_length=300)
    activity_on = models.DateField("date of the activity")
    agreement = models.ForeignKey(
        PartnershipAgreement, on_delete=models.PROTECT, related_name="expense_claims"
    )
    reward = models.ForeignKey(
        IncentiveOption,
        verbose_name="how they want to be rewarded for their time",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField("anything the officer should know", blank=True)
    total = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("0"))
    status = models.CharField(
        max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    officer_message = models.TextField("reason or change asked for", blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    paid_on = models.DateField("date paid", null=True, blank=True)
    first_submitted_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["claimant", "activity_key", "area"],
                condition=~Q(status="rejected"),
                name="one_claim_per_activity",
                violation_error_message="There is already a claim for this activity.",
            ),
            models.CheckConstraint(condition=Q(total__gte=0), name="claim_total_not_negative"),
            models.CheckConstraint(
                condition=~Q(status="paid") | Q(paid_on__isnull=False),
                name="paid_claim_has_a_date",
            ),
        ]
        indexes = [
            models.Index(fields=["area", "status"]),
            models.Index(fields=["claimant", "-submitted_at"]),
        ]

    def __str__(self):
        return f"Claim {self.pk}: {self.activity_title}"

    def get_absolute_url(self):
        return reverse("expenses:claim", kwargs={"area_slug": self.area.slug, "pk": self.pk})

    @property
    def reference(self) -> str:
        return f"EXP-{self.pk:05d}"


class LineKind(models.TextChoices):
    MILEAGE = "mileage", "Travel: mileage"
    FARES = "fares", "Travel: fares"
    CARE = "care", "Childcare or replacement care"
    TIME = "time", "Time (project work)"


class ClaimLine(models.Model):
    """One thing claimed, at the agreement's rate (`payment`, its rate copied in `rate`).

    `quantity` is miles or hours (None for an amount at cost); `amount` is what is owed in
    pounds: quantity times rate, or the amount paid out (fares, care at cost).
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=10, choices=LineKind.choices)
    payment = models.ForeignKey(AgreementPayment, on_delete=models.PROTECT, related_name="+")
    quantity = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    rate = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2, validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["claim", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {pounds(self.amount)}"

    @property
    def unit_label(self) -> str:
        if self.quantity is None:
            return ""
        return "miles" if self.kind == LineKind.MILEAGE else "hours"


def receipt_upload_to(receipt: "Receipt", filename: str) -> str:
    # Never served from MEDIA_URL: downloads go through a permission-checked view.
    return f"expense-receipts/{secrets.token_hex(16)}/{filename}"


class Receipt(models.Model):
    """A receipt (image or PDF) for a claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="receipts")
    file = models.FileField(upload_to=receipt_upload_to, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField(help_text="Bytes.")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name

    @property
    def download_name(self) -> str:
        return f"receipt-{self.claim_id}-{self.pk}.{self.extension}"


class ClaimStep(models.Model):
    """One step in a claim's life (submitted, change asked, resubmitted, approved, rejected,
    paid), who took it and why: the claim's history, and the key of the email it sent."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Claim sent"
        RESUBMITTED = "resubmitted", "Claim changed and sent again"
        CHANGES_REQUESTED = "changes_requested", "Change asked for"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Not approved"
        PAID = "paid", "Paid"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.claim_id})"

    @property
    def in_words(self) -> str:
        """The step in the claim's history: what happened and who did it. Payment happens
        outside the portal, so a paid step says who recorded it, not who paid."""
        name = self.by.display_name if self.by else ""
        if self.kind == self.Kind.PAID:
            return f"Payment recorded by {name}" if name else "Payment recorded"
        return f"{self.get_kind_display()} by {name}" if name else self.get_kind_display()

    @property
    def email_key(self) -> str:
        """The outbox idempotency key of this step's email to the claimant."""
        return f"expenses:claim:{self.claim_id}:step:{self.pk}:{self.kind}"
