"""Importing feedback items from a spreadsheet: all rows or none, each upload once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Person
from evaluation.feedback import selectors
from evaluation.feedback.importer import check_feedback_csv, items_from_check
from evaluation.feedback.models import FeedbackItem, FeedbackStatusChange, FeedbackUpload
from evaluation.feedback.services.items import RECEIVED, due_date

ALREADY_IMPORTED = (
    "This file has already been imported (the button was pressed twice, or in two tabs). "
    "Nothing more was added."
)


def feedback_upload_keep(
    *, area: LocalArea, by: Person, file_name: str, csv_text: str
) -> FeedbackUpload:
    """Keep an uploaded file (as CSV text) for its check page and import."""
    upload = FeedbackUpload(area=area, uploaded_by=by, file_name=file_name[:255], csv_text=csv_text)
    upload.full_clean()
    upload.save()
    return upload


@transaction.atomic
def feedback_import_upload(*, upload: FeedbackUpload, by: Person) -> list[FeedbackItem]:
    """Import a kept upload once: every item in it, or none.

    The upload's row is locked and marked imported in the same transaction, so a second
    confirmation (a double click, another tab) waits and is refused with a ValidationError
    coded "already_imported". The file is checked again here; any problem raises a
    ValidationError listing them and nothing is saved.
    """
    upload = FeedbackUpload.objects.select_for_update().select_related("area").get(pk=upload.pk)
    if upload.imported_at is not None:
        raise ValidationError(ALREADY_IMPORTED, code="already_imported")
    area = upload.area
    check = check_feedback_csv(area=area, csv_text=upload.csv_text)
    if not check.is_clean:
        raise ValidationError([problem.sentence for problem in check.problems_shown])
    settings = selectors.feedback_settings_for(area=area)
    items = items_from_check(
        area=area,
        check=check,
        by=by,
        due_on_for=lambda said_on: due_date(area=area, said_on=said_on, settings=settings),
    )
    for item in items:
        item.full_clean(exclude=["area", "recorded_by"], validate_constraints=False)
    FeedbackItem.objects.bulk_create(items, batch_size=500)
    now = timezone.now()
    FeedbackStatusChange.objects.bulk_create(
        [
            FeedbackStatusChange(
                item=item, changed_by=by, changed_at=now, status=RECEIVED, note="Imported"
            )
            for item in items
        ],
        batch_size=1000,
    )
    upload.imported_at = now
    upload.imported_count = len(items)
    upload.csv_text = ""
    upload.save(update_fields=["imported_at", "imported_count", "csv_text"])
    return items
