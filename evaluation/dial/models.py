"""Where an area stands on the engagement dial, and what families felt.

Sources: IMPOWER High Needs co-production toolkit (the engagement dial and its two sets of
reflective questions, involving stakeholders, the eight characteristics of co-production);
West Sussex co-production framework (the five-step ladder an area may show instead).
Levels are stored as the dial's numbers (`evaluation.scale.EngagementLevel`).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import LocalArea, Organisation
from evaluation.scale import EngagementLevel, Ladder

LOWEST_AIM = EngagementLevel.INFORMING  # an aim below informing is not engagement at all

level_validators = [
    MinValueValidator(EngagementLevel.COERCION),
    MaxValueValidator(EngagementLevel.CO_PRODUCTION),
]


class AreaEvaluationSettings(models.Model):
    """An area's self-evaluation settings: one row per area, made on first use."""

    area = models.OneToOneField(
        LocalArea, on_delete=models.CASCADE, related_name="evaluation_settings"
    )
    ladder = models.CharField(
        "words for the levels",
        max_length=20,
        choices=Ladder.choices,
        default=Ladder.DIAL,
        help_text="Levels are stored the same way whichever words you choose, so history compares.",
    )

    class Meta:
        verbose_name = "area evaluation settings"
        verbose_name_plural = "area evaluation settings"

    def __str__(self):
        return f"Self-evaluation settings for {self.area}"


# The dials -------------------------------------------------------------------------------


class Dial(models.TextChoices):
    """IMPOWER's two engagement dials."""

    STRATEGIC = "strategic", "Strategic dial"
    INDIVIDUAL = "individual", "Individual dial (direct work with families)"


class SubjectKind(models.TextChoices):
    DIRECTORATE = "directorate", "Directorate"
    SERVICE = "service", "Service"
    TEAM = "team", "Team"
    PARTNERSHIP = "partnership", "Partnership"
    BODY = "body", "Board or work stream"


# Which kinds of subject each dial assesses: the strategic dial a directorate, service, team,
# partnership or body; the individual dial a team's direct work with families (IMPOWER).
KINDS_FOR_DIAL: dict[str, tuple[str, ...]] = {
    Dial.STRATEGIC: (
        SubjectKind.DIRECTORATE,
        SubjectKind.SERVICE,
        SubjectKind.TEAM,
        SubjectKind.PARTNERSHIP,
        SubjectKind.BODY,
    ),
    Dial.INDIVIDUAL: (SubjectKind.TEAM, SubjectKind.SERVICE),
}

# The reflective questions of each dial, fixed per dial (IMPOWER toolkit, "Engagement dial:
# strategic levels of involvement" and "individual levels of involvement"). Answers are stored
# against these keys: never reuse a key for a different question.
REFLECTIVE_QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    Dial.STRATEGIC: (
        ("where_we_sit", "Where on the scale does this subject sit today, and why?"),
        ("next_level", "What skills, knowledge or structures would take it to the next level?"),
        ("good_practice", "What good practice already exists?"),
        ("learning", "What have we learned from it that we can use?"),
    ),
    Dial.INDIVIDUAL: (
        (
            "best_practice",
            "Which teams show good co-production with families, and which need support?",
        ),
        ("sharing", "How can the learning be shared?"),
        (
            "how_we_know",
            "How do we know, or feel, that co-production is happening with "
            "children, young people and families?",
        ),
    ),
}


class DialSubject(models.Model):
    """What is placed on a dial: a directorate, service, team, partnership or body (strategic),
    or a team's direct work with families (individual). Its assessments are its history."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="dial_subjects")
    dial = models.CharField(max_length=20, choices=Dial.choices)
    kind = models.CharField(max_length=20, choices=SubjectKind.choices)
    name = models.CharField(max_length=200)
    body = models.ForeignKey(
        "forums.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dial_subjects",
        help_text="The board or work stream in the portal, if the subject is one.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["dial", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "dial", "name"],
                name="dial_subject_name_unique",
                violation_error_message="This area already has a subject with this name on "
                "this dial.",
            ),
        ]
        indexes = [models.Index(fields=["area", "body"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dial:subject", kwargs={"area_slug": self.area.slug, "pk": self.pk})

    @property
    def questions(self) -> tuple[tuple[str, str], ...]:
        return REFLECTIVE_QUESTIONS[self.dial]


class DialAssessment(models.Model):
    """One placing of a subject on its dial, on a date, with evidence and who took part.

    `co_produced` is true when at least one parent carer or young person of the area took part
    (set by the service from `participants`; IMPOWER: co-produced self-evaluation).
    """

    subject = models.ForeignKey(DialSubject, on_delete=models.CASCADE, related_name="assessments")
    level = models.PositiveSmallIntegerField(
        "level today", choices=EngagementLevel.choices, validators=level_validators
    )
    aimed_level = models.PositiveSmallIntegerField(
        "level aimed for", choices=EngagementLevel.choices, validators=level_validators
    )
    aim_reason = models.TextField(
        "why this aim", help_text="Not every task needs full co-production."
    )
    evidence = models.TextField()
    answers = models.JSONField(default=dict, blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="dial_assessments"
    )
    others_count = models.PositiveSmallIntegerField(
        "others who took part", default=0, validators=[MaxValueValidator(500)]
    )
    co_produced = models.BooleanField(default=False)
    assessed_on = models.DateField("date of the assessment")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["subject", "-assessed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=7), name="dial_assessment_level_on_scale"
            ),
            models.CheckConstraint(
                condition=Q(aimed_level__gte=LOWEST_AIM, aimed_level__lte=7),
                name="dial_assessment_aim_informing_or_above",
                violation_error_message="Aim for informing or above.",
            ),
            models.CheckConstraint(
                condition=Q(evidence__regex=r"\S"), name="dial_assessment_has_evidence"
            ),
        ]
        indexes = [models.Index(fields=["subject", "-assessed_on"])]

    def __str__(self):
        return f"{self.subject}: {self.get_level_display()} on {self.assessed_on}"

    @property
    def area_id(self):
        return self.subject.area_id


# Declared against experienced ------------------------------------------------------------


class ActivityDeclaration(models.Model):
    """The level an activity aims for and the level its lead says it reached, declared by an
    officer. The activity is exactly one of an initiative, a meeting or a body's work."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    initiative = models.OneToOneField(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="level_declaration",
    )
    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="level_declaration",
    )
    body = models.OneToOneField(
        "forums.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="level_declaration",
    )
    aimed_level = models.PositiveSmallIntegerField(
        "level aimed for", choices=EngagementLevel.choices, validators=level_validators
    )
    reached_level = models.PositiveSmallIntegerField(
        "level reached", choices=EngagementLevel.choices, validators=level_validators
    )
    declared_on = models.DateField(default=timezone.localdate)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-declared_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(initiative__isnull=False, meeting=None, body=None)
                    | Q(initiative=None, meeting__isnull=False, body=None)
                    | Q(initiative=None, meeting=None, body__isnull=False)
                ),
                name="declaration_is_for_exactly_one_activity",
                violation_error_message="Choose one activity: an initiative, a meeting or a "
                "board's work.",
            ),
            models.CheckConstraint(
                condition=Q(aimed_level__gte=1, aimed_level__lte=7)
                & Q(reached_level__gte=1, reached_level__lte=7),
                name="declaration_levels_on_scale",
            ),
        ]
        indexes = [models.Index(fields=["area", "-declared_on"])]

    def __str__(self):
        return self.activity_name

    def get_absolute_url(self):
        return reverse("dial:activity", kwargs={"area_slug": self.area.slug, "pk": self.pk})

    @property
    def activity(self):
        return self.initiative or self.meeting or self.body

    @property
    def activity_kind(self) -> str:
        if self.initiative_id:
            return "Initiative"
        if self.meeting_id:
            return "Meeting"
        return "Board or work stream"

    @property
    def activity_name(self) -> str:
        initiative, meeting, body = self.initiative, self.meeting, self.body
        if initiative is not None:
            return f"{initiative.code} {initiative.title}"
        if meeting is not None:
            return str(meeting)
        return body.name if body is not None else "An activity"


class ExperiencedAnswer(models.Model):
    """The level one parent carer or young person who took part felt the activity reached.

    Seen only by its author; everyone else sees counts of five or more."""

    declaration = models.ForeignKey(
        ActivityDeclaration, on_delete=models.CASCADE, related_name="answers"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="experienced_answers"
    )
    level = models.PositiveSmallIntegerField(
        choices=EngagementLevel.choices, validators=level_validators
    )
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "person"], name="one_experienced_answer_per_person"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=7), name="experienced_level_on_scale"
            ),
        ]

    def __str__(self):
        return f"Answer {self.pk}"


# Characteristics ---------------------------------------------------------------------------


class Characteristic(models.TextChoices):
    """The eight characteristics of co-production (IMPOWER toolkit, from SCIE and TLAP)."""

    EQUALITY = "equality", "Equality, diversity, inclusion and accessibility"
    ETHOS = "ethos", "An ethos of how we work"
    COMMUNICATION = "communication", "Effective and inclusive communication"
    TRUST = "trust", "An open, honest culture built on trust"
    LIVED_EXPERIENCE = "lived_experience", "People with lived experience actively contribute"
    POWER = "power", "Power and decision making are equitable"
    INVOLVEMENT = "involvement", "Involvement in planning, design, delivery and review"
    RECIPROCITY = "reciprocity", "Assets are valued and rewarded (reciprocity)"


class CharacteristicStatus(models.TextChoices):
    PRESENT = "present", "Present"
    PARTLY = "partly", "Partly"
    NOT_YET = "not_yet", "Not yet"


class CharacteristicCheck(models.Model):
    """The eight characteristics looked at together on one date, for a body or the whole area
    (`body` empty). Later checks are the history."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey(
        "forums.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="characteristic_checks",
    )
    checked_on = models.DateField("date of the check")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-checked_on", "-pk"]
        indexes = [models.Index(fields=["area", "body", "-checked_on"])]

    def __str__(self):
        return f"Characteristics check of {self.checked_on}"

    @property
    def scope_name(self) -> str:
        return self.body.name if self.body is not None else "The whole area"

    @property
    def ordered_ratings(self) -> list[CharacteristicRating]:
        """The ratings in the order of the eight characteristics (uses prefetched ratings)."""
        order = {value: index for index, value in enumerate(Characteristic.values)}
        return sorted(self.ratings.all(), key=lambda r: order.get(r.characteristic, 99))


class CharacteristicRating(models.Model):
    check_record = models.ForeignKey(
        CharacteristicCheck, on_delete=models.CASCADE, related_name="ratings"
    )
    characteristic = models.CharField(max_length=30, choices=Characteristic.choices)
    status = models.CharField(max_length=10, choices=CharacteristicStatus.choices)
    evidence = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["check_record", "characteristic"], name="one_rating_per_characteristic"
            ),
        ]

    def __str__(self):
        return f"{self.get_characteristic_display()}: {self.get_status_display()}"


# Stakeholders ------------------------------------------------------------------------------


class Asset(models.TextChoices):
    """What a stakeholder brings to the partnership table (IMPOWER, involving stakeholders)."""

    TRAINING = "training", "Training and workshop facilitation"
    VENUES = "venues", "Venues"
    SKILLS = "skills", "Skills and specialisms"
    NETWORKS = "networks", "Networks"
    LIVED_EXPERIENCE = "lived_experience", "Lived experience and insight"
    DELIVERY = "delivery", "Experience of service support, delivery or design"


class StakeholderKind(models.TextChoices):
    SERVICE = "service", "Service"
    GROUP = "group", "Group"
    ORGANISATION = "organisation", "Organisation"


class Stakeholder(models.Model):
    """A service, group or organisation involved in the area's co-production: one of the
    portal's organisations or participation groups, or one typed in."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="stakeholders")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    group = models.ForeignKey(
        "forums.ParticipationGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField("name (if not in the portal)", max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=StakeholderKind.choices)
    brings = ArrayField(
        models.CharField(max_length=20, choices=Asset.choices), default=list, blank=True
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(organisation__isnull=False, group=None, name="")
                    | Q(organisation=None, group__isnull=False, name="")
                    | (Q(organisation=None, group=None) & Q(name__regex=r"\S"))
                ),
                name="stakeholder_is_one_thing",
                violation_error_message="Choose an organisation or a group, or type a name: one "
                "of the three.",
            ),
            models.UniqueConstraint(
                fields=["area", "organisation"],
                condition=Q(organisation__isnull=False),
                name="stakeholder_organisation_once",
                violation_error_message="This organisation is already on the list.",
            ),
            models.UniqueConstraint(
                fields=["area", "group"],
                condition=Q(group__isnull=False),
                name="stakeholder_group_once",
                violation_error_message="This group is already on the list.",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.organisation is not None:
            return self.organisation.name
        if self.group is not None:
            return self.group.name
        return self.name

    @property
    def brings_labels(self) -> list[str]:
        labels = dict(Asset.choices)
        return [labels.get(value, value) for value in self.brings]


class MissingStakeholder(models.Model):
    """Someone who should be involved and is not yet, and why they matter."""

    area = models.ForeignKey(
        LocalArea, on_delete=models.CASCADE, related_name="missing_stakeholders"
    )
    name = models.CharField("who is missing", max_length=200)
    why_it_matters = models.TextField("why they matter")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(name__regex=r"\S"), name="missing_stakeholder_has_a_name"
            ),
        ]

    def __str__(self):
        return self.name
