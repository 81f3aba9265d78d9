"""Conditions of success rounds and their private scores, the action plan ("making it
happen") and the yearly activity self-evaluation.

Scores are private to their rater: no page, admin screen or export shows a score or an
unshared comment to anyone else; the results are aggregates computed in SQL (see
`selectors.round_results`). Sources: IMPOWER High Needs co-production toolkit (conditions of
success, moving up the scale); West Sussex co-production framework (self-evaluation).
"""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from coproduction.people.models import LocalArea, Person
from evaluation.conditions.constants import (
    SCORE_MAX,
    SCORE_MIN,
    ActionStatus,
    Condition,
    RaterGroup,
    Theme,
    YearStatus,
)
from evaluation.scale import EngagementLevel


class ConditionsRound(models.Model):
    """One round of scoring the twelve conditions, for a body or (body empty) the whole area.

    A round is open until an officer closes it (`closed_at`) or its closing date has passed
    (ratings are accepted on the closing date itself): the state is computed, so no task has
    to run for a round to close on its date.
    """

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="conditions_rounds")
    body = models.ForeignKey(
        "forums.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conditions_rounds",
        help_text="Empty for a round about the whole area.",
    )
    held_on = models.DateField("date of the round")
    closes_on = models.DateField("closing date")
    opened_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="conditions_rounds_opened"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conditions_rounds_closed",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["area", "body", "held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("held_on")),
                name="conditions_round_closes_after_it_is_held",
            )
        ]

    def __str__(self):
        return f"Conditions of success, {self.scope_name}, {self.held_on:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("conditions:round_detail", args=[self.area.slug, self.pk])

    @property
    def scope_name(self) -> str:
        if self.body is not None:
            return self.body.name
        return f"{self.area.name} (whole area)"

    def is_closed(self, today: date) -> bool:
        """Closed by an officer, or its closing date is before `today`."""
        return self.closed_at is not None or today > self.closes_on


class RoundRater(models.Model):
    """A person invited to rate a round. `group` and `is_forum_representative` are read from
    their roles when invited, so results do not shift when a role changes later."""

    round = models.ForeignKey(ConditionsRound, on_delete=models.CASCADE, related_name="raters")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="conditions_raters")
    group = models.CharField(max_length=20, choices=RaterGroup.choices)
    is_forum_representative = models.BooleanField(
        default=False, help_text="A parent carer forum representative when invited."
    )
    rated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="one_rater_per_person")
        ]
        indexes = [models.Index(fields=["person", "round"])]

    def __str__(self):
        return f"{self.person} invited to {self.round_id}"


class ConditionScore(models.Model):
    """One rater's score for one condition. Private: only its rater ever reads it.

    `round` and `group` are copied from the rater when the score is saved, so a round's
    medians read this table alone, through the (round, condition) index.
    """

    rater = models.ForeignKey(RoundRater, on_delete=models.CASCADE, related_name="scores")
    round = models.ForeignKey(ConditionsRound, on_delete=models.CASCADE, related_name="scores")
    group = models.CharField(max_length=20, choices=RaterGroup.choices)
    condition = models.PositiveSmallIntegerField(choices=Condition.choices)
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    comment = models.TextField(blank=True, max_length=2000)
    share_comment = models.BooleanField("share my comment", default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rater", "condition"], name="one_score_per_condition"),
            models.CheckConstraint(
                condition=models.Q(score__gte=SCORE_MIN, score__lte=SCORE_MAX),
                name="condition_score_from_1_to_10",
            ),
        ]
        indexes = [models.Index(fields=["round", "condition"])]

    def __str__(self):
        return "A private score"


class PlanAction(models.Model):
    """An action in the area's plan to move up the scale ("making it happen")."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="plan_actions")
    theme = models.CharField(max_length=20, choices=Theme.choices)
    description = models.TextField("what will be done", max_length=2000)
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="plan_actions")
    due_on = models.DateField("due date")
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    level_from = models.PositiveSmallIntegerField(
        "from level", choices=EngagementLevel.choices, null=True, blank=True
    )
    level_to = models.PositiveSmallIntegerField(
        "to level", choices=EngagementLevel.choices, null=True, blank=True
    )
    conditions = ArrayField(
        models.PositiveSmallIntegerField(choices=Condition.choices), default=list, blank=True
    )
    conditions_round = models.ForeignKey(
        ConditionsRound,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        help_text="The round whose results suggested it.",
    )
    created_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="plan_actions_created"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["area", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(level_from__isnull=True, level_to__isnull=True)
                    | models.Q(level_to__gt=models.F("level_from"))
                ),
                name="plan_action_moves_up_the_scale",
            )
        ]

    def __str__(self):
        return self.description[:60]

    def is_overdue(self, today: date) -> bool:
        return self.status != ActionStatus.DONE and self.due_on < today

    @property
    def condition_labels(self) -> list[str]:
        return [Condition(number).label for number in self.conditions]


class ActivityYear(models.Model):
    """A year's activity self-evaluation (West Sussex): agreed, reviewed, then closed."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="activity_years")
    starts_on = models.DateField(help_text="1 September of the academic year.")
    status = models.CharField(
        max_length=20, choices=YearStatus.choices, default=YearStatus.PLANNING
    )
    opened_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="activity_years_opened"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["area", "starts_on"], name="one_activity_year")
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("conditions:year_detail", args=[self.area.slug, self.pk])

    @property
    def label(self) -> str:
        from evaluation.figures import academic_year

        return academic_year(self.starts_on).label


class YearActivity(models.Model):
    """One activity agreed for the year: the level it strives for, its strategic outcomes,
    and at year end its impact with evidence."""

    year = models.ForeignKey(ActivityYear, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(max_length=200)
    level_sought = models.PositiveSmallIntegerField(
        "level it strives for", choices=EngagementLevel.choices
    )
    strategic_outcomes = models.TextField(max_length=4000)
    impact = models.TextField(blank=True, max_length=4000)
    evidence = models.TextField(blank=True, max_length=4000)
    impact_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.title
