"""The register of co-production initiatives, the options for developing co-production, and
opportunities for parent carers and young people to get involved.

Field rules that need only the row itself live in `clean()` so that the register form and
the CSV import report them at the same field; rules that need other rows or the clock live
in services.py.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import LocalArea, Organisation, Person, Role, Sector


class Co(models.TextChoices):
    """The 4 Co's: the parts of the commissioning cycle families can share (Birmingham)."""

    CO_COMMISSIONING = "co_commissioning", "Co-commissioning"
    CO_DESIGN = "co_design", "Co-design"
    CO_DELIVERY = "co_delivery", "Co-delivery"
    CO_ASSESSMENT = "co_assessment", "Co-assessment"


# Code prefixes, in the order the register lists the 4 Co's (Birmingham's own order).
CODE_PREFIXES = {
    Co.CO_COMMISSIONING: "CoComm",
    Co.CO_DESIGN: "CoDesign",
    Co.CO_DELIVERY: "CoDel",
    Co.CO_ASSESSMENT: "CoAssess",
}
CO_ORDER = list(CODE_PREFIXES)


class EngagementLevel(models.TextChoices):
    """The engagement dial's levels (IMPOWER, from the TLAP ladder), lowest first."""

    INFORMING = "informing", "Informing"
    CONSULTATION = "consultation", "Consultation"
    ENGAGEMENT = "engagement", "Engagement"
    CO_DESIGN = "co_design", "Co-design"
    CO_PRODUCTION = "co_production", "Co-production"


class InitiativeLevel(models.TextChoices):
    INDIVIDUAL = "individual", "Individual (work with one family)"
    SERVICE = "service", "Service"
    STRATEGIC = "strategic", "Strategic"


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    ENDED = "ended", "Ended"


class Publication(models.TextChoices):
    """Who can see an initiative: drafts and archived ones are for the area's officers."""

    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class FundingKind(models.TextChoices):
    RECURRING = "recurring", "Recurring"
    TIME_LIMITED = "time_limited", "Time-limited"


class Option(models.Model):
    """An option for developing co-production in an area, under one of its themes.

    Birmingham's mapping report set out ten themes with options under each; other areas
    may have their own or none. Referred to as "<theme number>.<number>", e.g. 7.2.
    """

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="options")
    theme_number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    theme = models.CharField(max_length=200)
    number = models.PositiveSmallIntegerField(
        "number within the theme", validators=[MinValueValidator(1)]
    )
    text = models.CharField("option", max_length=300)

    class Meta:
        ordering = ["theme_number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "theme_number", "number"], name="option_number_unique_in_area"
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.text}"

    def get_absolute_url(self):
        return reverse("initiatives:option", kwargs={"area_slug": self.area.slug, "pk": self.pk})

    @property
    def reference(self) -> str:
        return f"{self.theme_number}.{self.number}"


class Initiative(models.Model):
    """A co-production initiative in an area's register."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="initiatives")
    code = models.CharField(
        max_length=20,
        help_text="The main Co's prefix and a number, e.g. CoDesign12. Given when registered.",
    )
    code_number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    lead_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="led_initiatives"
    )
    main_co = models.CharField("main Co", max_length=20, choices=Co.choices)
    cos = ArrayField(
        models.CharField(max_length=20, choices=Co.choices),
        verbose_name="Co's",
        help_text="Every Co the initiative involves, the main one included.",
    )
    sectors = ArrayField(models.CharField(max_length=20, choices=Sector.choices))
    level = models.CharField(max_length=20, choices=InitiativeLevel.choices, blank=True)
    status = models.CharField(
        max_length=20, choices=InitiativeStatus.choices, default=InitiativeStatus.ACTIVE
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    funding_source = models.CharField(max_length=200, blank=True)
    funding_amount = models.DecimalField(
        "funding amount (£)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_kind = models.CharField(
        "recurring or time-limited", max_length=20, choices=FundingKind.choices, blank=True
    )
    funding_ends_on = models.DateField("funding end date", null=True, blank=True)
    engagement_aimed = models.CharField(
        "engagement level aimed for", max_length=20, choices=EngagementLevel.choices, blank=True
    )
    engagement_reached = models.CharField(
        "engagement level reached", max_length=20, choices=EngagementLevel.choices, blank=True
    )
    options = models.ManyToManyField(Option, blank=True, related_name="initiatives")
    publication = models.CharField(
        max_length=20, choices=Publication.choices, default=Publication.DRAFT
    )
    # Title, code, summary and outcomes, kept up to date by the services.
    search_vector = SearchVectorField(null=True, editable=False)
    created_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["area", "main_co", "code_number"]
        constraints = [
            models.UniqueConstraint(fields=["area", "code"], name="initiative_code_unique_in_area"),
            models.CheckConstraint(
                condition=models.Q(cos__contains=[models.F("main_co")]),
                name="initiative_main_co_among_cos",
            ),
            models.CheckConstraint(condition=~models.Q(sectors=[]), name="initiative_has_a_sector"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="initiative_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(funding_amount__isnull=True) | models.Q(funding_amount__gte=0),
                name="initiative_funding_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["area", "publication", "main_co"]),
            GinIndex(fields=["sectors"], name="initiative_sectors_gin"),
            GinIndex(fields=["search_vector"], name="initiative_search_gin"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse(
            "initiatives:detail", kwargs={"area_slug": self.area.slug, "code": self.code}
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.main_co and self.cos is not None and self.main_co not in self.cos:
            errors["main_co"] = "The main Co must be one of the Co's the initiative involves."
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be the same as or after the start date."
        if self.status == InitiativeStatus.ENDED and not self.end_date:
            errors["end_date"] = "Enter the date the initiative ended."
        if self.funding_amount is not None and self.funding_amount < 0:
            errors["funding_amount"] = "The funding amount must be £0 or more."
        if self.funding_kind == FundingKind.TIME_LIMITED and not self.funding_ends_on:
            errors["funding_ends_on"] = "Enter the date time-limited funding ends."
        if self.funding_kind == FundingKind.RECURRING and self.funding_ends_on:
            errors["funding_ends_on"] = (
                "Recurring funding has no end date. Leave it empty, or choose time-limited."
            )
        if self.funding_ends_on and not self.funding_kind:
            errors["funding_kind"] = "Say whether the funding is recurring or time-limited."
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.publication == Publication.PUBLISHED

    @property
    def other_cos(self) -> list[str]:
        return [co for co in CO_ORDER if co in self.cos and co != self.main_co]

    def other_co_labels(self) -> list[str]:
        return [Co(co).label for co in self.other_cos]

    def sector_labels(self) -> list[str]:
        return [Sector(sector).label for sector in Sector if sector in self.sectors]


class InitiativeCodeCounter(models.Model):
    """The last number given to an initiative code, per area and Co.

    Services lock this row (select_for_update) while giving out a number, so two officers
    registering at the same moment never get the same code.
    """

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    co = models.CharField(max_length=20, choices=Co.choices)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["area", "co"]
        constraints = [
            models.UniqueConstraint(fields=["area", "co"], name="one_code_counter_per_area_co"),
        ]

    def __str__(self):
        return f"{CODE_PREFIXES[self.co]}{self.last_number} in area {self.area_id}"


class Outcome(models.Model):
    """What will change, how we will know, by when and who is responsible (Leeds style)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="outcomes")
    description = models.TextField("outcome", help_text="What the end result will be.")
    indicators = models.TextField(
        blank=True, help_text="What you will measure to know the outcome is being achieved."
    )
    timescale = models.CharField(
        max_length=200, blank=True, help_text="When it will be done by, e.g. By July 2027."
    )
    responsible = models.CharField(
        "who is responsible", max_length=200, blank=True, help_text="A team, role or group."
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["initiative", "position", "pk"]

    def __str__(self):
        return self.description[:80]


class InitiativeContact(models.Model):
    """Someone to contact about an initiative: a person in the portal, or someone outside."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=150, blank=True)
    role = models.CharField("role or job title", max_length=150, blank=True)
    email = models.EmailField("email address", blank=True)

    class Meta:
        ordering = ["initiative", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | ~models.Q(name=""),
                name="contact_is_a_person_or_has_a_name",
            ),
            models.UniqueConstraint(
                fields=["initiative", "person"], name="contact_person_once_per_initiative"
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.person.display_name if self.person_id else self.name

    @property
    def contact_email(self) -> str:
        return self.person.email if self.person_id else self.email


class InitiativeChange(models.Model):
    """One line of an initiative's history: who changed what, when, from what to what."""

    class Action(models.TextChoices):
        REGISTERED = "registered", "Registered"
        IMPORTED = "imported", "Imported from a CSV file"
        CHANGED = "changed", "Changed"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"
        RESTORED = "restored", "Restored to the register"
        OUTCOME_ADDED = "outcome_added", "Outcome added"
        OUTCOME_CHANGED = "outcome_changed", "Outcome changed"
        OUTCOME_REMOVED = "outcome_removed", "Outcome removed"
        CONTACT_ADDED = "contact_added", "Contact added"
        CONTACT_REMOVED = "contact_removed", "Contact removed"
        OPPORTUNITY_OPENED = "opportunity_opened", "Opportunity opened"
        OPPORTUNITY_CHANGED = "opportunity_changed", "Opportunity changed"
        OPPORTUNITY_CLOSED = "opportunity_closed", "Opportunity closed"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=30, choices=Action.choices)
    field = models.CharField(max_length=100, blank=True, help_text="What changed, in words.")
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["initiative", "-changed_at"])]

    def __str__(self):
        return f"{self.get_action_display()} {self.field}".strip()


class Audience(models.TextChoices):
    """Who an opportunity is for."""

    PARENT_CARERS = "parent_carers", "Parent carers"
    YOUNG_PEOPLE = "young_people", "Young people"
    ANYONE = "anyone", "Anyone (parent carers and young people)"


# Which audiences each family role may join.
AUDIENCES_FOR_ROLE = {
    Role.PARENT_CARER: {Audience.PARENT_CARERS, Audience.ANYONE},
    Role.YOUNG_PERSON: {Audience.YOUNG_PEOPLE, Audience.ANYONE},
}


def audiences_for_roles(roles) -> set[str]:
    audiences = set()
    for role in roles:
        audiences |= AUDIENCES_FOR_ROLE.get(role, set())
    return audiences


class Opportunity(models.Model):
    """An open way for parent carers or young people to take part in an initiative."""

    class Kind(models.TextChoices):
        WORK_STREAM = "work_stream", "A seat on a work stream or group"
        SURVEY = "survey", "A survey"
        INTERVIEW_PANEL = "interview_panel", "An interview panel"
        WORKSHOP = "workshop", "A workshop or focus group"
        TRAINING = "training", "A training session"
        OTHER = "other", "Something else"

    class Support(models.TextChoices):
        EXPENSES = "expenses", "Travel and other expenses paid"
        CHILDCARE = "childcare", "Childcare or replacement care paid"
        TRAINING = "training", "Training before you start"
        ONLINE = "online", "You can take part online"
        INTERPRETER = "interpreter", "An interpreter or BSL signer"
        ACCESSIBLE_PAPERS = "accessible_papers", "Papers in easy read or large print"

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="opportunities")
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="opportunities"
    )
    title = models.CharField("what it is", max_length=200)
    kind = models.CharField("type", max_length=20, choices=Kind.choices)
    description = models.TextField("what you would do")
    audience = models.CharField("who it is for", max_length=20, choices=Audience.choices)
    time_asked = models.CharField("time asked", max_length=200)
    hours_asked = models.DecimalField(
        "time asked (hours in all)",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(999)],
        help_text="Counted in the person's consultation load when their interest is accepted.",
    )
    support_offered = ArrayField(
        models.CharField(max_length=20, choices=Support.choices), default=list, blank=True
    )
    reward = models.CharField(max_length=200, blank=True)
    closes_on = models.DateField("closing date")
    places = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)]
    )
    opened_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities_opened",
        help_text="The officer who answers interest.",
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closed_early_at = models.DateTimeField(null=True, blank=True)
    course = models.ForeignKey(
        "training.Course",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        help_text="A course from the area's training register this opportunity offers.",
    )

    class Meta:
        ordering = ["closes_on", "pk"]
        verbose_name_plural = "opportunities"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(places__isnull=True) | models.Q(places__gte=1),
                name="opportunity_has_a_place",
            ),
        ]
        indexes = [models.Index(fields=["area", "audience", "closes_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "initiatives:opportunity",
            kwargs={
                "area_slug": self.area.slug,
                "code": self.initiative.code,
                "pk": self.pk,
            },
        )

    def clean(self):
        super().clean()
        if self.course_id and self.area_id and self.course.area_id != self.area_id:
            raise ValidationError({"course": "Choose a course of this area"})

    def support_labels(self) -> list[str]:
        return [label for value, label in self.Support.choices if value in self.support_offered]

    def has_closed(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.closed_early_at is not None or self.closes_on < today

    def is_full(self, accepted_count: int) -> bool:
        return self.places is not None and accepted_count >= self.places

    def is_for_roles(self, roles) -> bool:
        return self.audience in audiences_for_roles(roles)


class Interest(models.Model):
    """A parent carer's or young person's interest in an opportunity, and the answer."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Not accepted"
        WITHDRAWN = "withdrawn", "Withdrawn"

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="interests")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interests")
    message = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    response = models.TextField("message to them", blank=True)
    responded_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "person"], name="one_interest_per_person_and_opportunity"
            ),
        ]
        indexes = [
            models.Index(fields=["opportunity", "status"]),
            models.Index(fields=["person", "-updated_at"]),
        ]

    def __str__(self):
        return f"{self.person} in {self.opportunity}"


class ImportUpload(models.Model):
    """A file an officer uploaded to import into an area's register, kept (as CSV text)
    between the check page and the import.

    The import claims it under a row lock and marks it imported in the same transaction, so
    two clicks on "Import initiatives" import it once (services.initiatives_import_upload).
    The text is emptied once imported.
    """

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255)
    csv_text = models.TextField(blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)
    imported_at = models.DateTimeField(null=True, blank=True)
    imported_count = models.PositiveIntegerField(null=True, blank=True)

    def __str__(self):
        return f"{self.file_name} for {self.area}"
