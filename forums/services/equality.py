"""Equality monitoring answers (kept only with consent), population figures, and the
snapshots of group figures that pages publish."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import (
    LocalArea,
    Person,
)
from forums.models import (
    EQUALITY_QUESTIONS,
    EqualityRecord,
    EqualitySnapshot,
    ParticipationGroup,
    PopulationFigure,
)
from forums.selectors.equality import equality_disclosure_control, group_equality_counts

# Equality monitoring ----------------------------------------------------------------------


def equality_record_save(
    *,
    person: Person,
    consent: bool,
    age_band: str = "",
    ethnicity: str = "",
    disability: str = "",
    carer: str = "",
    main_language: str = "",
) -> EqualityRecord:
    """Keep a person's equality monitoring answers. Only with their consent."""
    if not consent:
        raise ValidationError(
            {"consent": "Tick the box to agree, or leave this page to share nothing."}
        )
    record = EqualityRecord.objects.filter(person=person).first() or EqualityRecord(person=person)
    record.age_band = age_band
    record.ethnicity = ethnicity
    record.disability = disability
    record.carer = carer
    record.main_language = main_language
    record.updated_at = timezone.now()
    record.full_clean()
    record.save()
    return record


def equality_record_withdraw(*, person: Person) -> None:
    """Withdraw consent: the answers are deleted, not kept."""
    EqualityRecord.objects.filter(person=person).delete()


def population_field_name(question: str, category: str) -> str:
    return f"{question}__{category}"


@transaction.atomic
def population_figures_save(
    *, area: LocalArea, figures: dict[tuple[str, str], Decimal | None]
) -> None:
    """Replace the area's population figures. `figures` maps (question, category) to a
    percentage, or None to clear it. The figures of one question cannot add up to more than
    100% (a tenth of a point is allowed for rounding)."""
    for question, _label, choices in EQUALITY_QUESTIONS:
        total = sum(
            (figures.get((question, value)) or Decimal(0) for value in choices.values),
            Decimal(0),
        )
        if total > Decimal("100.1"):
            first = population_field_name(question, choices.values[0])
            raise ValidationError(
                {first: f"These figures add up to {total}%. They cannot be more than 100%."}
            )
    PopulationFigure.objects.filter(area=area).delete()
    rows = []
    for (question, category), percent in figures.items():
        if percent is None:
            continue
        row = PopulationFigure(area=area, question=question, category=category, percent=percent)
        row.full_clean(validate_unique=False, validate_constraints=False)
        rows.append(row)
    PopulationFigure.objects.bulk_create(rows)


def equality_snapshots_take(*, today: date) -> int:
    """Publish every participation group's equality figures as at the first day of the month
    of `today` (the set time; the monthly beat task calls this on the 1st). Figures are stored
    after disclosure control (`selectors.equality_disclosure_control`), never as exact
    counts. Safe to run twice or late in the month: a group that has this month's snapshot
    keeps it (a unique constraint decides). Returns how many snapshots were taken."""
    taken_on = today.replace(day=1)
    done = set(
        EqualitySnapshot.objects.filter(taken_on=taken_on).values_list("group_id", flat=True)
    )
    taken = 0
    for group in ParticipationGroup.objects.exclude(pk__in=done).order_by("pk"):
        figures = equality_disclosure_control(group_equality_counts(group=group))
        _snapshot, created = EqualitySnapshot.objects.get_or_create(
            group=group, taken_on=taken_on, defaults={"figures": figures}
        )
        taken += created
    return taken
