from django.urls import include, path

from coproduction.people import views

app_name = "people"

area_urlpatterns = [
    path("", views.AreaHomeView.as_view(), name="area_home"),
    path("people/", views.MemberListView.as_view(), name="member_list"),
    path("people/invite/", views.InviteView.as_view(), name="invite"),
    path(
        "people/invitations/<int:pk>/cancel/",
        views.InvitationCancelView.as_view(),
        name="invitation_cancel",
    ),
    path("people/<int:pk>/", views.MembershipEditView.as_view(), name="membership_edit"),
    path("people/<int:pk>/remove/", views.MembershipRemoveView.as_view(), name="membership_remove"),
    path("settings/", views.AreaSettingsView.as_view(), name="area_settings"),
    path("settings/terms/add/", views.TermFormView.as_view(), name="term_add"),
    path("settings/terms/<int:pk>/", views.TermFormView.as_view(), name="term_edit"),
    path("settings/terms/<int:pk>/delete/", views.TermDeleteView.as_view(), name="term_delete"),
]

urlpatterns = [
    path("account/", views.AccountView.as_view(), name="account"),
    path("account/details/", views.ProfileEditView.as_view(), name="profile_edit"),
    path(
        "invitations/<str:token>/", views.InvitationAcceptView.as_view(), name="invitation_accept"
    ),
    # Area pages last, so the fixed addresses above are never read as an area.
    path("<slug:area_slug>/", include(area_urlpatterns)),
]
