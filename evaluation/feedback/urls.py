from django.urls import path

from evaluation.feedback import views

app_name = "feedback"

AREA = "<slug:area_slug>/"
PUBLIC = AREA + "you-said-we-did/"
FEEDBACK = AREA + "feedback/"
ITEM = FEEDBACK + "<int:pk>/"

urlpatterns = [
    path(PUBLIC, views.PublicationView.as_view(), name="publication"),
    path(
        PUBLIC + "bodies/<int:body_pk>/",
        views.BodyPublicationView.as_view(),
        name="body_publication",
    ),
    path(
        PUBLIC + "initiatives/<str:code>/",
        views.InitiativePublicationView.as_view(),
        name="initiative_publication",
    ),
    path(
        PUBLIC + "local-offer/<int:year>/",
        views.LocalOfferPublicationView.as_view(),
        name="local_offer",
    ),
    path(FEEDBACK, views.FeedbackListView.as_view(), name="list"),
    path(FEEDBACK + "add/", views.FeedbackRecordView.as_view(), name="record"),
    path(FEEDBACK + "send/", views.SendFeedbackView.as_view(), name="send"),
    path(FEEDBACK + "yours/", views.YourFeedbackView.as_view(), name="yours"),
    path(FEEDBACK + "import/", views.ImportView.as_view(), name="import"),
    path(FEEDBACK + "import/check/", views.ImportCheckView.as_view(), name="import_check"),
    path(FEEDBACK + "settings/", views.FeedbackSettingsView.as_view(), name="settings"),
    path(ITEM, views.FeedbackItemView.as_view(), name="item"),
    path(ITEM + "respond/", views.ResponseView.as_view(), name="respond"),
    path(ITEM + "leave-out/", views.LeaveOutView.as_view(), name="leave_out"),
    path(ITEM + "put-back/", views.PutBackView.as_view(), name="put_back"),
    path(ITEM + "anonymise/", views.AnonymiseView.as_view(), name="anonymise"),
    path(ITEM + "publish/", views.PublishView.as_view(), name="publish"),
    path(ITEM + "unpublish/", views.UnpublishView.as_view(), name="unpublish"),
]
