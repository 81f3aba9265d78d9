"""Feedback items ("you said"), their responses ("we did"), and what publishes them.

Source: DOMAIN.md "You said, we did"; regulation 56 of the SEND Regulations 2014 (comments on
the Local Offer are published with the response and intended action at least once a year, so
that no individual can be identified; vexatious comments and comments about one person's own
services need not be); the Leeds strategy seed (the feedback loop) and the Birmingham mapping
seed ("you said, we are doing / have done").

A response lives on its item (one response per item, changed over time); every change of
response, owner, publication or leaving out is a `FeedbackStatusChange` row (who and when).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from coproduction.people.models import LocalArea, Person


class Visibility(models.TextChoices):
    MEMBERS = "members", "Members of the area only (people must sign in)"
    PUBLIC = "public", "Everyone (no sign-in needed)"


class FeedbackSettings(models.Model):
    """An area's "You said, we did" settings (one row per area, made on first use)."""

    area = models.OneToOneField(
        LocalArea, on_delete=models.CASCADE, related_name="feedback_settings"
    )
    weeks_to_respond = models.PositiveSmallIntegerField(
        "weeks to respond",
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text="A response is due this many weeks after the feedback was given.",
    )
    visibility = models.CharField(
        "who can see the “You said, we did” pages",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )

    class Meta:
        verbose_name_plural = "feedback settings"

    def __str__(self):
        return f"Feedback settings for {self.area}"


class Source(models.TextChoices):
    GROUP = "group", "A group or forum"
    MEETING = "meeting", "A meeting"
    INITIATIVE = "initiative", "An initiative"
    SURVEY = "survey", "A survey"
    LOCAL_OFFER = "local_offer", "The Local Offer"
    BODY = "body", "A board or work stream"
    PORTAL = "portal", "Sent on this website"


class Topic(models.TextChoices):
    """Regulation 56's three Local Offer subjects, a named service, or anything else."""

    LOCAL_OFFER_CONTENT = "local_offer_content", "Local Offer content and gaps"
    ACCESSIBILITY = "accessibility", "How easy information is to find and understand"
    DEVELOPMENT = "development", "How the Local Offer was developed with families"
    SERVICE = "service", "A named service"
    OTHER = "other", "Something else"


# The topics published in the yearly Local Offer publication (regulation 56).
LOCAL_OFFER_TOPICS = (Topic.LOCAL_OFFER_CONTENT, Topic.ACCESSIBILITY, Topic.DEVELOPMENT)


class ResponseKind(models.TextChoices):
    DID = "did", "We did"
    DOING = "doing", "We are doing"
    WILL = "will", "We will"
    COULD_NOT = "could_not", "We could not"


class LeaveOutReason(models.TextChoices):
    """Why an item is not published (regulation 56 lets these be left out)."""

    VEXATIOUS = "vexatious", "Vexatious"
    OWN_SERVICES = "own_services", "About one person's own services"
    DUPLICATE = "duplicate", "A duplicate of another item"


class FeedbackItem(models.Model):
    """Something a family, a group or a survey told the area ("you said"), and the area's
    response ("we did"). `said_by` is never published and never shown to other families."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="feedback_items")
    text = models.TextField("what was said", max_length=4000)
    source = models.CharField("where it came from", max_length=20, choices=Source.choices)
    topic = models.CharField(max_length=30, choices=Topic.choices)
    service_name = models.CharField("name of the service", max_length=200, blank=True)
    said_on = models.DateField("date said")
    said_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_given",
        help_text="Never published, never shown to other families.",
    )
    body = models.ForeignKey(
        "forums.Body", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    # The response.
    owner = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_owned",
        help_text="The officer who answers it.",
    )
    due_on = models.DateField("response due")
    response_kind = models.CharField(max_length=10, choices=ResponseKind.choices, blank=True)
    response_text = models.TextField("what we did or will do", max_length=4000, blank=True)
    will_by = models.DateField("we will by", null=True, blank=True)
    could_not_why = models.TextField("why we could not", max_length=2000, blank=True)
    first_answered_on = models.DateField(null=True, blank=True)
    evidence_initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    evidence_meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    evidence_url = models.URLField("link to a document", max_length=500, blank=True)

    # Publication.
    leave_out_reason = models.CharField(max_length=20, choices=LeaveOutReason.choices, blank=True)
    leave_out_note = models.TextField(blank=True, max_length=2000)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    masked_text = models.TextField(blank=True)
    confirmed_text = models.TextField(
        blank=True, help_text="The anonymised text an officer confirmed: the only text published."
    )
    confirmed_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-said_on", "-pk"]
        indexes = [
            # Newest first, as every list shows them (the page's LIMIT stops early).
            models.Index(
                F("area"), F("said_on").desc(), F("id").desc(), name="feedback_area_said_idx"
            ),
            models.Index(
                F("area"),
                F("said_on").desc(),
                F("id").desc(),
                name="feedback_published_idx",
                condition=Q(published_at__isnull=False),
            ),
            models.Index(
                F("area"),
                F("topic"),
                F("said_on").desc(),
                F("id").desc(),
                name="feedback_published_topic_idx",
                condition=Q(published_at__isnull=False),
            ),
            models.Index(fields=["area", "due_on"]),
            models.Index(fields=["owner", "due_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("said_on")), name="feedback_due_after_said"
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | ~Q(confirmed_text=""),
                name="feedback_published_has_confirmed_text",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(leave_out_reason=""),
                name="feedback_left_out_not_published",
            ),
        ]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.text[:60]}"

    @property
    def is_left_out(self) -> bool:
        return bool(self.leave_out_reason)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_answered(self) -> bool:
        return bool(self.response_kind)

    def is_overdue(self, today) -> bool:
        """No response yet and the due date has passed (left-out items still need one)."""
        return not self.response_kind and self.due_on < today

    @property
    def status_label(self) -> str:
        """What families see: the response's kind, or that we are looking at it."""
        if self.response_kind:
            return self.get_response_kind_display()
        return "Waiting for a response"

    @property
    def topic_label(self) -> str:
        if self.topic == Topic.SERVICE and self.service_name:
            return f"{self.service_name} (a named service)"
        return self.get_topic_display()


class FeedbackStatusChange(models.Model):
    """One change to an item's response, owner or publication: who, when and what."""

    item = models.ForeignKey(FeedbackItem, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=300)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.item_id}: {self.status}"


class FeedbackUpload(models.Model):
    """A spreadsheet of feedback items an officer uploaded, kept (as CSV text) between the
    check page and the import; claimed under a row lock so it is imported once."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255)
    csv_text = models.TextField(blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)
    imported_at = models.DateTimeField(null=True, blank=True)
    imported_count = models.PositiveIntegerField(null=True, blank=True)

    def __str__(self):
        return f"{self.file_name} for {self.area}"
