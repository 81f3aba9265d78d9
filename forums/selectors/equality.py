"""Equality monitoring reads: aggregates only, small counts suppressed; pages show only the
figures published in snapshots at set times."""

from dataclasses import dataclass
from datetime import date
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
    EqualitySnapshot,
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


def _suppress(counts: dict[str, int], under: int = SMALL_COUNT) -> set[str]:
    """Categories to hide: every count under `under`, plus the next smallest when only one
    would be hidden (otherwise it could be worked out from the total)."""
    hidden = {category for category, count in counts.items() if count < under}
    if len(hidden) == 1:
        shown = sorted(
            (count, category) for category, count in counts.items() if category not in hidden
        )
        if shown:
            hidden.add(shown[0][1])
    return hidden


def group_equality_counts(*, group: ParticipationGroup) -> dict[str, dict[str, int]]:
    """Exact counts of the consented answers of the group's current members: question name ->
    category -> count. One query. Never for a page: only the monthly snapshots read it
    (`services.equality_snapshots_take`); pages show `group_equality_published`."""
    aggregates = {"total": Count("pk")}
    for name, _question, choices in EQUALITY_QUESTIONS:
        for value in choices.values:
            aggregates[f"{name}__{value}"] = Count("pk", filter=Q(**{name: value}))
    counts = EqualityRecord.objects.filter(
        person__group_memberships__group=group, person__group_memberships__left_on=None
    ).aggregate(**aggregates)
    return {
        name: {value: counts[f"{name}__{value}"] for value in choices.values}
        for name, _question, choices in EQUALITY_QUESTIONS
    }


def _population(area_id: int) -> dict[tuple[str, str], Decimal]:
    return {
        (figure.question, figure.category): figure.percent
        for figure in PopulationFigure.objects.filter(area_id=area_id)
    }


def _question(name, question, choices, answered, shown, population) -> EqualityQuestion:
    cells = [
        EqualityCell(
            label=label,
            count=shown.get(value),
            percent=None if shown.get(value) is None else round(shown[value] * 100 / answered),
            population_percent=population.get((name, value)),
        )
        for value, label in choices.choices
    ]
    return EqualityQuestion(question=question, answered=answered, cells=cells)


# Published figures: disclosure control (ONS practice) on a snapshot taken at set times ----

ROUND_TO = 5  # every published count is rounded to the nearest 5
HIDE_UNDER = 10  # any count under 10 is hidden (before rounding)


def round_to_five(count: int) -> int:
    """The nearest multiple of 5 (halves go up: 2 -> 0, 3 -> 5, 12 -> 10, 13 -> 15)."""
    return ROUND_TO * ((count + ROUND_TO // 2) // ROUND_TO)


def equality_disclosure_control(counts: dict[str, dict[str, int]]) -> dict:
    """Published figures from exact counts (`group_equality_counts`), following the Office
    for National Statistics' approach for small populations: a question with fewer than 5
    answers shows nothing; any count under 10 is hidden, with the next smallest when only one
    would be; every count shown, and the number who answered, is rounded to the nearest 5.
    Returns question -> {"answered": int | None, "counts": {category: int | None}}."""
    figures = {}
    for name, by_category in counts.items():
        answered = sum(by_category.values())
        if answered < SMALL_COUNT:
            figures[name] = {"answered": None, "counts": {}}
            continue
        hidden = _suppress(by_category, under=HIDE_UNDER)
        figures[name] = {
            "answered": round_to_five(answered),
            "counts": {
                category: None if category in hidden else round_to_five(count)
                for category, count in by_category.items()
            },
        }
    return figures


@dataclass
class PublishedEquality:
    """The figures a group's page shows: those of its latest snapshot (None before the
    first one)."""

    taken_on: date | None
    questions: list[EqualityQuestion]


def group_equality_published(*, group: ParticipationGroup) -> PublishedEquality:
    """The group's latest equality snapshot, with the area's population figures. Two queries.
    Before the first snapshot every question shows nothing."""
    snapshot = EqualitySnapshot.objects.filter(group=group).order_by("-taken_on").first()
    figures = snapshot.figures if snapshot else {}
    population = _population(group.area_id)
    questions = []
    for name, question, choices in EQUALITY_QUESTIONS:
        published = figures.get(name) or {"answered": None, "counts": {}}
        if published["answered"] is None:
            questions.append(EqualityQuestion(question=question, answered=None, cells=[]))
            continue
        questions.append(
            _question(
                name, question, choices, published["answered"], published["counts"], population
            )
        )
    return PublishedEquality(taken_on=snapshot.taken_on if snapshot else None, questions=questions)


def equality_record_of(*, person: Person) -> EqualityRecord | None:
    """A person's own answers. Only ever for pages that person sees."""
    return EqualityRecord.objects.filter(person=person).first()


def area_population_figures(*, area: LocalArea) -> dict[tuple[str, str], Decimal]:
    return {
        (figure.question, figure.category): figure.percent
        for figure in PopulationFigure.objects.filter(area=area)
    }
