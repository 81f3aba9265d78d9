"""The yearly activity self-evaluation (West Sussex co-production framework, section 5):
agree the activities, the level each strives for and its strategic outcomes; at year end
review and show each one's impact. A year goes planning -> reviewing -> closed; impact is
recorded only while reviewing, and a closed year is read-only."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Person
from evaluation.conditions.constants import YearStatus
from evaluation.conditions.models import ActivityYear, YearActivity
from evaluation.figures import academic_year


@transaction.atomic
def activity_year_open(*, area: LocalArea, by: Person, day: date) -> ActivityYear:
    """Open the self-evaluation of the academic year `day` falls in. Raises ValidationError
    at `year` when that year is already open for the area."""
    starts_on = academic_year(day).starts_on
    if ActivityYear.objects.filter(area=area, starts_on=starts_on).exists():
        raise ValidationError({"year": f"The {academic_year(day).label} is already open"})
    year = ActivityYear(area=area, starts_on=starts_on, opened_by=by)
    year.full_clean()
    year.save()
    return year


def _locked(year: ActivityYear) -> ActivityYear:
    return ActivityYear.objects.select_for_update().get(pk=year.pk)


@transaction.atomic
def year_activity_add(
    *, year: ActivityYear, title: str, level_sought: int, strategic_outcomes: str
) -> YearActivity:
    """Agree one more activity. Only while the year is being agreed (planning)."""
    if _locked(year).status != YearStatus.PLANNING:
        raise ValidationError(
            "Activities can only be added while the year's activities are being agreed"
        )
    activity = YearActivity(
        year=year, title=title, level_sought=level_sought, strategic_outcomes=strategic_outcomes
    )
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def activity_year_review(*, year: ActivityYear) -> bool:
    """Start the year-end review. Returns False when already reviewing or closed. Raises
    ValidationError when the year has no activities."""
    locked = _locked(year)
    if locked.status != YearStatus.PLANNING:
        return False
    if not locked.activities.exists():
        raise ValidationError("Agree at least one activity before starting the review")
    locked.status = YearStatus.REVIEWING
    locked.reviewed_at = timezone.now()
    locked.save(update_fields=["status", "reviewed_at"])
    year.status = locked.status
    return True


@transaction.atomic
def year_activity_impact(*, activity: YearActivity, impact: str, evidence: str) -> YearActivity:
    """Record an activity's impact and its evidence. Only while the year is being reviewed:
    no impact before the review, and a closed year is read-only."""
    year = _locked(activity.year)
    if year.status == YearStatus.PLANNING:
        raise ValidationError("Impact is recorded at the year-end review. Start the review first")
    if year.status == YearStatus.CLOSED:
        raise ValidationError("This year is closed: its self-evaluation can no longer change")
    errors = {}
    if not impact.strip():
        errors["impact"] = "Enter the impact the activity made"
    if not evidence.strip():
        errors["evidence"] = "Enter the evidence of its impact"
    if errors:
        raise ValidationError(errors)
    activity.impact, activity.evidence = impact.strip(), evidence.strip()
    activity.impact_recorded_at = timezone.now()
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def activity_year_close(*, year: ActivityYear) -> bool:
    """Close the year. Returns False when it was already closed. Raises ValidationError when
    the review has not started or an activity has no impact recorded."""
    locked = _locked(year)
    if locked.status == YearStatus.CLOSED:
        return False
    if locked.status != YearStatus.REVIEWING:
        raise ValidationError("Review the year's activities before closing it")
    missing = list(
        locked.activities.filter(impact_recorded_at__isnull=True).values_list("title", flat=True)
    )
    if missing:
        raise ValidationError("Record the impact of every activity first: " + ", ".join(missing))
    locked.status = YearStatus.CLOSED
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "closed_at"])
    year.status = locked.status
    return True
