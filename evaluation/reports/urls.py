from django.urls import path

from evaluation.reports import views

app_name = "reports"

AREA = "<slug:area_slug>/reports/"

urlpatterns = [
    path(AREA, views.ReportListView.as_view(), name="list"),
    path(AREA + "new/", views.ReportRequestView.as_view(), name="request"),
    path(AREA + "<int:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path(AREA + "<int:pk>/download/", views.ReportDownloadView.as_view(), name="download"),
]
