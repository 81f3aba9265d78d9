"""Venues, meetings, agendas, papers (with versions), RSVPs, scheduling warnings, attendance,
declarations, actions, and the record of every meeting email (paper dispatch included).

Times are stored aware (UTC in the database) and shown in Europe/London. A meeting's papers
fall due `area.papers_ahead_working_days` working days before its day (see
`coproduction.people.calendar.working_days_before`).
"""

import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from coproduction.outbox.models import OutboundEmail
from coproduction.people.calendar import working_days_before
from coproduction.people.models import LocalArea
from forums.models import Body


class MeetingSettings(models.Model):
    """An area's meeting rules (one row per area, made on first use with the defaults)."""

    area = models.OneToOneField(
        LocalArea, on_delete=models.CASCADE, related_name="meeting_settings"
    )
    venue_repeat_limit = models.PositiveSmallIntegerField(
        "meetings in a row at one venue",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="Warn when a body's last this many meetings were all at the same venue.",
    )
    paper_size_limit_mb = models.PositiveSmallIntegerField(
        "largest paper (MB)",
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="The largest file, in megabytes, that can be uploaded as a meeting paper.",
    )
    coproduction_standing_item = models.BooleanField(
        "co-production is a standing agenda item",
        default=True,
        help_text="New meetings start with a co-production item on the agenda.",
    )

    class Meta:
        verbose_name_plural = "meeting settings"

    def __str__(self):
        return f"Meeting settings for {self.area}"


class VenueFeature(models.TextChoices):
    STEP_FREE = "step_free", "Step-free entry"
    LIFT = "lift", "Lift"
    ACCESSIBLE_TOILET = "accessible_toilet", "Accessible toilet"
    CHANGING_PLACES = "changing_places", "Changing Places or hoist-assisted toilet"
    HEARING_LOOP = "hearing_loop", "Hearing loop"
    QUIET_ROOM = "quiet_room", "Quiet room"
    PARKING = "parking", "Parking"
    PUBLIC_TRANSPORT = "public_transport", "Public transport nearby"
    BABY_CHANGING = "baby_changing", "Baby changing"


class Venue(models.Model):
    """A place in the area where meetings are held, and what it offers for access."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(max_length=200)
    address = models.TextField()
    travel_notes = models.TextField(
        blank=True, help_text="Buses, trains, parking and how to find the room."
    )
    features = ArrayField(
        models.CharField(max_length=30, choices=VenueFeature.choices),
        default=list,
        blank=True,
        verbose_name="access",
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="How many people the room holds."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="venue_name_unique_in_area"),
        ]

    def __str__(self):
        return self.name

    def feature_labels(self) -> list[str]:
        return [VenueFeature(f).label for f in self.features]


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "In person and online"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    MOVED = "moved", "Moved"
    CANCELLED = "cancelled", "Cancelled"
    HELD = "held", "Held"


class Meeting(models.Model):
    """A meeting of a board or work stream.

    Invitees are the body's current members (those copied in included) and the guests.
    `sequence` counts changes of time, place or status, for calendar invites (RFC 5545
    SEQUENCE): a moved or cancelled invite keeps the UID and has a higher SEQUENCE.
    """

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField("start")
    ends_at = models.DateTimeField("end")
    mode = models.CharField(
        max_length=20, choices=MeetingMode.choices, default=MeetingMode.IN_PERSON
    )
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    join_link = models.URLField(
        "online joining link", blank=True, help_text="Shown only to the people invited."
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings_chaired",
        help_text="The contact for questions before the meeting.",
    )
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    sequence = models.PositiveIntegerField(default=0)
    minutes = models.TextField(blank=True)
    minutes_approved_at = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="minutes_approved",
        help_text="The meeting at which these minutes were approved.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="meetings_scheduled",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_it_starts",
                violation_error_message="The meeting must end after it starts.",
            ),
        ]
        indexes = [models.Index(fields=["body", "starts_at"]), models.Index(fields=["starts_at"])]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%d %B %Y})"

    def get_absolute_url(self):
        return reverse(
            "meetings:meeting_detail",
            kwargs={"area_slug": self.body.area.slug, "pk": self.pk},
        )

    @property
    def area_id(self) -> int:
        """The meeting's local area (for the area predicates of `rules`)."""
        return self.body.area_id

    @property
    def local_day(self):
        return timezone.localtime(self.starts_at).date()

    def papers_due_on(self, papers_ahead_working_days: int | None = None):
        """The day papers must reach invitees: the area's working days before the meeting."""
        if papers_ahead_working_days is None:
            papers_ahead_working_days = self.body.area.papers_ahead_working_days
        return working_days_before(self.local_day, papers_ahead_working_days)

    @property
    def is_open(self) -> bool:
        """Scheduled or moved: still to happen, papers still to go out."""
        return self.status in (MeetingStatus.SCHEDULED, MeetingStatus.MOVED)

    @property
    def ical_uid(self) -> str:
        return f"meeting-{self.pk}@{settings.SITE_URL.split('//')[-1].strip('/')}"


class ItemPurpose(models.TextChoices):
    DECISION = "decision", "For decision"
    DISCUSSION = "discussion", "For discussion"
    INFORMATION = "information", "For information"


class AgendaItem(models.Model):
    """One item on a meeting's agenda; the decision or outcome is written after the meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=200)
    purpose = models.CharField(
        max_length=20, choices=ItemPurpose.choices, default=ItemPurpose.DISCUSSION
    )
    presenter = models.CharField(max_length=150, blank=True)
    minutes_allowed = models.PositiveSmallIntegerField(
        "time allowed (minutes)", null=True, blank=True
    )
    is_coproduction = models.BooleanField(
        "co-production standing item",
        default=False,
        help_text="How families shaped this work, and what they asked for.",
    )
    outcome = models.TextField("decision or outcome", blank=True)

    class Meta:
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        return self.title


class Paper(models.Model):
    """A paper for an agenda item. Each upload is a new `PaperVersion`; old ones are kept.

    `first_added_at` decides lateness: a paper first added after its meeting's due date is
    late (shown on the meeting page and in the email; the chair is told once).
    """

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    summary = models.TextField(
        "summary in plain English",
        help_text="What the paper says and what the meeting is asked to do, in a few lines.",
    )
    is_late = models.BooleanField(default=False)
    first_added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["agenda_item__position", "pk"]

    def __str__(self):
        return self.title


def paper_upload_to(version: "PaperVersion", filename: str) -> str:
    # Never served from MEDIA_URL: downloads go through a permission-checked view.
    return f"meeting-papers/{secrets.token_hex(16)}/{filename}"


class PaperVersion(models.Model):
    """One uploaded file of a paper. Numbers count from 1 per paper."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    file = models.FileField(upload_to=paper_upload_to, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField(help_text="Bytes.")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["paper", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "number"], name="paper_version_number_unique"),
        ]

    def __str__(self):
        return f"{self.paper} version {self.number}"

    @property
    def download_name(self) -> str:
        """The file name a download gets: the paper's title with its version, e.g.
        `budget-v2.pdf`."""
        from django.utils.text import slugify

        return f"{slugify(self.paper.title)[:80] or 'paper'}-v{self.number}.{self.extension}"


class Guest(models.Model):
    """Someone invited to one meeting who is not a member of the body."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(max_length=150)
    email = models.EmailField()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "email"], name="guest_once_per_meeting"),
        ]

    def __str__(self):
        return self.name


class MeetingPreferences(models.Model):
    """A person's own meeting settings: access they need at venues, reminders, calendar feed.

    `calendar_token` is the secret in their calendar feed's address; resetting it makes the
    old address stop working.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_preferences"
    )
    needed_features = ArrayField(
        models.CharField(max_length=30, choices=VenueFeature.choices),
        default=list,
        blank=True,
        verbose_name="what you need at a venue",
    )
    reminders = models.BooleanField("email me a reminder the day before a meeting", default=True)
    calendar_token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)

    def __str__(self):
        return f"Meeting preferences of {self.person}"


class RsvpAnswer(models.TextChoices):
    ATTENDING = "attending", "I'm coming"
    APOLOGIES = "apologies", "I can't come (apologies)"
    NOT_SURE = "not_sure", "I'm not sure yet"


class Rsvp(models.Model):
    """An invitee's reply, and the access they need for this meeting (seen only by them and
    the organisers)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_rsvps"
    )
    answer = models.CharField(max_length=20, choices=RsvpAnswer.choices)
    needed_features = ArrayField(
        models.CharField(max_length=30, choices=VenueFeature.choices), default=list, blank=True
    )
    access_needs = models.TextField("anything else you need", blank=True)
    answered_at = models.DateTimeField(default=timezone.now)
    withdrawn = models.BooleanField(
        default=False, help_text="The person left the area; their reply no longer counts."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_rsvp_per_meeting"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_answer_display()}"

    @property
    def needed_feature_labels(self) -> list[str]:
        """What the person needs at the venue, in words (e.g. "Hearing loop"), in the order
        they chose; a value no longer among the features is shown as stored."""
        labels = dict(VenueFeature.choices)
        return [labels.get(f, f) for f in self.needed_features]


class WarningCode(models.TextChoices):
    PARENT_CARER_HOURS = "parent_carer_hours", "Parent carers: term-time weekday, 10:00 to 14:00"
    YOUNG_PEOPLE_SCHOOL = "young_people_school", "Young people: not in school hours"
    SAME_VENUE = "same_venue", "Same venue as the last meetings"
    VENUE_ACCESS = "venue_access", "Venue lacks access someone needs"
    CAPACITY = "capacity", "More people invited than the venue holds"
    PAPERS_LATE = "papers_late", "Papers due date already passed"


class SchedulingWarning(models.Model):
    """A scheduling rule the meeting breaks, acknowledged by the organiser with a reason.

    Written each time the meeting is scheduled or changed; shown to the chair.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="warnings")
    code = models.CharField(max_length=30, choices=WarningCode.choices)
    message = models.TextField()
    reason = models.TextField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-acknowledged_at", "code"]

    def __str__(self):
        return self.message


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_attendance"
    )
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="one_attendance_per_meeting"
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"


class Declaration(models.Model):
    """A declared interest in an agenda item (a parent carer whose child uses a service being
    commissioned, an officer of a bidding provider)."""

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="declarations"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    interest = models.TextField()

    def __str__(self):
        return f"{self.person}: {self.interest[:60]}"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class MeetingAction(models.Model):
    """An action agreed at a meeting. Open actions carry to the body's next meetings."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    due_on = models.DateField("due date", null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description[:80]


class MeetingEmailKind(models.TextChoices):
    PAPERS = "papers", "Papers"
    UPDATED_PAPERS = "updated_papers", "Updated papers"
    REMINDER = "reminder", "Reminder"
    MOVED = "moved", "Meeting moved"
    CANCELLED = "cancelled", "Meeting cancelled"
    LATE_PAPER = "late_paper", "Late paper (to the chair)"


class MeetingEmail(models.Model):
    """One email about a meeting to one recipient: the dispatch log organisers see. Whether
    it went is on the outbox row (`email.status`, `sent_at`, `last_error`)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="emails")
    to = models.EmailField()
    kind = models.CharField(max_length=20, choices=MeetingEmailKind.choices)
    key = models.CharField(
        max_length=200,
        unique=True,
        help_text="The logical message (also the outbox's idempotency key): one row each.",
    )
    email = models.ForeignKey(OutboundEmail, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "to"]
        indexes = [models.Index(fields=["meeting", "to"])]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.to}"


class PaperDispatch(models.Model):
    """A paper version sent to one recipient: at most one row per (recipient, version), the
    unique constraint that makes dispatch exactly once."""

    paper_version = models.ForeignKey(
        PaperVersion, on_delete=models.CASCADE, related_name="dispatches"
    )
    to = models.EmailField()
    meeting_email = models.ForeignKey(
        MeetingEmail, on_delete=models.CASCADE, related_name="dispatches"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["to", "paper_version"], name="one_dispatch_per_recipient_and_version"
            ),
        ]

    def __str__(self):
        return f"{self.paper_version} to {self.to}"
