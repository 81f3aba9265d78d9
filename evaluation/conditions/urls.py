from django.urls import path

from evaluation.conditions import views

app_name = "conditions"

BASE = "<slug:area_slug>/self-evaluation/"
ROUND = BASE + "conditions/<int:pk>/"
YEAR = BASE + "activities/<int:pk>/"

urlpatterns = [
    path(BASE + "conditions/", views.RoundListView.as_view(), name="round_list"),
    path(BASE + "conditions/open/", views.RoundOpenView.as_view(), name="round_open"),
    path(ROUND, views.RoundDetailView.as_view(), name="round_detail"),
    path(ROUND + "rate/", views.RateView.as_view(), name="rate"),
    path(ROUND + "close/", views.RoundCloseView.as_view(), name="round_close"),
    path(BASE + "actions/", views.ActionPlanView.as_view(), name="action_plan"),
    path(BASE + "actions/add/", views.ActionAddView.as_view(), name="action_add"),
    path(BASE + "actions/<int:pk>/", views.ActionEditView.as_view(), name="action_edit"),
    path(BASE + "activities/", views.YearListView.as_view(), name="year_list"),
    path(BASE + "activities/open/", views.YearOpenView.as_view(), name="year_open"),
    path(YEAR, views.YearDetailView.as_view(), name="year_detail"),
    path(YEAR + "add/", views.ActivityAddView.as_view(), name="activity_add"),
    path(YEAR + "review/", views.YearReviewView.as_view(), name="year_review"),
    path(YEAR + "close/", views.YearCloseView.as_view(), name="year_close"),
    path(YEAR + "<int:activity_pk>/impact/", views.ImpactView.as_view(), name="impact"),
]
