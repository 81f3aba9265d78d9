"""Opening, rating and closing a conditions of success round.

Source: IMPOWER High Needs co-production toolkit, "Conditions of success": every participant
scores the twelve conditions 1 to 10, ideally with parent carer forum representatives at the
table. Scores are private to their rater (the issue's privacy rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from coproduction.people.models import FAMILY_ROLES, AreaMembership, LocalArea, Person, Role
from evaluation.conditions.constants import SCORE_MAX, SCORE_MIN, Condition, RaterGroup
from evaluation.conditions.models import ConditionScore, ConditionsRound, RoundRater
from evaluation.date_limits import (
    EARLIEST_TEXT,
    SEND_REFORMS_BEGAN,
    closing_too_late_message,
    latest_closing,
    latest_round_date,
    round_date_too_late_message,
)


@dataclass(frozen=True)
class ConditionRating:
    """What a rater gives one condition: a score from 1 to 10, a comment, whether to share it."""

    score: int | None
    comment: str = ""
    share_comment: bool = False


def _rater_for(membership: AreaMembership, round_: ConditionsRound) -> RoundRater:
    roles = set(membership.roles)
    return RoundRater(
        round=round_,
        person_id=membership.person_id,
        group=RaterGroup.FAMILY if roles & FAMILY_ROLES else RaterGroup.PROFESSIONAL,
        is_forum_representative=Role.PARENT_CARER in roles,
    )


@transaction.atomic
def round_open(
    *,
    area: LocalArea,
    by: Person,
    held_on: date,
    closes_on: date,
    body=None,
    roles: list[str] | tuple[str, ...] = (),
    people: list[Person] | tuple[Person, ...] = (),
    today: date | None = None,
) -> ConditionsRound:
    """Open a round for `body` (or the whole area when None) and invite its raters: every
    current member of `area` holding one of `roles`, and each of `people` (who must belong to
    the area). Raters' groups (families or professionals) are read from their roles now.

    Raises ValidationError naming the field: a body of another area; a round dated before
    the SEND reforms or more than `date_limits.ROUND_OPEN_MONTHS` months from today; a closing
    date before the round's date, before today or more than `ROUND_OPEN_MONTHS` months after
    the round's date; nobody invited.
    """
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if body is not None and body.area_id != area.pk:
        errors["body"] = "Choose a board or work stream of this area"
    if closes_on < held_on:
        errors["closes_on"] = "The closing date must be the same as or after the date of the round"
    elif closes_on < today:
        errors["closes_on"] = "The closing date must be today or in the future"
    elif closes_on > latest_closing(held_on):
        errors["closes_on"] = closing_too_late_message(held_on)
    if held_on < SEND_REFORMS_BEGAN:
        errors["held_on"] = f"The date of the round must be on or after {EARLIEST_TEXT}"
    elif held_on > latest_round_date(today):
        errors["held_on"] = round_date_too_late_message(today)
    person_ids = {person.pk for person in people}
    memberships = list(
        AreaMembership.objects.filter(area=area)
        .filter(Q(roles__overlap=list(roles)) | Q(person_id__in=person_ids))
        .filter(person__is_active=True)
        .order_by("person_id")
    )
    if person_ids - {m.person_id for m in memberships}:
        errors["people"] = "Choose people who belong to this area"
    elif not memberships:
        errors["roles"] = "Choose who is invited to rate: a role, some people, or both"
    if errors:
        raise ValidationError(errors)
    round_ = ConditionsRound(
        area=area, body=body, held_on=held_on, closes_on=closes_on, opened_by=by
    )
    round_.full_clean()
    round_.save()
    RoundRater.objects.bulk_create([_rater_for(m, round_) for m in memberships])
    return round_


@transaction.atomic
def round_close(
    *, conditions_round: ConditionsRound, by: Person, now: datetime | None = None
) -> bool:
    """Close the round now. Returns False (and changes nothing) when it was already closed,
    by an officer or because its closing date has passed, so closing twice is harmless.

    Locks the round's row, so a rating sent at the same moment lands before or not at all.
    """
    now = now or timezone.now()
    locked = ConditionsRound.objects.select_for_update().get(pk=conditions_round.pk)
    if locked.is_closed(timezone.localdate(now)):
        return False
    locked.closed_at = now
    locked.closed_by = by
    locked.save(update_fields=["closed_at", "closed_by"])
    conditions_round.closed_at, conditions_round.closed_by = now, by
    return True


def closed_message(conditions_round: ConditionsRound) -> str:
    """Why a round takes no more ratings, in words."""
    if conditions_round.closed_at is not None:
        day = timezone.localdate(conditions_round.closed_at)
        return (
            f"This round was closed on {day:%-d %B %Y}. Ratings can no longer be given or changed."
        )
    return (
        f"This round closed at the end of {conditions_round.closes_on:%-d %B %Y}. "
        "Ratings can no longer be given or changed."
    )


@transaction.atomic
def round_rate(
    *,
    conditions_round: ConditionsRound,
    person: Person,
    ratings: dict[int, ConditionRating],
    today: date | None = None,
) -> RoundRater:
    """Save `person`'s scores for every condition (replacing their earlier ones).

    Preconditions: the person is invited (a RoundRater row; checked by the view's rule).
    Raises ValidationError: the round is closed (non-field message), a condition without a
    score or a score outside 1 to 10 (at the field `score_<condition number>`), a comment
    marked to share but empty (at `comment_<number>`). Locks the round's row (see round_close).
    """
    today = today or timezone.localdate()
    locked = ConditionsRound.objects.select_for_update().get(pk=conditions_round.pk)
    if locked.is_closed(today):
        raise ValidationError(closed_message(locked))
    rater = RoundRater.objects.get(round=locked, person=person)
    errors: dict[str, str] = {}
    rows = []
    for condition in Condition:
        rating = ratings.get(condition.value)
        if rating is None or rating.score is None:
            errors[f"score_{condition.value}"] = (
                f"Enter a score from 1 to 10 for “{condition.label}”"
            )
            continue
        if not SCORE_MIN <= rating.score <= SCORE_MAX:
            errors[f"score_{condition.value}"] = (
                f"The score for “{condition.label}” must be a whole number from 1 to 10"
            )
            continue
        comment = (rating.comment or "").strip()
        rows.append(
            ConditionScore(
                rater=rater,
                round=locked,
                group=rater.group,
                condition=condition.value,
                score=rating.score,
                comment=comment,
                share_comment=rating.share_comment and bool(comment),
            )
        )
    if errors:
        raise ValidationError(errors)
    for row in rows:
        row.full_clean(validate_unique=False, validate_constraints=False)
    ConditionScore.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["rater", "condition"],
        update_fields=["score", "comment", "share_comment"],
    )
    rater.rated_at = timezone.now()
    rater.save(update_fields=["rated_at"])
    return rater
