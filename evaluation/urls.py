from django.urls import path

from evaluation import views

app_name = "evaluation"

AREA = "<slug:area_slug>/"

urlpatterns = [
    # Outside any area: every area whose dashboard the person may see.
    path("dashboard/areas/", views.AreasSideBySideView.as_view(), name="areas"),
    path(AREA + "dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path(
        AREA + "dashboard/bodies/<int:body_pk>/",
        views.DashboardView.as_view(),
        name="body_dashboard",
    ),
    path(
        AREA + "dashboard/figures/<slug:slug>.csv",
        views.FigureCsvView.as_view(),
        name="figure_csv",
    ),
]
