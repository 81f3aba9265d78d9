"""Equality monitoring: a member's own answers (consented, private), the monthly snapshots of a
group's figures that pages show, and the area's population figures to compare with."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from coproduction.people.models import LocalArea
from forums.models.groups import ParticipationGroup


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
