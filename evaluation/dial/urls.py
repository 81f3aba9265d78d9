from django.urls import path

from evaluation.dial import views

app_name = "dial"

SE = "<slug:area_slug>/self-evaluation/"
DIAL = SE + "dial/"
ACTIVITIES = SE + "declared-and-experienced/"
STAKEHOLDERS = SE + "stakeholders/"

urlpatterns = [
    path(SE + "ladder/", views.SettingsView.as_view(), name="settings"),
    path(DIAL, views.OverviewView.as_view(), name="overview"),
    path(DIAL + "add/", views.SubjectAddView.as_view(), name="subject_add"),
    path(DIAL + "<int:pk>/", views.SubjectView.as_view(), name="subject"),
    path(DIAL + "<int:pk>/assess/", views.AssessmentRecordView.as_view(), name="assess"),
    path(
        DIAL + "assessments/<int:pk>/edit/",
        views.AssessmentEditView.as_view(),
        name="assessment_edit",
    ),
    path(ACTIVITIES, views.ActivityListView.as_view(), name="activities"),
    path(ACTIVITIES + "declare/", views.DeclareView.as_view(), name="declare"),
    path(ACTIVITIES + "<int:pk>/", views.ActivityView.as_view(), name="activity"),
    path(
        ACTIVITIES + "<int:pk>/edit/", views.DeclarationEditView.as_view(), name="declaration_edit"
    ),
    path(ACTIVITIES + "<int:pk>/answer/", views.ExperiencedView.as_view(), name="experienced"),
    path(SE + "characteristics/", views.CharacteristicsView.as_view(), name="characteristics"),
    path(
        SE + "characteristics/check/",
        views.CharacteristicsCheckView.as_view(),
        name="characteristics_check",
    ),
    path(STAKEHOLDERS, views.StakeholdersView.as_view(), name="stakeholders"),
    path(STAKEHOLDERS + "add/", views.StakeholderAddView.as_view(), name="stakeholder_add"),
    path(
        STAKEHOLDERS + "<int:pk>/edit/",
        views.StakeholderEditView.as_view(),
        name="stakeholder_edit",
    ),
    path(STAKEHOLDERS + "missing/add/", views.MissingAddView.as_view(), name="missing_add"),
    path(
        STAKEHOLDERS + "missing/<int:pk>/remove/",
        views.MissingRemoveView.as_view(),
        name="missing_remove",
    ),
]
