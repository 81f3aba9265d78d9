"""Every change to initiatives, their outcomes, contacts and options, opportunities and
interest happens here. Each change an officer makes to an initiative is written to its
history (InitiativeChange) in the same transaction.
"""

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.urls import reverse
from django.utils import dateformat, timezone

from coproduction.consultation.models import RequestKind
from coproduction.consultation.services import consultation_request_record
from coproduction.outbox.services import email_queue_template
from coproduction.people.models import LocalArea, Organisation, Person, Sector
from initiatives.models import (
    CO_ORDER,
    CODE_PREFIXES,
    Co,
    EngagementLevel,
    FundingKind,
    Initiative,
    InitiativeChange,
    InitiativeCodeCounter,
    InitiativeContact,
    InitiativeLevel,
    InitiativeStatus,
    Interest,
    Opportunity,
    Option,
    Outcome,
    Publication,
)

logger = logging.getLogger(__name__)
Action = InitiativeChange.Action


# What an officer says about an initiative -----------------------------------------------------


@dataclass(kw_only=True)
class InitiativeDetails:
    """Everything the register form (and a row of a CSV import) says about an initiative."""

    title: str
    summary: str = ""
    main_co: str
    cos: list[str]
    sectors: list[str]
    level: str = ""
    status: str = InitiativeStatus.ACTIVE
    start_date: date | None = None
    end_date: date | None = None
    lead_organisations: list[Organisation] = field(default_factory=list)
    funding_source: str = ""
    funding_amount: Decimal | None = None
    funding_kind: str = ""
    funding_ends_on: date | None = None
    engagement_aimed: str = ""
    engagement_reached: str = ""

    # Fields stored on the Initiative row itself (lead organisations are a relation).
    ROW_FIELDS = (
        "title",
        "summary",
        "main_co",
        "cos",
        "sectors",
        "level",
        "status",
        "start_date",
        "end_date",
        "funding_source",
        "funding_amount",
        "funding_kind",
        "funding_ends_on",
        "engagement_aimed",
        "engagement_reached",
    )

    def apply_to(self, initiative: Initiative) -> None:
        """Copy the row fields onto `initiative`, tidied (spaces, canonical order)."""
        initiative.title = " ".join(self.title.split())
        initiative.summary = self.summary.strip()
        initiative.main_co = self.main_co
        # Lists in a fixed order, so comparing and exporting them is stable.
        initiative.cos = [co for co in CO_ORDER if co in set(self.cos)]
        initiative.sectors = [sector for sector in Sector.values if sector in set(self.sectors)]
        for name in self.ROW_FIELDS:
            if name not in {"title", "summary", "cos", "sectors", "main_co"}:
                value = getattr(self, name)
                setattr(initiative, name, value.strip() if isinstance(value, str) else value)


# History -------------------------------------------------------------------------------------

# Field, and the words the history uses for it, in the order changes are listed.
HISTORY_FIELDS = [
    ("title", "Title"),
    ("summary", "Summary"),
    ("main_co", "Main Co"),
    ("cos", "Co's"),
    ("sectors", "Sectors"),
    ("level", "Level"),
    ("status", "Status"),
    ("start_date", "Start date"),
    ("end_date", "End date"),
    ("lead_organisations", "Lead organisations"),
    ("funding_source", "Funding source"),
    ("funding_amount", "Funding amount"),
    ("funding_kind", "Recurring or time-limited"),
    ("funding_ends_on", "Funding end date"),
    ("engagement_aimed", "Engagement level aimed for"),
    ("engagement_reached", "Engagement level reached"),
]
CHOICES = {
    "main_co": Co,
    "cos": Co,
    "sectors": Sector,
    "level": InitiativeLevel,
    "status": InitiativeStatus,
    "funding_kind": FundingKind,
    "engagement_aimed": EngagementLevel,
    "engagement_reached": EngagementLevel,
}


def _in_words(name: str, value) -> str:
    """A field's value as the history shows it."""
    if value in (None, "", []):
        return ""
    if name in CHOICES:
        choices = CHOICES[name]
        if isinstance(value, list):
            return "; ".join(choices(item).label for item in value)
        return choices(value).label
    if isinstance(value, date):
        return dateformat.format(value, "j F Y")
    if isinstance(value, Decimal):
        return f"£{value:,.2f}"
    if name == "lead_organisations":
        return "; ".join(sorted(org.name for org in value))
    return str(value)


def _snapshot(initiative: Initiative, organisations: Iterable[Organisation]) -> dict[str, str]:
    values = {name: getattr(initiative, name) for name in InitiativeDetails.ROW_FIELDS}
    values["lead_organisations"] = list(organisations)
    return {name: _in_words(name, values[name]) for name, _label in HISTORY_FIELDS}


def _record(initiative: Initiative, by: Person | None, action: str, **change) -> None:
    InitiativeChange.objects.create(
        initiative=initiative, changed_by=by, action=action, changed_at=timezone.now(), **change
    )


def _record_differences(
    initiative: Initiative, by: Person | None, before: dict[str, str], after: dict[str, str]
) -> int:
    now = timezone.now()
    rows = [
        InitiativeChange(
            initiative=initiative,
            changed_by=by,
            changed_at=now,
            action=Action.CHANGED,
            field=label,
            old_value=before[name],
            new_value=after[name],
        )
        for name, label in HISTORY_FIELDS
        if before[name] != after[name]
    ]
    InitiativeChange.objects.bulk_create(rows)
    return len(rows)


# Codes ---------------------------------------------------------------------------------------


def _locked_counter(area: LocalArea, co: str) -> InitiativeCodeCounter:
    """The area's counter for `co`, locked until the transaction ends.

    Two transactions that create the counter at once: one insert waits on the unique index,
    fails when the other commits, and get_or_create then reads (and locks) the committed row.
    """
    counter, _created = InitiativeCodeCounter.objects.select_for_update().get_or_create(
        area=area, co=co
    )
    return counter


def _claim_next_code(area: LocalArea, co: str) -> tuple[str, int]:
    counter = _locked_counter(area, co)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{CODE_PREFIXES[co]}{counter.last_number}", counter.last_number


# Search --------------------------------------------------------------------------------------


def initiatives_refresh_search(*, initiative_ids: Iterable[int]) -> None:
    """Rebuild the stored search vector (code and title, summary, outcomes) in one UPDATE."""
    outcome_text = (
        Outcome.objects.filter(initiative=OuterRef("pk"))
        .order_by()
        .values("initiative")
        .annotate(
            text=StringAgg(
                Concat("description", Value(" "), "indicators", output_field=TextField()),
                delimiter=" ",
                order_by="pk",
            )
        )
        .values("text")
    )
    Initiative.objects.filter(pk__in=list(initiative_ids)).update(
        search_vector=SearchVector("code", "title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector(
            Coalesce(Subquery(outcome_text), Value(""), output_field=TextField()),
            weight="C",
            config="english",
        )
    )


# Initiatives ---------------------------------------------------------------------------------


def _check_duplicate_title(initiative: Initiative) -> None:
    """Warn (as a ValidationError with code "duplicate_title") about a title already used."""
    same = (
        Initiative.objects.filter(area_id=initiative.area_id, title__iexact=initiative.title)
        .exclude(pk=initiative.pk)
        .first()
    )
    if same is not None:
        raise ValidationError(
            {
                "title": ValidationError(
                    f"{same.code} is already called “{same.title}”. Check it is not the same "
                    "initiative. If it is a different one, confirm below that you want to "
                    "use this title too.",
                    code="duplicate_title",
                )
            }
        )


def _check_organisations(area: LocalArea, organisations: Sequence[Organisation]) -> None:
    if any(org.area_id != area.pk for org in organisations):
        raise ValidationError({"lead_organisations": "Choose organisations from this local area."})


@transaction.atomic
def initiative_register(
    *,
    area: LocalArea,
    by: Person,
    details: InitiativeDetails,
    allow_duplicate_title: bool = False,
) -> Initiative:
    """Register a new initiative in `area` as a draft, with the next code for its main Co.

    The code's number comes from a per-area, per-Co counter row locked for the rest of the
    transaction, so officers registering at the same moment get different codes. A title
    already used in the area is refused (code "duplicate_title") unless
    `allow_duplicate_title` is true.
    """
    initiative = Initiative(area=area, created_by=by, publication=Publication.DRAFT)
    details.apply_to(initiative)
    _check_organisations(area, details.lead_organisations)
    if not allow_duplicate_title:
        _check_duplicate_title(initiative)
    # Check everything before taking a number, so a refused form does not use one up.
    initiative.code, initiative.code_number = "pending", 0
    initiative.full_clean(exclude=["code", "code_number"], validate_constraints=False)
    initiative.code, initiative.code_number = _claim_next_code(area, initiative.main_co)
    initiative.full_clean()
    initiative.save()
    initiative.lead_organisations.set(details.lead_organisations)
    _record(initiative, by, Action.REGISTERED)
    initiatives_refresh_search(initiative_ids=[initiative.pk])
    return initiative


def _locked(initiative: Initiative) -> Initiative:
    return Initiative.objects.select_for_update().get(pk=initiative.pk)


@transaction.atomic
def initiative_update(
    *,
    initiative: Initiative,
    by: Person,
    details: InitiativeDetails,
    allow_duplicate_title: bool = False,
) -> Initiative:
    """Change an initiative's details, writing one history line per field changed.

    The code stays as it was, even when the main Co changes: people quote it.
    """
    initiative = _locked(initiative)
    before = _snapshot(initiative, initiative.lead_organisations.all())
    details.apply_to(initiative)
    _check_organisations(initiative.area, details.lead_organisations)
    if not allow_duplicate_title:
        _check_duplicate_title(initiative)
    initiative.full_clean()
    initiative.updated_at = timezone.now()
    initiative.save()
    initiative.lead_organisations.set(details.lead_organisations)
    _record_differences(initiative, by, before, _snapshot(initiative, details.lead_organisations))
    initiatives_refresh_search(initiative_ids=[initiative.pk])
    return initiative


@transaction.atomic
def initiative_change_status(
    *,
    initiative: Initiative,
    by: Person,
    status: str,
    start_date: date | None,
    end_date: date | None,
) -> Initiative:
    initiative = _locked(initiative)
    organisations = list(initiative.lead_organisations.all())
    before = _snapshot(initiative, organisations)
    initiative.status = status
    initiative.start_date = start_date
    initiative.end_date = end_date
    initiative.full_clean()
    initiative.updated_at = timezone.now()
    initiative.save(update_fields=["status", "start_date", "end_date", "updated_at"])
    _record_differences(initiative, by, before, _snapshot(initiative, organisations))
    return initiative


def _set_publication(initiative: Initiative, by: Person, publication: str, action: str):
    initiative = _locked(initiative)
    if initiative.publication == publication:
        return initiative
    old = initiative.get_publication_display()
    initiative.publication = publication
    initiative.updated_at = timezone.now()
    initiative.save(update_fields=["publication", "updated_at"])
    _record(
        initiative,
        by,
        action,
        field="Who can see it",
        old_value=old,
        new_value=initiative.get_publication_display(),
    )
    return initiative


@transaction.atomic
def initiative_publish(*, initiative: Initiative, by: Person) -> Initiative:
    """Put a draft in the register for everyone in the area. Safe to repeat."""
    return _set_publication(initiative, by, Publication.PUBLISHED, Action.PUBLISHED)


@transaction.atomic
def initiative_archive(*, initiative: Initiative, by: Person) -> Initiative:
    """Take an initiative out of the register; officers can still see and restore it."""
    return _set_publication(initiative, by, Publication.ARCHIVED, Action.ARCHIVED)


@transaction.atomic
def initiative_restore(*, initiative: Initiative, by: Person) -> Initiative:
    """Put an archived initiative back in the register."""
    return _set_publication(initiative, by, Publication.PUBLISHED, Action.RESTORED)


@transaction.atomic
def initiative_set_options(
    *, initiative: Initiative, by: Person, options: Sequence[Option]
) -> Initiative:
    """Link an initiative to exactly these options of its area."""
    if any(option.area_id != initiative.area_id for option in options):
        raise ValidationError({"options": "Choose options from this local area."})
    initiative = _locked(initiative)
    before = sorted(initiative.options.all(), key=lambda o: (o.theme_number, o.number))
    after = sorted(options, key=lambda o: (o.theme_number, o.number))
    if [o.pk for o in before] != [o.pk for o in after]:
        initiative.options.set(after)
        _record(
            initiative,
            by,
            Action.CHANGED,
            field="Options",
            old_value="; ".join(str(o) for o in before),
            new_value="; ".join(str(o) for o in after),
        )
    return initiative


# Outcomes ------------------------------------------------------------------------------------


def _outcome_in_words(outcome: Outcome) -> str:
    parts = [outcome.description]
    if outcome.indicators:
        parts.append(f"Indicators: {outcome.indicators}")
    if outcome.timescale:
        parts.append(f"Timescale: {outcome.timescale}")
    if outcome.responsible:
        parts.append(f"Responsible: {outcome.responsible}")
    return "\n".join(parts)


@transaction.atomic
def outcome_add(
    *,
    initiative: Initiative,
    by: Person,
    description: str,
    indicators: str = "",
    timescale: str = "",
    responsible: str = "",
) -> Outcome:
    initiative = _locked(initiative)
    last = initiative.outcomes.order_by("-position").values_list("position", flat=True).first()
    outcome = Outcome(
        initiative=initiative,
        description=description.strip(),
        indicators=indicators.strip(),
        timescale=timescale.strip(),
        responsible=responsible.strip(),
        position=(last or 0) + 1,
    )
    outcome.full_clean()
    outcome.save()
    _record(initiative, by, Action.OUTCOME_ADDED, new_value=_outcome_in_words(outcome))
    initiatives_refresh_search(initiative_ids=[initiative.pk])
    return outcome


@transaction.atomic
def outcome_update(
    *,
    outcome: Outcome,
    by: Person,
    description: str,
    indicators: str = "",
    timescale: str = "",
    responsible: str = "",
) -> Outcome:
    outcome = Outcome.objects.select_for_update().get(pk=outcome.pk)
    old = _outcome_in_words(outcome)
    outcome.description = description.strip()
    outcome.indicators = indicators.strip()
    outcome.timescale = timescale.strip()
    outcome.responsible = responsible.strip()
    outcome.full_clean()
    outcome.save()
    new = _outcome_in_words(outcome)
    if new != old:
        _record(outcome.initiative, by, Action.OUTCOME_CHANGED, old_value=old, new_value=new)
        initiatives_refresh_search(initiative_ids=[outcome.initiative_id])
    return outcome


@transaction.atomic
def outcome_remove(*, outcome: Outcome, by: Person) -> None:
    initiative = outcome.initiative
    _record(initiative, by, Action.OUTCOME_REMOVED, old_value=_outcome_in_words(outcome))
    outcome.delete()
    initiatives_refresh_search(initiative_ids=[initiative.pk])


# Contacts ------------------------------------------------------------------------------------


@transaction.atomic
def contact_add(
    *,
    initiative: Initiative,
    by: Person,
    person: Person | None = None,
    name: str = "",
    role: str = "",
    email: str = "",
) -> InitiativeContact:
    """Add a contact: a member of the area (`person`), or someone outside by name and role."""
    name, role, email = name.strip(), role.strip(), email.strip().lower()
    if person is not None and (name or email):
        raise ValidationError(
            {"name": "Choose a person in the portal, or enter someone else's name, not both."}
        )
    if person is None and not name:
        raise ValidationError(
            {"person": "Choose a person in the portal, or enter the name of someone else."}
        )
    if person is not None:
        if initiative.area_id not in person.area_roles():
            raise ValidationError({"person": "Choose someone who belongs to this local area."})
        if initiative.contacts.filter(person=person).exists():
            raise ValidationError({"person": f"{person} is already a contact."})
    contact = InitiativeContact(
        initiative=initiative, person=person, name=name, role=role, email=email
    )
    contact.full_clean()
    contact.save()
    words = contact.display_name + (f" ({contact.role})" if contact.role else "")
    _record(initiative, by, Action.CONTACT_ADDED, new_value=words)
    return contact


@transaction.atomic
def contact_remove(*, contact: InitiativeContact, by: Person) -> None:
    words = contact.display_name + (f" ({contact.role})" if contact.role else "")
    _record(contact.initiative, by, Action.CONTACT_REMOVED, old_value=words)
    contact.delete()


# Options -------------------------------------------------------------------------------------


@transaction.atomic
def options_load(*, area: LocalArea, rows: Iterable[dict]) -> list[Option]:
    """Create an area's options from rows with theme_number, theme and option (the CSV's
    columns). Options are numbered within their theme in the order given. Idempotent: an
    option already there (same theme and number) is left as it is.
    """
    options = []
    numbers: dict[int, int] = {}
    for row in rows:
        theme_number = int(row["theme_number"])
        numbers[theme_number] = numbers.get(theme_number, 0) + 1
        option, _created = Option.objects.get_or_create(
            area=area,
            theme_number=theme_number,
            number=numbers[theme_number],
            defaults={"theme": row["theme"].strip(), "text": row["option"].strip()},
        )
        options.append(option)
    return options


# CSV import ----------------------------------------------------------------------------------


@transaction.atomic
def initiatives_import(
    *, area: LocalArea, by: Person | None, csv_text: str, publish: bool
) -> list[Initiative]:
    """Create every initiative in a CSV file, or none.

    The file is checked again here, with the area's code counters locked, so what was clean
    at the preview is still clean when saved; any problem raises a ValidationError listing
    them and nothing is saved. Rows without a publication go in as published when `publish`
    is true, as drafts otherwise.
    """
    from initiatives.csv_format import check_initiatives_csv

    counters = {co: _locked_counter(area, co) for co in CO_ORDER}
    check = check_initiatives_csv(area=area, csv_text=csv_text)
    if not check.is_clean:
        raise ValidationError([problem.sentence for problem in check.problems])
    # Codes given in the file first, so the codes we give out continue after them.
    for row in check.rows:
        if row.code:
            counter = counters[row.details.main_co]
            counter.last_number = max(counter.last_number, row.code[1])
    default_publication = Publication.PUBLISHED if publish else Publication.DRAFT
    now = timezone.now()
    initiatives = []
    for row in check.rows:
        initiative = Initiative(
            area=area,
            created_by=by,
            publication=row.publication or default_publication,
            created_at=now,
            updated_at=now,
        )
        row.details.apply_to(initiative)
        if row.code:
            initiative.code, initiative.code_number = row.code
        else:
            counter = counters[initiative.main_co]
            counter.last_number += 1
            initiative.code = f"{CODE_PREFIXES[initiative.main_co]}{counter.last_number}"
            initiative.code_number = counter.last_number
        # The check validated every row and its codes against the locked counters; the
        # database's constraints stand behind it. Rows go in together, in few queries.
        initiative.full_clean(exclude=["area", "created_by"], validate_constraints=False)
        initiatives.append(initiative)
    Initiative.objects.bulk_create(initiatives, batch_size=500)
    for counter in counters.values():
        counter.save(update_fields=["last_number"])
    Initiative.lead_organisations.through.objects.bulk_create(
        [
            Initiative.lead_organisations.through(initiative=initiative, organisation=org)
            for initiative, row in zip(initiatives, check.rows, strict=True)
            for org in row.details.lead_organisations
        ],
        batch_size=1000,
    )
    Initiative.options.through.objects.bulk_create(
        [
            Initiative.options.through(initiative=initiative, option=option)
            for initiative, row in zip(initiatives, check.rows, strict=True)
            for option in row.options
        ],
        batch_size=1000,
    )
    InitiativeChange.objects.bulk_create(
        [
            InitiativeChange(
                initiative=initiative, changed_by=by, changed_at=now, action=Action.IMPORTED
            )
            for initiative in initiatives
        ],
        batch_size=1000,
    )
    initiatives_refresh_search(initiative_ids=[initiative.pk for initiative in initiatives])
    return initiatives


# Opportunities -------------------------------------------------------------------------------


@dataclass(kw_only=True)
class OpportunityDetails:
    title: str
    kind: str
    description: str
    audience: str
    time_asked: str
    hours_asked: Decimal
    support_offered: list[str] = field(default_factory=list)
    reward: str = ""
    closes_on: date
    places: int | None = None

    def apply_to(self, opportunity: Opportunity) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            setattr(opportunity, name, value.strip() if isinstance(value, str) else value)
        opportunity.support_offered = [
            value for value in Opportunity.Support.values if value in set(self.support_offered)
        ]


def _check_closing_date(closes_on: date) -> None:
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": "The closing date must be today or in the future."})


@transaction.atomic
def opportunity_open(
    *, initiative: Initiative, by: Person, details: OpportunityDetails
) -> Opportunity:
    """Open a way to get involved in `initiative`; `by` answers the interest it gets."""
    _check_closing_date(details.closes_on)
    opportunity = Opportunity(area_id=initiative.area_id, initiative=initiative, opened_by=by)
    details.apply_to(opportunity)
    opportunity.full_clean()
    opportunity.save()
    _record(initiative, by, Action.OPPORTUNITY_OPENED, new_value=opportunity.title)
    return opportunity


@transaction.atomic
def opportunity_update(
    *, opportunity: Opportunity, by: Person, details: OpportunityDetails
) -> Opportunity:
    """Change an opportunity. A closing date in the past is refused unless it is unchanged."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if details.closes_on != opportunity.closes_on:
        _check_closing_date(details.closes_on)
    accepted = opportunity.interests.filter(status=Interest.Status.ACCEPTED).count()
    if details.places is not None and details.places < accepted:
        raise ValidationError(
            {
                "places": f"You have already accepted {accepted} people. "
                f"Enter {accepted} places or more."
            }
        )
    details.apply_to(opportunity)
    opportunity.full_clean()
    opportunity.save()
    _record(opportunity.initiative, by, Action.OPPORTUNITY_CHANGED, new_value=opportunity.title)
    return opportunity


@transaction.atomic
def opportunity_close(*, opportunity: Opportunity, by: Person) -> Opportunity:
    """Stop taking interest before the closing date. Safe to repeat."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if opportunity.closed_early_at is None:
        opportunity.closed_early_at = timezone.now()
        opportunity.save(update_fields=["closed_early_at"])
        _record(opportunity.initiative, by, Action.OPPORTUNITY_CLOSED, old_value=opportunity.title)
    return opportunity


# Interest ------------------------------------------------------------------------------------


def _opportunity_url(opportunity: Opportunity) -> str:
    return settings.SITE_URL + reverse(
        "initiatives:opportunity",
        kwargs={
            "area_slug": opportunity.area.slug,
            "code": opportunity.initiative.code,
            "pk": opportunity.pk,
        },
    )


def _accepted_count(opportunity: Opportunity) -> int:
    return opportunity.interests.filter(status=Interest.Status.ACCEPTED).count()


def _email_owner(opportunity: Opportunity, interest: Interest, template: str, purpose: str):
    owner = opportunity.opened_by
    if owner is None or not owner.is_active:
        logger.info("Opportunity %s has no officer to tell about %s", opportunity.pk, purpose)
        return
    email_queue_template(
        to=owner.email,
        template=f"initiatives/email/{template}",
        context={
            "opportunity": opportunity,
            "interest": interest,
            "url": _opportunity_url(opportunity),
        },
        purpose=purpose,
    )


def _email_person(interest: Interest, template: str, purpose: str):
    email_queue_template(
        to=interest.person.email,
        template=f"initiatives/email/{template}",
        context={
            "opportunity": interest.opportunity,
            "interest": interest,
            "url": _opportunity_url(interest.opportunity),
        },
        purpose=purpose,
    )


@transaction.atomic
def interest_express(*, opportunity: Opportunity, person: Person, message: str = "") -> Interest:
    """Record that `person` would like to take part, and email them and the officer.

    One interest per person and opportunity (a unique constraint): someone who withdrew may
    ask again while the opportunity is open. Refused when the closing date has passed, the
    officer closed it, every place is taken, or it is not for people in the person's role.
    """
    opportunity = (
        Opportunity.objects.select_for_update(of=("self",))
        .select_related("area", "initiative", "opened_by")
        .get(pk=opportunity.pk)
    )
    if not opportunity.is_for_roles(person.area_roles().get(opportunity.area_id, ())):
        raise ValidationError(
            f"This opportunity is for {opportunity.get_audience_display().lower()}."
        )
    if opportunity.has_closed():
        raise ValidationError("This opportunity has closed. It is not taking interest any more.")
    if opportunity.is_full(_accepted_count(opportunity)):
        raise ValidationError("Every place has been taken. It is not taking interest any more.")
    interest = Interest.objects.filter(opportunity=opportunity, person=person).first()
    if interest is not None and interest.status != Interest.Status.WITHDRAWN:
        raise ValidationError("You have already said you are interested.")
    if interest is None:
        interest = Interest(opportunity=opportunity, person=person)
    interest.message = message.strip()
    interest.status = Interest.Status.PENDING
    interest.response, interest.responded_by, interest.responded_at = "", None, None
    interest.updated_at = timezone.now()
    interest.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            interest.save()
    except IntegrityError:
        # A second click that raced the first one: the first one counts.
        raise ValidationError("You have already said you are interested.") from None
    _email_owner(opportunity, interest, "interest_received", "interest received")
    _email_person(interest, "interest_confirmation", "interest confirmation")
    return interest


@transaction.atomic
def interest_withdraw(*, interest: Interest, by: Person) -> Interest:
    """The person takes back their interest (waiting or accepted). Safe to repeat."""
    interest = (
        Interest.objects.select_for_update(of=("self",))
        .select_related("opportunity__area", "opportunity__initiative", "opportunity__opened_by")
        .get(pk=interest.pk)
    )
    if interest.person_id != by.pk:
        raise ValidationError("Only the person who expressed interest can withdraw it.")
    if interest.status == Interest.Status.WITHDRAWN:
        return interest
    if interest.status == Interest.Status.DECLINED:
        raise ValidationError("This interest was not accepted, so there is nothing to withdraw.")
    interest.status = Interest.Status.WITHDRAWN
    interest.updated_at = timezone.now()
    interest.save(update_fields=["status", "updated_at"])
    _email_owner(interest.opportunity, interest, "interest_withdrawn", "interest withdrawn")
    return interest


def _respond(interest: Interest, by: Person, message: str, status: str) -> Interest:
    interest = (
        Interest.objects.select_for_update(of=("self",))
        .select_related(
            "person", "opportunity__area", "opportunity__initiative", "opportunity__opened_by"
        )
        .get(pk=interest.pk)
    )
    if interest.status != Interest.Status.PENDING:
        raise ValidationError(
            f"This interest is no longer waiting for an answer "
            f"({interest.get_status_display().lower()})."
        )
    message = message.strip()
    if not message:
        raise ValidationError(
            {"response": "Write a message to them. We email it with your answer."}
        )
    if status == Interest.Status.ACCEPTED:
        # Lock the opportunity so two officers cannot both fill the last place.
        opportunity = Opportunity.objects.select_for_update().get(pk=interest.opportunity_id)
        if opportunity.is_full(_accepted_count(opportunity)):
            raise ValidationError(
                {
                    "decision": f"All {opportunity.places} places are filled. "
                    "Decline, or give the opportunity more places first."
                }
            )
    interest.status = status
    interest.response = message
    interest.responded_by = by
    interest.responded_at = interest.updated_at = timezone.now()
    interest.save(
        update_fields=["status", "response", "responded_by", "responded_at", "updated_at"]
    )
    return interest


@transaction.atomic
def interest_accept(*, interest: Interest, by: Person, message: str) -> Interest:
    """Accept interest that is waiting for an answer and email the person `message`.

    Refused when every place is already filled. The opportunity's row is locked meanwhile.
    """
    interest = _respond(interest, by, message, Interest.Status.ACCEPTED)
    opportunity = interest.opportunity
    # Taking part is a request of the person's time: it counts in their consultation load.
    consultation_request_record(
        area=opportunity.area,
        kind=RequestKind.OPPORTUNITY,
        asked_on=timezone.localdate(),
        hours_asked=opportunity.hours_asked,
        title=opportunity.title,
        made_by=by,
        person=interest.person,
    )
    _email_person(interest, "interest_accepted", "interest accepted")
    return interest


@transaction.atomic
def interest_decline(*, interest: Interest, by: Person, message: str) -> Interest:
    """Decline interest that is waiting for an answer and email the person `message`."""
    interest = _respond(interest, by, message, Interest.Status.DECLINED)
    _email_person(interest, "interest_declined", "interest declined")
    return interest
