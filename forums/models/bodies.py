"""Boards and work streams, their memberships and requests to join them.

Chairs, co-chairs and project leads of a body are memberships with that role, so there is one
place that says who runs a body (and so who may decide its join requests)."""

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, DateRangeField, RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, Q, Value
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import LocalArea, Organisation, Sector
from forums.models.groups import ParticipationGroup


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


# Partnership agreements -------------------------------------------------------------------
