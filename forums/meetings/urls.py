from django.urls import path

from forums.meetings import views

app_name = "meetings"

AREA = "<slug:area_slug>/"
MEETING = AREA + "meetings/<int:pk>/"

urlpatterns = [
    path(
        MEETING + "papers/<int:version_pk>/",
        views.PaperDownloadView.as_view(),
        name="paper_download",
    ),
    path(MEETING, views.MeetingDetailView.as_view(), name="meeting_detail"),
]
