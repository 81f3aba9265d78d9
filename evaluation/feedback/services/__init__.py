"""Writes of "You said, we did": every change to feedback goes through one of these."""

from evaluation.feedback.services.answered import (
    feedback_answered_notify,
    is_young_person_only,
)
from evaluation.feedback.services.digest import overdue_digest_send, overdue_digest_send_one
from evaluation.feedback.services.importer import (
    ALREADY_IMPORTED,
    feedback_import_upload,
    feedback_upload_keep,
)
from evaluation.feedback.services.items import (
    due_date,
    feedback_record,
    feedback_respond,
    feedback_send,
)
from evaluation.feedback.services.publication import (
    NOT_CONFIRMED,
    feedback_anonymise_confirm,
    feedback_leave_out,
    feedback_publish,
    feedback_put_back,
    feedback_unpublish,
)
from evaluation.feedback.services.settings import feedback_settings_update

__all__ = [
    "ALREADY_IMPORTED",
    "NOT_CONFIRMED",
    "due_date",
    "feedback_anonymise_confirm",
    "feedback_answered_notify",
    "feedback_import_upload",
    "feedback_leave_out",
    "feedback_publish",
    "feedback_put_back",
    "feedback_record",
    "feedback_respond",
    "feedback_send",
    "feedback_settings_update",
    "feedback_unpublish",
    "feedback_upload_keep",
    "is_young_person_only",
    "overdue_digest_send",
    "overdue_digest_send_one",
]
