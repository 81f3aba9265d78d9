"""Consultation requests: every survey, meeting invitation, interview panel, seat and
opportunity asked of a participation group or a person, so that each area can see the load
per term and warn before asking again. Shared by every app (forums, initiatives ...)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from coproduction.people.models import LocalArea


class RequestKind(models.TextChoices):
    SURVEY = "survey", "Survey"
    MEETING_INVITATION = "meeting_invitation", "Meeting invitation"
    INTERVIEW_PANEL = "interview_panel", "Interview panel"
    WORK_STREAM_SEAT = "work_stream_seat", "Seat on a work stream or board"
    OPPORTUNITY = "opportunity", "Opportunity to get involved"


class ConsultationRequest(models.Model):
    """One request made of a participation group or a person (or both), for the load pages."""

    area = models.ForeignKey(
        LocalArea, on_delete=models.CASCADE, related_name="consultation_requests"
    )
    group = models.ForeignKey(
        # A lazy reference: this app never imports forums (forums builds on it).
        "forums.ParticipationGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consultation_requests",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consultation_requests",
    )
    kind = models.CharField(max_length=30, choices=RequestKind.choices)
    title = models.CharField(max_length=200)
    asked_on = models.DateField("date asked")
    hours_asked = models.DecimalField(
        "time asked (hours)",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(999)],
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_requests_made",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # The table the model had when it lived in forums: moving apps kept the rows.
        db_table = "forums_consultationrequest"
        ordering = ["-asked_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(group__isnull=False) | Q(person__isnull=False),
                name="consultation_request_is_of_someone",
            ),
            models.CheckConstraint(condition=Q(hours_asked__gte=0), name="hours_asked_positive"),
        ]
        indexes = [
            models.Index(fields=["group", "asked_on"], name="forums_cons_group_i_5d1657_idx"),
            models.Index(fields=["person", "asked_on"], name="forums_cons_person__36f700_idx"),
            models.Index(fields=["area", "asked_on"], name="forums_cons_area_id_999414_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title} ({self.asked_on})"
