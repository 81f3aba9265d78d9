"""Writes for the engagement dial, declared and experienced levels, the characteristics check
and the stakeholder map. Each checks its rules, `full_clean()`s, then saves; problems come
back as a `ValidationError` naming the field."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduction.people.models import AreaMembership, LocalArea, Person
from evaluation.date_limits import EARLIEST_TEXT, SEND_REFORMS_BEGAN
from evaluation.dial import selectors
from evaluation.dial.models import (
    KINDS_FOR_DIAL,
    LOWEST_AIM,
    REFLECTIVE_QUESTIONS,
    ActivityDeclaration,
    AreaEvaluationSettings,
    Characteristic,
    CharacteristicCheck,
    CharacteristicRating,
    CharacteristicStatus,
    DialAssessment,
    DialSubject,
    ExperiencedAnswer,
    MissingStakeholder,
    Stakeholder,
)
from evaluation.scale import level_name

AIM_TOO_LOW = "Aim for informing or above: a level below it is not engagement at all"
NEEDS_EVIDENCE = "Enter the evidence for this level"
FUTURE_DATE = "The date of the assessment must be today or in the past"


# Settings ----------------------------------------------------------------------------------


def evaluation_settings_update(*, area: LocalArea, ladder: str) -> AreaEvaluationSettings:
    """Set the words `area` shows for the levels, making its settings row on first use."""
    with transaction.atomic():
        AreaEvaluationSettings.objects.get_or_create(area=area)
        row = AreaEvaluationSettings.objects.select_for_update().get(area=area)
        row.ladder = ladder
        row.full_clean()
        row.save()
    return row


# The dial ----------------------------------------------------------------------------------


def dial_subject_add(*, area: LocalArea, dial: str, kind: str, name: str, body=None) -> DialSubject:
    """Put a new subject on one of the area's dials. A body must be the area's; a body subject
    is named after its body when no name is typed. Names are unique per dial."""
    if body is not None and body.area_id != area.pk:
        raise ValidationError({"body": "Choose a board or work stream of this area"})
    name = (name or "").strip() or (body.name if body is not None else "")
    if kind not in KINDS_FOR_DIAL.get(dial, ()):
        raise ValidationError({"kind": "Choose what kind of subject this is on this dial"})
    subject = DialSubject(area=area, dial=dial, kind=kind, name=name, body=body)
    subject.full_clean()
    subject.save()
    return subject


def _check_assessment(
    *,
    area: LocalArea,
    aimed_level: int,
    evidence: str,
    assessed_on: date,
    participants,
) -> None:
    errors: dict[str, str] = {}
    if aimed_level is not None and aimed_level < LOWEST_AIM:
        errors["aimed_level"] = AIM_TOO_LOW
    if not (evidence or "").strip():
        errors["evidence"] = NEEDS_EVIDENCE
    if assessed_on is not None and assessed_on > timezone.localdate():
        errors["assessed_on"] = FUTURE_DATE
    elif assessed_on is not None and assessed_on < SEND_REFORMS_BEGAN:
        errors["assessed_on"] = f"The date of the assessment must be on or after {EARLIEST_TEXT}"
    ids = {person.pk for person in participants}
    if ids and AreaMembership.objects.filter(area=area, person_id__in=ids).count() != len(ids):
        errors["participants"] = "Choose people of this area"
    if errors:
        raise ValidationError(errors)


def _clean_answers(dial: str, answers: dict | None) -> dict[str, str]:
    """Keep only the answers to this dial's own questions, trimmed (no empty ones)."""
    keys = {key for key, _ in REFLECTIVE_QUESTIONS[dial]}
    return {
        key: str(text).strip()
        for key, text in (answers or {}).items()
        if key in keys and str(text).strip()
    }


def dial_assessment_record(
    *,
    subject: DialSubject,
    by: Person,
    level: int,
    aimed_level: int,
    aim_reason: str,
    evidence: str,
    answers: dict | None,
    participants: list[Person],
    others_count: int,
    assessed_on: date,
) -> DialAssessment:
    """Place `subject` on its dial on `assessed_on` (today or earlier).

    The aim must be informing or above and the evidence is required (IMPOWER: an assessment
    rests on evidence; not every task needs full co-production, so the aim says why). It
    counts as co-produced when at least one participant is a parent carer or young person of
    the area. Raises ValidationError naming the field.
    """
    _check_assessment(
        area=subject.area,
        aimed_level=aimed_level,
        evidence=evidence,
        assessed_on=assessed_on,
        participants=participants,
    )
    assessment = DialAssessment(
        subject=subject,
        level=level,
        aimed_level=aimed_level,
        aim_reason=(aim_reason or "").strip(),
        evidence=evidence.strip(),
        answers=_clean_answers(subject.dial, answers),
        others_count=others_count or 0,
        assessed_on=assessed_on,
        recorded_by=by,
        co_produced=selectors.family_members_among(area=subject.area, people=participants) > 0,
    )
    assessment.full_clean()
    with transaction.atomic():
        assessment.save()
        assessment.participants.set(participants)
    return assessment


def dial_assessment_update(
    *,
    assessment: DialAssessment,
    by: Person,
    level: int,
    aimed_level: int,
    aim_reason: str,
    evidence: str,
    answers: dict | None,
    participants: list[Person],
    others_count: int,
    assessed_on: date,
) -> DialAssessment:
    """Correct an assessment (same rules as recording one)."""
    subject = assessment.subject
    _check_assessment(
        area=subject.area,
        aimed_level=aimed_level,
        evidence=evidence,
        assessed_on=assessed_on,
        participants=participants,
    )
    with transaction.atomic():
        locked = DialAssessment.objects.select_for_update().get(pk=assessment.pk)
        locked.level = level
        locked.aimed_level = aimed_level
        locked.aim_reason = (aim_reason or "").strip()
        locked.evidence = evidence.strip()
        locked.answers = _clean_answers(subject.dial, answers)
        locked.others_count = others_count or 0
        locked.assessed_on = assessed_on
        locked.co_produced = (
            selectors.family_members_among(area=subject.area, people=participants) > 0
        )
        locked.updated_at = timezone.now()
        locked.full_clean()
        locked.save()
        locked.participants.set(participants)
    return locked


# Declared against experienced --------------------------------------------------------------


def activity_declare(
    *,
    area: LocalArea,
    by: Person,
    aimed_level: int,
    reached_level: int,
    initiative=None,
    meeting=None,
    body=None,
) -> ActivityDeclaration:
    """Declare the level an activity of `area` aims for and reached: exactly one of an
    initiative, a meeting or a body. An activity is declared once; change it on its page."""
    chosen = [a for a in (initiative, meeting, body) if a is not None]
    if len(chosen) != 1:
        raise ValidationError({"activity_kind": "Choose one activity"})
    for field, activity in (("initiative", initiative), ("meeting", meeting), ("body", body)):
        if activity is None:
            continue
        if activity.area_id != area.pk:
            raise ValidationError({field: "Choose an activity of this area"})
        if ActivityDeclaration.objects.filter(**{field: activity}).exists():
            raise ValidationError(
                {field: "This activity already has declared levels: change them on its page"}
            )
    if aimed_level is not None and aimed_level < LOWEST_AIM:
        raise ValidationError({"aimed_level": AIM_TOO_LOW})
    declaration = ActivityDeclaration(
        area=area,
        initiative=initiative,
        meeting=meeting,
        body=body,
        aimed_level=aimed_level,
        reached_level=reached_level,
        declared_by=by,
        declared_on=timezone.localdate(),
    )
    declaration.full_clean()
    try:
        with transaction.atomic():
            declaration.save()
    except IntegrityError as error:  # declared by someone else a moment ago
        raise ValidationError("This activity already has declared levels") from error
    return declaration


def activity_declaration_update(
    *, declaration: ActivityDeclaration, by: Person, aimed_level: int, reached_level: int
) -> ActivityDeclaration:
    """Change the declared levels (the answers families gave stay)."""
    if aimed_level is not None and aimed_level < LOWEST_AIM:
        raise ValidationError({"aimed_level": AIM_TOO_LOW})
    with transaction.atomic():
        locked = ActivityDeclaration.objects.select_for_update().get(pk=declaration.pk)
        locked.aimed_level = aimed_level
        locked.reached_level = reached_level
        locked.declared_by = by
        locked.full_clean()
        locked.save()
    return locked


def experienced_answer_give(
    *, declaration: ActivityDeclaration, person: Person, level: int
) -> ExperiencedAnswer:
    """Record (or change) which level `person` felt the activity reached. Only a parent carer
    or young person who took part may answer, once per activity (a unique row decides)."""
    from evaluation.dial.rules import took_part

    if not took_part(person, declaration):
        raise ValidationError("Only the parent carers and young people who took part can answer")
    with transaction.atomic():
        answer, _ = ExperiencedAnswer.objects.select_for_update().get_or_create(
            declaration=declaration, person=person, defaults={"level": level}
        )
        answer.level = level
        answer.answered_at = timezone.now()
        answer.full_clean()
        answer.save()
    return answer


# Characteristics ---------------------------------------------------------------------------


def characteristics_check_record(
    *,
    area: LocalArea,
    by: Person,
    checked_on: date,
    ratings: dict[str, tuple[str, str]],
    body=None,
) -> CharacteristicCheck:
    """Record the eight characteristics of co-production for `area` (or one of its bodies) on
    `checked_on`: `ratings` maps each characteristic to (status, evidence). Every one must be
    rated; "present" and "partly" need evidence. Earlier checks stay as history.
    """
    errors: dict[str, str] = {}
    if body is not None and body.area_id != area.pk:
        errors["body"] = "Choose a board or work stream of this area"
    if checked_on is not None and checked_on > timezone.localdate():
        errors["checked_on"] = "The date of the check must be today or in the past"
    elif checked_on is not None and checked_on < SEND_REFORMS_BEGAN:
        errors["checked_on"] = f"The date of the check must be on or after {EARLIEST_TEXT}"
    for characteristic in Characteristic.values:
        status, evidence = ratings.get(characteristic, ("", ""))
        if status not in CharacteristicStatus.values:
            errors[f"{characteristic}_status"] = "Choose present, partly or not yet"
        elif status != CharacteristicStatus.NOT_YET and not (evidence or "").strip():
            errors[f"{characteristic}_evidence"] = "Enter the evidence for this"
    if errors:
        raise ValidationError(errors)
    check = CharacteristicCheck(area=area, body=body, checked_on=checked_on, recorded_by=by)
    check.full_clean()
    with transaction.atomic():
        check.save()
        CharacteristicRating.objects.bulk_create(
            CharacteristicRating(
                check_record=check,
                characteristic=characteristic,
                status=ratings[characteristic][0],
                evidence=(ratings[characteristic][1] or "").strip(),
            )
            for characteristic in Characteristic.values
        )
    return check


# Stakeholders ------------------------------------------------------------------------------


def _stakeholder_fill(stakeholder, *, area, organisation, group, name, kind, brings, notes):
    chosen = [x for x in (organisation, group, (name or "").strip() or None) if x is not None]
    if len(chosen) != 1:
        raise ValidationError(
            {"organisation": "Choose an organisation or a group, or type a name: one of the three"}
        )
    if organisation is not None and organisation.area_id != area.pk:
        raise ValidationError({"organisation": "Choose an organisation of this area"})
    if group is not None and group.area_id != area.pk:
        raise ValidationError({"group": "Choose a group of this area"})
    stakeholder.organisation = organisation
    stakeholder.group = group
    stakeholder.name = "" if (organisation or group) else name.strip()
    stakeholder.kind = kind
    stakeholder.brings = list(brings or [])
    stakeholder.notes = (notes or "").strip()
    stakeholder.full_clean()
    stakeholder.save()
    return stakeholder


def stakeholder_add(
    *,
    area: LocalArea,
    kind: str,
    brings: list[str],
    notes: str,
    organisation=None,
    group=None,
    name: str = "",
) -> Stakeholder:
    """Add a service, group or organisation to the area's stakeholder map (IMPOWER,
    involving stakeholders): one of the portal's organisations or groups, or a typed name,
    with what it brings."""
    return _stakeholder_fill(
        Stakeholder(area=area),
        area=area,
        organisation=organisation,
        group=group,
        name=name,
        kind=kind,
        brings=brings,
        notes=notes,
    )


def stakeholder_update(
    *,
    stakeholder: Stakeholder,
    kind: str,
    brings: list[str],
    notes: str,
    organisation=None,
    group=None,
    name: str = "",
) -> Stakeholder:
    with transaction.atomic():
        locked = Stakeholder.objects.select_for_update().get(pk=stakeholder.pk)
        return _stakeholder_fill(
            locked,
            area=stakeholder.area,
            organisation=organisation,
            group=group,
            name=name,
            kind=kind,
            brings=brings,
            notes=notes,
        )


def missing_stakeholder_add(*, area: LocalArea, name: str, why_it_matters: str):
    missing = MissingStakeholder(
        area=area, name=(name or "").strip(), why_it_matters=(why_it_matters or "").strip()
    )
    missing.full_clean()
    missing.save()
    return missing


def missing_stakeholder_remove(*, missing: MissingStakeholder) -> None:
    """Take someone off the missing list (they are now involved, or no longer matter)."""
    MissingStakeholder.objects.filter(pk=missing.pk).delete()


def level_words(level: int, *, area: LocalArea) -> str:
    """`level` in the words `area` shows (for messages)."""
    return level_name(level, ladder=selectors.area_ladder(area=area))
