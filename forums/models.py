"""Participation groups, boards and work streams, memberships, join requests, consultation
load and partnership agreements.

Chairs, co-chairs and project leads of a body are memberships with that role, so there is one
place that says who runs a body (and so who may decide its join requests).
"""

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, DateRangeField, RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, Q, Value
from django.urls import reverse
from django.utils import timezone

from coproduction.consultation.models import ConsultationRequest, RequestKind  # noqa: F401
from coproduction.people.models import LocalArea, Organisation, Sector

# Participation groups ---------------------------------------------------------------------


class GroupKind(models.TextChoices):
    PARENT_CARER_FORUM = "parent_carer_forum", "Parent carer forum"
    YOUTH_FORUM = "youth_forum", "Youth forum"
    SUPPORT_GROUP = "support_group", "Support group"
    SCHOOL_COUNCIL = "school_council", "School council"
    REFERENCE_GROUP = "reference_group", "Reference group"


class ParticipationGroup(models.Model):
    """A group through which families take part: a forum, support group or school council."""

    area = models.ForeignKey(
        LocalArea, on_delete=models.CASCADE, related_name="participation_groups"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=GroupKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participation_groups",
        help_text="The organisation the group is, or belongs to, if it has one.",
    )
    description = models.TextField(help_text="What the group is and who it is for.")
    how_to_contact = models.TextField(
        "how to contact the group", help_text="An email address, phone number or website."
    )
    how_to_join = models.TextField("how to join", blank=True)
    networks_reached = models.TextField(
        "networks it reaches",
        blank=True,
        help_text="Other groups, events and channels the group reaches families through.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="group_name_unique_in_area"),
        ]
        indexes = [models.Index(fields=["area", "kind"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:group_detail", kwargs={"area_slug": self.area.slug, "pk": self.pk})


class GroupRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    REPRESENTATIVE = "representative", "Representative"
    MEMBER = "member", "Member"


class GroupMembership(models.Model):
    """A person's place in a participation group. Leaving sets `left_on`; the row is kept."""

    group = models.ForeignKey(
        ParticipationGroup, on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField(max_length=20, choices=GroupRole.choices, default=GroupRole.MEMBER)
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["group__name", "person__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=Q(left_on=None),
                name="one_current_group_membership",
                violation_error_message="This person is already a member of the group.",
            ),
            models.CheckConstraint(
                condition=Q(left_on=None) | Q(left_on__gte=F("joined_on")),
                name="group_membership_ends_after_it_starts",
            ),
        ]
        indexes = [models.Index(fields=["person", "left_on"])]

    def __str__(self):
        return f"{self.person} in {self.group}"


# Equality monitoring ----------------------------------------------------------------------
# Census 2021 style categories. Every question can be answered "prefer not to say" or left out.


class AgeBand(models.TextChoices):
    UNDER_16 = "under_16", "Under 16"
    AGE_16_17 = "16_17", "16 to 17"
    AGE_18_24 = "18_24", "18 to 24"
    AGE_25_34 = "25_34", "25 to 34"
    AGE_35_44 = "35_44", "35 to 44"
    AGE_45_54 = "45_54", "45 to 54"
    AGE_55_64 = "55_64", "55 to 64"
    AGE_65_PLUS = "65_plus", "65 or over"
    PREFER_NOT = "prefer_not", "Prefer not to say"


class Ethnicity(models.TextChoices):
    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, Black British, Caribbean or African"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    WHITE = "white", "White"
    OTHER = "other", "Other ethnic group"
    PREFER_NOT = "prefer_not", "Prefer not to say"


class Disability(models.TextChoices):
    LIMITED_A_LOT = "a_lot", "Yes, limited a lot"
    LIMITED_A_LITTLE = "a_little", "Yes, limited a little"
    NO = "no", "No"
    PREFER_NOT = "prefer_not", "Prefer not to say"


class Carer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT = "prefer_not", "Prefer not to say"


class MainLanguage(models.TextChoices):
    ENGLISH = "english", "English"
    BSL = "bsl", "British Sign Language"
    OTHER = "other", "Another language"
    PREFER_NOT = "prefer_not", "Prefer not to say"


# The questions, in the order pages show them: (field name, question, choices).
EQUALITY_QUESTIONS = [
    ("age_band", "Age", AgeBand),
    ("ethnicity", "Ethnic group", Ethnicity),
    (
        "disability",
        "Day-to-day activities limited by a health problem or disability",
        Disability,
    ),
    ("carer", "Looks after someone with a long-term condition or disability", Carer),
    ("main_language", "Main language", MainLanguage),
]


class EqualityRecord(models.Model):
    """One person's equality monitoring answers, given with their consent.

    Only the person sees their own record. Everyone else sees counts per group, with small
    counts suppressed. Withdrawing consent deletes the row: there is no record without consent.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="equality_record"
    )
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    ethnicity = models.CharField(max_length=20, choices=Ethnicity.choices, blank=True)
    disability = models.CharField(max_length=20, choices=Disability.choices, blank=True)
    carer = models.CharField(max_length=20, choices=Carer.choices, blank=True)
    main_language = models.CharField(max_length=20, choices=MainLanguage.choices, blank=True)
    consented_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self):
        return f"Equality monitoring of person {self.person_id}"


class EqualitySnapshot(models.Model):
    """A group's equality figures as published at a set time (the start of each month).

    Pages show only the latest snapshot, never live counts: a count that moved whenever one
    person joined, left or answered would let anyone who watched it work out that person's
    answers. The figures are stored after disclosure control (ONS practice: counts rounded to
    the nearest 5, any count under 10 hidden), so this table holds nothing about any one
    person. `figures` maps each question to {"answered": int | None, "counts": {category:
    int | None}}, None meaning hidden.
    """

    group = models.ForeignKey(
        ParticipationGroup, on_delete=models.CASCADE, related_name="equality_snapshots"
    )
    taken_on = models.DateField("figures as at")
    taken_at = models.DateTimeField(default=timezone.now)
    figures = models.JSONField()

    class Meta:
        ordering = ["-taken_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "taken_on"], name="one_equality_snapshot_per_group_and_date"
            )
        ]

    def __str__(self):
        return f"{self.group} as at {self.taken_on}"


class PopulationFigure(models.Model):
    """The share of an area's population in one equality category, entered by its administrators.

    Group aggregates are shown against these figures.
    """

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="population")
    question = models.CharField(max_length=20, choices=[(q, t) for q, t, _ in EQUALITY_QUESTIONS])
    category = models.CharField(max_length=20)
    percent = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        ordering = ["area", "question", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "question", "category"], name="one_population_figure"
            ),
            models.CheckConstraint(
                condition=Q(percent__gte=0) & Q(percent__lte=100),
                name="population_percent_0_to_100",
            ),
        ]

    def __str__(self):
        return f"{self.area}: {self.question} {self.category} {self.percent}%"


# Boards and work streams ------------------------------------------------------------------


class BodyKind(models.TextChoices):
    BOARD = "board", "Board"
    WORK_STREAM = "work_stream", "Work stream"


class BodyLevel(models.TextChoices):
    STRATEGIC = "strategic", "Strategic"
    OPERATIONAL = "operational", "Operational"


class BodyStatus(models.TextChoices):
    SETTING_UP = "setting_up", "Being set up"
    ACTIVE = "active", "Meeting"
    ENDED = "ended", "Ended"


# The sectors a body can be asked to cover with its members. Parent carers and young people
# have their own checks, so they are not chosen here.
SERVICE_SECTORS = [Sector.EDUCATION, Sector.HEALTH, Sector.SOCIAL_CARE, Sector.VOLUNTARY]


class Body(models.Model):
    """A board or work stream. Bodies nest to any depth through `parent`."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="bodies")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=BodyKind.choices)
    level = models.CharField(max_length=20, choices=BodyLevel.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The board this one reports to.",
    )
    purpose = models.TextField()
    status = models.CharField(max_length=20, choices=BodyStatus.choices, default=BodyStatus.ACTIVE)
    terms_of_reference = models.TextField(blank=True)
    sectors = ArrayField(
        models.CharField(max_length=20, choices=[(s.value, s.label) for s in SERVICE_SECTORS]),
        default=list,
        blank=True,
        help_text="The services whose representatives should sit on it.",
    )
    needs_young_people = models.BooleanField(
        "young people needed",
        default=False,
        help_text="Whether the work touches young people, so young people should sit on it.",
    )
    open_to_requests = models.BooleanField(
        "open to requests to join",
        default=False,
        help_text="Parent carers and young people can ask to join.",
    )
    hours_per_term = models.DecimalField(
        "time asked of members (hours a term)",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(999)],
        help_text="Roughly, with meetings, reading and travel. Families see it before asking.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "bodies"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="body_name_unique_in_area"),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="body_not_its_own_parent"),
        ]
        indexes = [
            models.Index(fields=["area", "parent"]),
            models.Index(fields=["area", "open_to_requests", "status"]),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:body_detail", kwargs={"area_slug": self.area.slug, "pk": self.pk})

    @property
    def sector_labels(self) -> list[str]:
        return [Sector(sector).label for sector in self.sectors]


class BodyRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    CO_CHAIR = "co_chair", "Co-chair"
    LEAD = "lead", "Project lead"
    MEMBER = "member", "Member"
    OBSERVER = "observer", "Observer"
    COPIED = "copied", "Head of service, copied in"


# Who runs a body: they decide its join requests and manage its members.
CHAIR_ROLES = frozenset({BodyRole.CHAIR, BodyRole.CO_CHAIR, BodyRole.LEAD})
# Who holds a seat and counts in the representation check (not observers, not those copied in).
SEAT_ROLES = frozenset({BodyRole.CHAIR, BodyRole.CO_CHAIR, BodyRole.LEAD, BodyRole.MEMBER})


class BodyMembership(models.Model):
    """A person's place on a body for a stretch of time, and whom they represent there.

    Leaving sets `ended_on`; the row stays as history. A person cannot hold two memberships of
    one body whose dates overlap (an exclusion constraint). "Copied in" is for heads of service
    who receive papers but are not members.
    """

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="body_memberships"
    )
    role = models.CharField(max_length=20, choices=BodyRole.choices, default=BodyRole.MEMBER)
    represents_sector = models.CharField(
        "sector represented", max_length=20, choices=Sector.choices, blank=True
    )
    represents_organisation = models.ForeignKey(
        Organisation,
        verbose_name="organisation represented",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="body_memberships",
    )
    represents_group = models.ForeignKey(
        ParticipationGroup,
        verbose_name="participation group represented",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="body_memberships",
    )
    started_on = models.DateField("start date", default=timezone.localdate)
    ended_on = models.DateField("end date", null=True, blank=True)

    class Meta:
        ordering = ["body__name", "person__display_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on=None) | Q(ended_on__gte=F("started_on")),
                name="body_membership_ends_after_it_starts",
                violation_error_message="The end date must be on or after the start date.",
            ),
            ExclusionConstraint(
                name="body_membership_no_overlap",
                expressions=[
                    ("body", RangeOperators.EQUAL),
                    ("person", RangeOperators.EQUAL),
                    (
                        Func(
                            F("started_on"),
                            F("ended_on"),
                            Value("[]"),
                            function="daterange",
                            output_field=DateRangeField(),
                        ),
                        RangeOperators.OVERLAPS,
                    ),
                ],
                violation_error_message="This person is already a member of this body then.",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "ended_on"]),
            models.Index(fields=["body", "ended_on"]),
        ]

    def __str__(self):
        return f"{self.person} on {self.body} ({self.get_role_display()})"

    @property
    def area_id(self):
        """Memberships belong to their body's area (for the permission predicates)."""
        return self.body.area_id

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.started_on <= today and (self.ended_on is None or self.ended_on >= today)


def current_on(day, prefix: str = "") -> Q:
    """Memberships that hold on `day`: started and not ended (`prefix` for related lookups)."""
    return Q(**{f"{prefix}started_on__lte": day}) & (
        Q(**{f"{prefix}ended_on": None}) | Q(**{f"{prefix}ended_on__gte": day})
    )


class JoinRequest(models.Model):
    """A parent carer's or young person's request to join a body, decided by its chair or lead."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="join_requests")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    note = models.TextField(max_length=1000, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="join_requests_decided",
    )
    decline_reason = models.TextField(blank=True)
    membership = models.OneToOneField(
        BodyMembership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="join_request",
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "person"],
                condition=Q(status="pending"),
                name="one_pending_join_request",
                violation_error_message="You have already asked to join. Wait for the answer.",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="declined_join_request_has_a_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["body", "status"]),
            models.Index(fields=["person", "status"]),
        ]

    def __str__(self):
        return f"{self.person} asks to join {self.body} ({self.get_status_display()})"

    @property
    def area_id(self):
        """Join requests belong to their body's area (for the permission predicates)."""
        return self.body.area_id


# Consultation load ------------------------------------------------------------------------


# Partnership agreements -------------------------------------------------------------------


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
