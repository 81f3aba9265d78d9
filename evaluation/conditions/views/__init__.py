"""Pages under /<area>/self-evaluation/: conditions rounds, the action plan, activities."""

from evaluation.conditions.views.activities import (
    ActivityAddView,
    ImpactView,
    YearCloseView,
    YearDetailView,
    YearListView,
    YearOpenView,
    YearReviewView,
)
from evaluation.conditions.views.plan import ActionAddView, ActionEditView, ActionPlanView
from evaluation.conditions.views.rounds import (
    RateView,
    RoundCloseView,
    RoundDetailView,
    RoundListView,
    RoundOpenView,
)

__all__ = [
    "ActionAddView",
    "ActionEditView",
    "ActionPlanView",
    "ActivityAddView",
    "ImpactView",
    "RateView",
    "RoundCloseView",
    "RoundDetailView",
    "RoundListView",
    "RoundOpenView",
    "YearCloseView",
    "YearDetailView",
    "YearListView",
    "YearOpenView",
    "YearReviewView",
]
