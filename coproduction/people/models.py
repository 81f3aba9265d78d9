"""People, organisations, local areas and the roles a person holds in each area."""

from datetime import timedelta

import rules
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone


class Sector(models.TextChoices):
    """The sectors that take part in co-production (DOMAIN: sectors)."""

    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care"
    VOLUNTARY = "voluntary", "Voluntary and community"
    PARENT_CARERS = "parent_carers", "Parent carers"
    YOUNG_PEOPLE = "young_people", "Young people"


class Role(models.TextChoices):
    """What a person does in one local area. A person may hold several."""

    PARENT_CARER = "parent_carer", "Parent carer representative"
    YOUNG_PERSON = "young_person", "Young person"
    OFFICER = "officer", "Officer"
    COMMISSIONER = "commissioner", "Commissioner"
    BOARD_MEMBER = "board_member", "Board member"
    AREA_ADMIN = "area_admin", "Area administrator"


FAMILY_ROLES = frozenset({Role.PARENT_CARER, Role.YOUNG_PERSON})
OFFICER_ROLES = frozenset({Role.OFFICER, Role.COMMISSIONER})


class PersonManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("A person needs an email address.")
        person = self.model(email=self.normalize_email(email).lower(), **fields)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class Person(AbstractBaseUser, PermissionsMixin):
    """Anyone who signs in. The email address is the sign-in; there is no username."""

    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        "name",
        max_length=150,
        help_text="The name other people in the portal see, for example Sam Patel.",
    )
    phone = models.CharField("phone number", max_length=30, blank=True)
    access_needs = models.TextField(
        "access needs",
        blank=True,
        help_text=(
            "Anything that helps you take part, for example step-free access, a hearing loop, "
            "papers in large print or breaks. Only you and the organisers of meetings you "
            "attend can see this."
        ),
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        default=False, help_text="Can sign in to the technical admin site."
    )
    date_joined = models.DateTimeField(default=timezone.now)

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"
        ordering = ["display_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="person_email_ci_unique"),
        ]

    def __str__(self):
        return self.display_name or self.email

    def clean(self):
        super().clean()
        self.email = self.email.strip().lower()

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name

    def area_memberships(self) -> list["AreaMembership"]:
        """The person's memberships with their areas, read once and kept.

        Permission checks and the page frame both use it, so a page asks for them once; they
        are kept on Redis between requests too (coproduction/people/access.py), so most
        requests do not ask the database at all.
        """
        from coproduction.people import access

        return access.area_memberships(self)

    def area_roles(self) -> dict[int, frozenset[str]]:
        """Roles by local area id."""
        return {m.area_id: frozenset(m.roles) for m in self.area_memberships()}

    def forget_area_roles(self):
        """Call after changing this person's memberships: the next read asks the database."""
        from coproduction.people import access

        self.__dict__.pop("_access", None)
        access.forget_person_access(self.pk)

    def has_perm(self, perm, obj=None):
        """Area permissions come from the person's roles in the area, and only from them.

        A permission asked about an object (an area or one of its records) and defined with
        `rules` (each app's rules.py) is answered by its predicate alone: Django's superuser
        short cut, which says yes to everything, does not apply, so the admin site's
        superusers see no area they hold no role in. Other permissions (the admin site's
        model permissions, asked without an object) work as Django's.
        """
        if obj is not None and rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)


# First parts of the portal's own addresses, which no area may take as its slug.
RESERVED_SLUGS = frozenset(
    {
        "accounts",
        "account",
        "admin",
        "static",
        "media",
        "healthz",
        "invitations",
        "accessibility",
        "privacy",
        "cookies",
    }
)


def validate_area_slug(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(f"“{slug}” is used by the portal itself. Choose another.")


class LocalArea(models.Model):
    """A local area partnership (a council with its NHS, schools and social care partners)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=60,
        unique=True,
        validators=[validate_area_slug],
        help_text="Used in web addresses, for example /birmingham/.",
    )
    papers_ahead_working_days = models.PositiveSmallIntegerField(
        "papers sent ahead (working days)",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="How many working days before a meeting members must have its papers.",
    )
    family_share_percent = models.PositiveSmallIntegerField(
        "share of members who are families (%)",
        default=25,
        validators=[MaxValueValidator(100)],
        help_text=(
            "The smallest share of a board's or work stream's members who should be parent "
            "carers or young people, as a percentage."
        ),
    )
    group_requests_per_term = models.PositiveSmallIntegerField(
        "requests per participation group per term",
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="How many requests (surveys, meetings, panels) a group should get in a term.",
    )
    person_requests_per_term = models.PositiveSmallIntegerField(
        "requests per person per term",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="How many requests one parent carer or young person should get in a term.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Saves, and makes people's cached memberships (which hold areas) stale."""
        from coproduction.people import access

        super().save(*args, **kwargs)
        access.forget_all_area_access()

    def get_absolute_url(self):
        return reverse("people:area_home", kwargs={"area_slug": self.slug})

    def delete(self, *args, **kwargs):
        from coproduction.people import access

        result = super().delete(*args, **kwargs)
        access.forget_all_area_access()
        return result


class Term(models.Model):
    """A school term in an area: meetings with parent carers are held in term time."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(max_length=60, help_text="For example, Autumn term 2026.")
    starts_on = models.DateField("first day")
    ends_on = models.DateField("last day")

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="term_name_unique_in_area"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="term_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A council department, NHS body, school, provider, forum or charity in an area."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=20, choices=Sector.choices)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "name"], name="organisation_name_unique_in_area"
            ),
        ]

    def __str__(self):
        return self.name


class AreaMembership(models.Model):
    """A person's place in one local area, with one or more roles."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="memberships")
    roles = ArrayField(models.CharField(max_length=20, choices=Role.choices), default=list)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="Where the person works or which forum they come from.",
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["area__name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "area"], name="one_membership_per_area"),
            models.CheckConstraint(condition=~models.Q(roles=[]), name="membership_has_a_role"),
        ]

    def __str__(self):
        return f"{self.person} in {self.area}"

    def save(self, *args, **kwargs):
        """Saves, and drops the person's cached memberships (coproduction/people/access.py).

        Here rather than in each service so the admin site's edits count too."""
        from coproduction.people import access

        super().save(*args, **kwargs)
        access.forget_person_access(self.person_id)

    def delete(self, *args, **kwargs):
        from coproduction.people import access

        result = super().delete(*args, **kwargs)
        access.forget_person_access(self.person_id)
        return result

    @property
    def role_labels(self) -> list[str]:
        return [Role(role).label for role in self.roles]


INVITATION_DAYS = 14


def _invitation_expiry():
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    """An area administrator's invitation to join an area with given roles."""

    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("email address")
    roles = ArrayField(models.CharField(max_length=20, choices=Role.choices))
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation for {self.email} to {self.area}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.cancelled_at is None
            and self.expires_at > timezone.now()
        )

    @property
    def role_labels(self) -> list[str]:
        return [Role(role).label for role in self.roles]
