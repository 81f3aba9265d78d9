"""The pages of "You said, we did"."""

from evaluation.feedback.views.families import SendFeedbackView, YourFeedbackView
from evaluation.feedback.views.imports import ImportCheckView, ImportView
from evaluation.feedback.views.items import (
    AnonymiseView,
    FeedbackItemView,
    FeedbackListView,
    FeedbackRecordView,
    FeedbackSettingsView,
    LeaveOutView,
    PublishView,
    PutBackView,
    ResponseView,
    UnpublishView,
)
from evaluation.feedback.views.publication import (
    BodyPublicationView,
    InitiativePublicationView,
    LocalOfferPublicationView,
    PublicationView,
)

__all__ = [
    "AnonymiseView",
    "BodyPublicationView",
    "FeedbackItemView",
    "FeedbackListView",
    "FeedbackRecordView",
    "FeedbackSettingsView",
    "ImportCheckView",
    "ImportView",
    "InitiativePublicationView",
    "LeaveOutView",
    "LocalOfferPublicationView",
    "PublicationView",
    "PublishView",
    "PutBackView",
    "ResponseView",
    "SendFeedbackView",
    "UnpublishView",
    "YourFeedbackView",
]
