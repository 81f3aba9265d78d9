from django.urls import path

from forums.meetings import views

app_name = "meetings"

AREA = "<slug:area_slug>/"
MEETING = AREA + "meetings/<int:pk>/"
BODY = AREA + "governance/<int:body_pk>/meetings/"

urlpatterns = [
    # The person's own settings and calendar feed (not area pages).
    path("account/meetings/", views.PreferencesView.as_view(), name="preferences"),
    path(
        "account/meetings/new-calendar-address/", views.FeedResetView.as_view(), name="feed_reset"
    ),
    path("account/meetings/calendar/<str:token>.ics", views.person_feed, name="person_feed"),
    path(AREA + "meetings/", views.MyMeetingsView.as_view(), name="my_meetings"),
    path(AREA + "meetings/settings/", views.MeetingSettingsView.as_view(), name="settings"),
    path(AREA + "meetings/venues/", views.VenueListView.as_view(), name="venue_list"),
    path(AREA + "meetings/venues/add/", views.VenueFormView.as_view(), name="venue_add"),
    path(
        AREA + "meetings/venues/<int:venue_pk>/",
        views.VenueFormView.as_view(),
        name="venue_edit",
    ),
    path(BODY, views.BodyMeetingsView.as_view(), name="body_meetings"),
    path(BODY + "schedule/", views.MeetingScheduleView.as_view(), name="meeting_schedule"),
    path(BODY + "calendar.ics", views.BodyFeedView.as_view(), name="body_feed"),
    path(MEETING, views.MeetingDetailView.as_view(), name="meeting_detail"),
    path(MEETING + "reply/", views.RsvpView.as_view(), name="rsvp"),
    path(MEETING + "organise/", views.MeetingOrganiseView.as_view(), name="meeting_organise"),
    path(MEETING + "edit/", views.MeetingEditView.as_view(), name="meeting_edit"),
    path(MEETING + "cancel/", views.MeetingCancelView.as_view(), name="meeting_cancel"),
    path(MEETING + "record/", views.MeetingRecordView.as_view(), name="meeting_record"),
    path(MEETING + "actions/add/", views.ActionAddView.as_view(), name="action_add"),
    path(
        MEETING + "actions/<int:action_pk>/done/",
        views.ActionDoneView.as_view(),
        name="action_done",
    ),
    path(MEETING + "interests/add/", views.DeclarationAddView.as_view(), name="declaration_add"),
    path(MEETING + "approve-minutes/", views.MinutesApproveView.as_view(), name="minutes_approve"),
    path(MEETING + "agenda/add/", views.AgendaItemAddView.as_view(), name="agenda_item_add"),
    path(
        MEETING + "agenda/<int:item_pk>/papers/add/",
        views.PaperAddView.as_view(),
        name="paper_add",
    ),
    path(
        MEETING + "papers/<int:paper_pk>/replace/",
        views.PaperReplaceView.as_view(),
        name="paper_replace",
    ),
    path(
        MEETING + "papers/<int:version_pk>/",
        views.PaperDownloadView.as_view(),
        name="paper_download",
    ),
]
