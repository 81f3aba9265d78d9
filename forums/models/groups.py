"""Participation groups: parent carer forums, youth forums and other groups, and who is in them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import LocalArea, Organisation


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


# Census 2021 style categories. Every question can be answered "prefer not to say" or left out.
