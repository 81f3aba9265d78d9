"""Equality monitoring reads: aggregates only, small counts suppressed."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    Q,
)

from coproduction.people.models import (
    LocalArea,
    Person,
)
from forums.models import (
    EQUALITY_QUESTIONS,
    EqualityRecord,
    ParticipationGroup,
    PopulationFigure,
)

# Equality monitoring: aggregates only, small counts suppressed ----------------------------

SMALL_COUNT = 5


@dataclass
class EqualityCell:
    label: str
    count: int | None  # None when suppressed
    percent: int | None
    population_percent: Decimal | None

    @property
    def suppressed(self) -> bool:
        return self.count is None


@dataclass
class EqualityQuestion:
    question: str
    answered: int | None  # None when fewer than SMALL_COUNT answered: nothing is shown
    cells: list[EqualityCell]


def _suppress(counts: dict[str, int]) -> set[str]:
    """Categories to hide: every count under 5, plus the next smallest when only one would be
    hidden (otherwise it could be worked out from the total)."""
    hidden = {category for category, count in counts.items() if count < SMALL_COUNT}
    if len(hidden) == 1:
        shown = sorted(
            (count, category) for category, count in counts.items() if category not in hidden
        )
        if shown:
            hidden.add(shown[0][1])
    return hidden


def group_equality_summary(*, group: ParticipationGroup) -> list[EqualityQuestion]:
    """Counts of the consented answers of the group's current members, question by question,
    against the area's population figures. Two queries whatever the group's size."""
    aggregates = {"total": Count("pk")}
    for name, _question, choices in EQUALITY_QUESTIONS:
        for value in choices.values:
            aggregates[f"{name}__{value}"] = Count("pk", filter=Q(**{name: value}))
    counts = EqualityRecord.objects.filter(
        person__group_memberships__group=group, person__group_memberships__left_on=None
    ).aggregate(**aggregates)
    population = {
        (figure.question, figure.category): figure.percent
        for figure in PopulationFigure.objects.filter(area_id=group.area_id)
    }
    summary = []
    for name, question, choices in EQUALITY_QUESTIONS:
        by_category = {value: counts[f"{name}__{value}"] for value in choices.values}
        answered = sum(by_category.values())
        if answered < SMALL_COUNT:
            summary.append(EqualityQuestion(question=question, answered=None, cells=[]))
            continue
        hidden = _suppress(by_category)
        cells = []
        for value, label in choices.choices:
            count = None if value in hidden else by_category[value]
            cells.append(
                EqualityCell(
                    label=label,
                    count=count,
                    percent=None if count is None else round(count * 100 / answered),
                    population_percent=population.get((name, value)),
                )
            )
        summary.append(EqualityQuestion(question=question, answered=answered, cells=cells))
    return summary


def equality_record_of(*, person: Person) -> EqualityRecord | None:
    """A person's own answers. Only ever for pages that person sees."""
    return EqualityRecord.objects.filter(person=person).first()


def area_population_figures(*, area: LocalArea) -> dict[tuple[str, str], Decimal]:
    return {
        (figure.question, figure.category): figure.percent
        for figure in PopulationFigure.objects.filter(area=area)
    }
