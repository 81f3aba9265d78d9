"""Courses on co-production, who signed up (with a waiting list) and who attended."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import FAMILY_ROLES, LocalArea, Organisation, Person, Role


class CourseAudience(models.TextChoices):
    """Who a course is for (Birmingham seed: training for staff, young people and parents)."""

    PARENT_CARERS = "parent_carers", "Parent carers"
    YOUNG_PEOPLE = "young_people", "Young people"
    STAFF = "staff", "Staff"
    MIXED = "mixed", "Everyone (mixed groups)"


def audience_fits(audience: str, roles) -> bool:
    """Whether a person holding `roles` in the area may sign up for a course for `audience`.

    Staff are everyone who is not a parent carer or young person (officers, commissioners,
    board members, administrators); a person with a family role and a staff role fits both.
    """
    roles = set(roles)
    if not roles:
        return False
    if audience == CourseAudience.MIXED:
        return True
    if audience == CourseAudience.PARENT_CARERS:
        return Role.PARENT_CARER in roles
    if audience == CourseAudience.YOUNG_PEOPLE:
        return Role.YOUNG_PERSON in roles
    return bool(roles - FAMILY_ROLES)


class Course(models.Model):
    """One course on co-production in an area: what it is, who it is for, who delivers it,
    when and where, and how many places it has."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="courses")
    title = models.CharField(max_length=200)
    description = models.TextField("what the course covers")
    audience = models.CharField("who it is for", max_length=20, choices=CourseAudience.choices)
    delivered_by_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses_delivered",
        verbose_name="organisation delivering it",
    )
    trainers = models.CharField(
        "people delivering it",
        max_length=300,
        blank=True,
        help_text="Names of the trainers, for example Sam Okafor and Helen Ward.",
    )
    co_delivered = models.BooleanField(
        "co-delivered by parent carers or young people",
        default=False,
        help_text="Birmingham found training is most convincing when families help deliver it.",
    )
    starts_on = models.DateField("date")
    start_time = models.TimeField()
    end_time = models.TimeField()
    sessions = models.CharField(
        "more sessions",
        max_length=300,
        blank=True,
        help_text="If the course has more than one session, say when, for example "
        "also 21 and 28 January, same times.",
    )
    online = models.BooleanField(default=False)
    place = models.CharField(
        "where", max_length=300, blank=True, help_text="The address, for courses in person."
    )
    capacity = models.PositiveSmallIntegerField(
        "places", validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    created_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    # Set by the selectors that list courses (see `selectors.free_places`).
    free_places: int

    class Meta:
        ordering = ["starts_on", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="course_has_a_place"),
        ]
        indexes = [models.Index(fields=["area", "starts_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:course", kwargs={"area_slug": self.area.slug, "pk": self.pk})

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = "The end time must be after the start time"
        if not self.online and not self.place.strip():
            errors["place"] = "Enter where the course is held, or say it is online"
        if (
            self.delivered_by_organisation_id
            and self.area_id
            and self.delivered_by_organisation.area_id != self.area_id
        ):
            errors["delivered_by_organisation"] = "Choose an organisation of this area"
        if errors:
            raise ValidationError(errors)

    @property
    def delivered_by(self) -> str:
        """Who delivers it, in words: the organisation and the trainers' names."""
        parts = [str(self.delivered_by_organisation or ""), self.trainers]
        return ", ".join(part for part in parts if part) or "Not recorded"

    def has_started(self, today=None) -> bool:
        return self.starts_on <= (today or timezone.localdate())


class SignUp(models.Model):
    """A person's sign-up for a course: a place, a place on the waiting list, or withdrawn.

    The waiting list is in `queued_at` order (then id). When a place frees, the first person
    waiting gets it (`services.places_fill`); `places_given` counts how often they were given a
    place from the list, so each such place is told to them by one email. `attended` is what
    the officer recorded after the course (None: not recorded yet).
    """

    class Status(models.TextChoices):
        PLACE = "place", "Has a place"
        WAITING = "waiting", "On the waiting list"
        WITHDRAWN = "withdrawn", "Withdrawn"

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sign_ups")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="training_sign_ups")
    status = models.CharField(max_length=10, choices=Status.choices)
    queued_at = models.DateTimeField(default=timezone.now)
    place_given_at = models.DateTimeField(null=True, blank=True)
    places_given = models.PositiveSmallIntegerField(default=0)
    attended = models.BooleanField(null=True, blank=True)
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)

    # Set by `selectors.sign_up_of`: the place on the waiting list (1 is next), or None.
    position: int | None

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "person"], name="one_sign_up_per_course"),
        ]
        indexes = [models.Index(fields=["course", "status", "queued_at"])]

    def __str__(self):
        return f"{self.person} on {self.course}"
