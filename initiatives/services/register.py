"""Registering and changing initiatives, their outcomes, contacts and options. Each change an
officer makes is written to the initiative's history in the same transaction.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone

from coproduction.people.models import LocalArea, Organisation, Person
from initiatives.details import InitiativeDetails
from initiatives.models import (
    CODE_PREFIXES,
    Initiative,
    InitiativeCodeCounter,
    InitiativeContact,
    Option,
    Outcome,
    Publication,
)
from initiatives.services.history import Action, record_change, record_differences, snapshot

# Codes ---------------------------------------------------------------------------------------


def locked_counter(area: LocalArea, co: str) -> InitiativeCodeCounter:
    """The area's counter for `co`, locked until the transaction ends.

    Two transactions that create the counter at once: one insert waits on the unique index,
    fails when the other commits, and get_or_create then reads (and locks) the committed row.
    """
    counter, _created = InitiativeCodeCounter.objects.select_for_update().get_or_create(
        area=area, co=co
    )
    return counter


def _claim_next_code(area: LocalArea, co: str) -> tuple[str, int]:
    counter = locked_counter(area, co)
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
    record_change(initiative, by, Action.REGISTERED)
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
    before = snapshot(initiative, initiative.lead_organisations.all())
    details.apply_to(initiative)
    _check_organisations(initiative.area, details.lead_organisations)
    if not allow_duplicate_title:
        _check_duplicate_title(initiative)
    initiative.full_clean()
    initiative.updated_at = timezone.now()
    initiative.save()
    initiative.lead_organisations.set(details.lead_organisations)
    record_differences(initiative, by, before, snapshot(initiative, details.lead_organisations))
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
    before = snapshot(initiative, organisations)
    initiative.status = status
    initiative.start_date = start_date
    initiative.end_date = end_date
    initiative.full_clean()
    initiative.updated_at = timezone.now()
    initiative.save(update_fields=["status", "start_date", "end_date", "updated_at"])
    record_differences(initiative, by, before, snapshot(initiative, organisations))
    return initiative


def _set_publication(initiative: Initiative, by: Person, publication: str, action: str):
    initiative = _locked(initiative)
    if initiative.publication == publication:
        return initiative
    old = initiative.get_publication_display()
    initiative.publication = publication
    initiative.updated_at = timezone.now()
    initiative.save(update_fields=["publication", "updated_at"])
    record_change(
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
        record_change(
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
    record_change(initiative, by, Action.OUTCOME_ADDED, new_value=_outcome_in_words(outcome))
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
        record_change(outcome.initiative, by, Action.OUTCOME_CHANGED, old_value=old, new_value=new)
        initiatives_refresh_search(initiative_ids=[outcome.initiative_id])
    return outcome


@transaction.atomic
def outcome_remove(*, outcome: Outcome, by: Person) -> None:
    initiative = outcome.initiative
    record_change(initiative, by, Action.OUTCOME_REMOVED, old_value=_outcome_in_words(outcome))
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
    record_change(initiative, by, Action.CONTACT_ADDED, new_value=words)
    return contact


@transaction.atomic
def contact_remove(*, contact: InitiativeContact, by: Person) -> None:
    words = contact.display_name + (f" ({contact.role})" if contact.role else "")
    record_change(contact.initiative, by, Action.CONTACT_REMOVED, old_value=words)
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
