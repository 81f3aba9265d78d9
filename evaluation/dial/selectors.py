"""Reads for the engagement dial, declared and experienced levels, characteristics and
stakeholders. Each owns its joins and annotations, so a page's query count stays fixed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from coproduction.people.models import FAMILY_ROLES, AreaMembership, LocalArea, Person
from evaluation.dial.models import (
    ActivityDeclaration,
    AreaEvaluationSettings,
    CharacteristicCheck,
    CharacteristicRating,
    DialAssessment,
    DialSubject,
    ExperiencedAnswer,
    MissingStakeholder,
    Stakeholder,
)
from evaluation.figures import SMALL_COUNT, suppress
from evaluation.scale import EngagementLevel, Ladder, level_name
from forums.meetings.models import Attendance, Meeting, Rsvp
from forums.models import Body, BodyMembership, current_on
from initiatives.models import Initiative, Interest

# Settings ----------------------------------------------------------------------------------


def area_ladder(*, area: LocalArea) -> str:
    """The `Ladder` whose words `area` shows (the dial until the area chooses; one query)."""
    ladder = (
        AreaEvaluationSettings.objects.filter(area=area).values_list("ladder", flat=True).first()
    )
    return ladder or Ladder.DIAL


# The dial ----------------------------------------------------------------------------------


def _latest(field: str, *, on: date | None = None):
    assessments = DialAssessment.objects.filter(subject=OuterRef("pk"))
    if on is not None:
        assessments = assessments.filter(assessed_on__lte=on)
    return Subquery(assessments.order_by("-assessed_on", "-pk").values(field)[:1])


def subjects_overview(*, area: LocalArea, body: Body | None = None) -> QuerySet[DialSubject]:
    """The area's dial subjects (of `body` only, when given), each with its latest level,
    aim and date and how many assessments it has: `latest_level`, `latest_aim`,
    `latest_on`, `assessment_count` (None/0 for a subject not yet assessed)."""
    subjects = DialSubject.objects.filter(area=area)
    if body is not None:
        subjects = subjects.filter(body=body)
    return (
        subjects.select_related("body")
        .annotate(
            latest_level=_latest("level"),
            latest_aim=_latest("aimed_level"),
            latest_on=_latest("assessed_on"),
            assessment_count=Count("assessments"),
        )
        .order_by("dial", "name")
    )


def subject_get(*, area: LocalArea, pk: int) -> DialSubject | None:
    return DialSubject.objects.filter(area=area, pk=pk).select_related("area", "body").first()


def assessment_get(*, area: LocalArea, pk: int) -> DialAssessment | None:
    return (
        DialAssessment.objects.filter(subject__area=area, pk=pk)
        .select_related("subject", "subject__area")
        .prefetch_related("participants")
        .first()
    )


def move_words(previous: int | None, level: int, *, ladder: str) -> str:
    """How an assessment moved from the one before, in words ("Moved back from co-design to
    engagement"). Co-production goes back and forth (IMPOWER), so both ways are named."""
    words = level_name(level, ladder=ladder).lower()
    if previous is None:
        return f"First placed at {words}"
    before = level_name(previous, ladder=ladder).lower()
    if level > previous:
        return f"Moved up from {before} to {words}"
    if level < previous:
        return f"Moved back from {before} to {words}"
    return f"Stayed at {words}"


@dataclass(frozen=True)
class TimelineEntry:
    assessment: DialAssessment
    direction: str  # "up", "back", "same" or "first"
    move: str
    level_words: str
    aim_words: str
    answers: list[tuple[str, str]]
    family_count: int
    professional_names: list[str]
    family_names: list[str]


def subject_timeline(*, subject: DialSubject, ladder: str) -> list[TimelineEntry]:
    """The subject's assessments, newest first, each with its move from the one before and
    its answers paired with the dial's questions (three queries whatever the history)."""
    assessments = list(
        subject.assessments.order_by("assessed_on", "pk")
        .select_related("recorded_by")
        .prefetch_related(
            Prefetch("participants", queryset=Person.objects.only("pk", "display_name"))
        )
    )
    participant_ids = {p.pk for a in assessments for p in a.participants.all()}
    family_ids = set(
        AreaMembership.objects.filter(
            area_id=subject.area_id,
            person_id__in=participant_ids,
            roles__overlap=list(FAMILY_ROLES),
        ).values_list("person_id", flat=True)
    )
    entries = []
    previous = None
    for assessment in assessments:
        if previous is None:
            direction = "first"
        elif assessment.level > previous:
            direction = "up"
        elif assessment.level < previous:
            direction = "back"
        else:
            direction = "same"
        people = list(assessment.participants.all())
        entries.append(
            TimelineEntry(
                assessment=assessment,
                direction=direction,
                move=move_words(previous, assessment.level, ladder=ladder),
                level_words=level_name(assessment.level, ladder=ladder),
                aim_words=level_name(assessment.aimed_level, ladder=ladder),
                answers=[
                    (question, assessment.answers.get(key, ""))
                    for key, question in subject.questions
                    if assessment.answers.get(key)
                ],
                family_count=sum(1 for p in people if p.pk in family_ids),
                family_names=[p.display_name for p in people if p.pk in family_ids],
                professional_names=[p.display_name for p in people if p.pk not in family_ids],
            )
        )
        previous = assessment.level
    entries.reverse()
    return entries


def area_people(*, area: LocalArea) -> QuerySet[Person]:
    """The people of `area`, by name, each with `area_roles_list` (their roles there)."""
    roles = AreaMembership.objects.filter(area=area, person=OuterRef("pk")).values("roles")[:1]
    return (
        Person.objects.filter(memberships__area=area, is_active=True)
        .annotate(area_roles_list=Subquery(roles))
        .order_by("display_name", "pk")
    )


def family_members_among(*, area: LocalArea, people) -> int:
    """How many of `people` are parent carers or young people of `area` (one query)."""
    return AreaMembership.objects.filter(
        area=area, person__in=people, roles__overlap=list(FAMILY_ROLES)
    ).count()


def subjects_due_for_review(*, areas, before: date) -> QuerySet[DialSubject]:
    """Subjects of `areas` last assessed before `before` (or never), oldest first."""
    return (
        DialSubject.objects.filter(area__in=areas)
        .select_related("area")
        .annotate(latest_on=_latest("assessed_on"))
        .filter(Q(latest_on__lt=before) | Q(latest_on=None))
        .order_by(Coalesce("latest_on", date(1900, 1, 1)), "name")
    )


# Declared against experienced --------------------------------------------------------------


def took_part(*, declaration: ActivityDeclaration, person) -> bool:
    """Whether `person` took part in the declared activity (one query):

    - a meeting: they were recorded present, or replied that they were coming (and did not
      leave the area since);
    - an initiative: the register has no participants, so the people whose interest in one
      of its opportunities was accepted;
    - a body's work: a current member of the body (observers and those copied in included).
    """
    if declaration.meeting_id:
        return (
            Attendance.objects.filter(
                meeting_id=declaration.meeting_id, person=person, status="present"
            ).exists()
            or Rsvp.objects.filter(
                meeting_id=declaration.meeting_id,
                person=person,
                answer="attending",
                withdrawn=False,
            ).exists()
        )
    if declaration.initiative_id:
        return Interest.objects.filter(
            opportunity__initiative_id=declaration.initiative_id,
            person=person,
            status=Interest.Status.ACCEPTED,
        ).exists()
    if declaration.body_id:
        return BodyMembership.objects.filter(
            current_on(timezone.localdate()), body_id=declaration.body_id, person=person
        ).exists()
    return False


def activities_to_answer(*, person, areas) -> QuerySet[ActivityDeclaration]:
    """Declared activities of `areas` that `person` took part in (as `took_part` says) and
    has not yet said how they felt, newest first (one query)."""
    today = timezone.localdate()
    took_part_in = (
        Exists(
            Attendance.objects.filter(
                meeting_id=OuterRef("meeting_id"), person=person, status="present"
            )
        )
        | Exists(
            Rsvp.objects.filter(
                meeting_id=OuterRef("meeting_id"),
                person=person,
                answer="attending",
                withdrawn=False,
            )
        )
        | Exists(
            BodyMembership.objects.filter(
                current_on(today), body_id=OuterRef("body_id"), person=person
            )
        )
        | Exists(
            Interest.objects.filter(
                opportunity__initiative_id=OuterRef("initiative_id"),
                person=person,
                status=Interest.Status.ACCEPTED,
            )
        )
    )
    answered = Exists(ExperiencedAnswer.objects.filter(declaration=OuterRef("pk"), person=person))
    return (
        ActivityDeclaration.objects.filter(area__in=areas)
        .filter(took_part_in)
        .exclude(answered)
        .select_related("area", "initiative", "meeting", "body")
        .order_by("-declared_on", "-pk")
    )


def _answer_counts():
    counts = {"answered": Count("answers")}
    for level in EngagementLevel.values:
        counts[f"said_{level}"] = Count("answers", filter=Q(answers__level=level))
    return counts


def declarations_list(
    *, area: LocalArea, body: Body | None = None, start: date | None = None, end: date | None = None
) -> QuerySet[ActivityDeclaration]:
    """The area's declared activities (a body's own work and its meetings, when `body` is
    given; declared from `start` to `end` when given), newest first, each with `answered`
    and `said_<level>` counts of experienced answers."""
    declarations = ActivityDeclaration.objects.filter(area=area)
    if body is not None:
        declarations = declarations.filter(Q(body=body) | Q(meeting__body=body))
    if start is not None:
        declarations = declarations.filter(declared_on__gte=start)
    if end is not None:
        declarations = declarations.filter(declared_on__lte=end)
    return declarations.select_related("area", "initiative", "meeting", "body").annotate(
        **_answer_counts()
    )


def declaration_get(*, area: LocalArea, pk: int) -> ActivityDeclaration | None:
    return (
        ActivityDeclaration.objects.filter(area=area, pk=pk)
        .select_related("area", "initiative", "meeting", "meeting__body", "body")
        .annotate(**_answer_counts())
        .first()
    )


@dataclass(frozen=True)
class ExperiencedSummary:
    """What may be shown of the experienced answers: `answered` is the count or "fewer than
    5"; `shown` is False under 5 answers, and then `rows` and `typical` are empty too."""

    answered: int | str | None
    shown: bool
    rows: list[tuple[str, int | str | None]]
    typical: str


def experienced_summary(counts: dict[int, int], *, ladder: str) -> ExperiencedSummary:
    """Suppress and summarise experienced answers: `counts` maps a level to how many chose
    it. Under 5 answers in all, only "fewer than 5" is shown (no distribution, no typical
    level), so nobody's answer can be worked out; otherwise each level's count, itself shown
    as "fewer than 5" when 1 to 4, and the median level. Source: `evaluation.figures.suppress`.
    """
    total = sum(counts.values())
    if total < SMALL_COUNT:
        return ExperiencedSummary(answered=suppress(total), shown=False, rows=[], typical="")
    rows = [
        (level_name(level, ladder=ladder), suppress(counts.get(level, 0)))
        for level in EngagementLevel.values
        if counts.get(level, 0)
    ]
    # The median answer: the level the middle person (lower middle for an even count) chose.
    middle = (total + 1) // 2
    running = 0
    typical = ""
    for level in EngagementLevel.values:
        running += counts.get(level, 0)
        if running >= middle:
            typical = level_name(level, ladder=ladder)
            break
    return ExperiencedSummary(answered=total, shown=True, rows=rows, typical=typical)


def declaration_counts(declaration) -> dict[int, int]:
    """The `said_<level>` annotations of a declaration as {level: count}."""
    return {level: getattr(declaration, f"said_{level}", 0) for level in EngagementLevel.values}


def own_answer(*, declaration: ActivityDeclaration, person) -> ExperiencedAnswer | None:
    """`person`'s own answer for the activity (nobody else's is ever read for a page)."""
    return ExperiencedAnswer.objects.filter(declaration=declaration, person=person).first()


def declarable_initiatives(*, area: LocalArea) -> QuerySet[Initiative]:
    return Initiative.objects.filter(area=area).order_by("code_number", "pk")


def declarable_meetings(*, area: LocalArea) -> QuerySet[Meeting]:
    return Meeting.objects.filter(body__area=area).order_by("-starts_at")


def declarable_bodies(*, area: LocalArea) -> QuerySet[Body]:
    return Body.objects.filter(area=area).order_by("name")


# Characteristics ---------------------------------------------------------------------------


def characteristic_checks(
    *, area: LocalArea, body: Body | None = None
) -> list[CharacteristicCheck]:
    """The checks of the whole area (`body` None) or of one body, newest first, each with its
    ratings in the order of the eight characteristics (two queries)."""
    return list(
        CharacteristicCheck.objects.filter(area=area, body=body)
        .select_related("body", "recorded_by")
        .prefetch_related(Prefetch("ratings", queryset=CharacteristicRating.objects.all()))
    )


# Stakeholders ------------------------------------------------------------------------------


def stakeholders(*, area: LocalArea) -> QuerySet[Stakeholder]:
    return Stakeholder.objects.filter(area=area).select_related("organisation", "group")


def stakeholder_get(*, area: LocalArea, pk: int) -> Stakeholder | None:
    return stakeholders(area=area).filter(pk=pk).first()


def missing_stakeholders(*, area: LocalArea) -> QuerySet[MissingStakeholder]:
    return MissingStakeholder.objects.filter(area=area)


def missing_stakeholder_get(*, area: LocalArea, pk: int) -> MissingStakeholder | None:
    return MissingStakeholder.objects.filter(area=area, pk=pk).first()


# The board dashboard -----------------------------------------------------------------------


def dial_positions(
    *, area: LocalArea, body: Body | None, on: date, year_before: date
) -> QuerySet[DialSubject]:
    """Every subject of the area (of `body`, when given) with `level_now` (its latest level on
    or before `on`) and `level_year_before` (on or before `year_before`), one query."""
    subjects = DialSubject.objects.filter(area=area)
    if body is not None:
        subjects = subjects.filter(body=body)
    return subjects.annotate(
        level_now=_latest("level", on=on),
        level_year_before=_latest("level", on=year_before),
    ).order_by("dial", "name")


def latest_characteristics(
    *, area: LocalArea, body: Body | None, on: date
) -> CharacteristicCheck | None:
    """The latest check on or before `on` of the area (or `body`), with its ratings."""
    check = (
        CharacteristicCheck.objects.filter(area=area, body=body, checked_on__lte=on)
        .order_by("-checked_on", "-pk")
        .prefetch_related("ratings")
        .first()
    )
    return check
