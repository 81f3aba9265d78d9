from django.urls import path

from forums import views

app_name = "forums"

AREA = "<slug:area_slug>/"

urlpatterns = [
    # The person's own equality monitoring answers (not an area page: one record per person).
    path(
        "account/equality-monitoring/",
        views.EqualityRecordView.as_view(),
        name="equality_record",
    ),
    path(
        "account/equality-monitoring/withdraw/",
        views.EqualityWithdrawView.as_view(),
        name="equality_withdraw",
    ),
    # Participation groups
    path(AREA + "groups/", views.GroupListView.as_view(), name="group_list"),
    path(AREA + "groups/add/", views.GroupFormView.as_view(), name="group_add"),
    path(AREA + "groups/<int:pk>/", views.GroupDetailView.as_view(), name="group_detail"),
    path(AREA + "groups/<int:pk>/edit/", views.GroupFormView.as_view(), name="group_edit"),
    path(
        AREA + "groups/<int:pk>/members/add/",
        views.GroupMemberAddView.as_view(),
        name="group_member_add",
    ),
    path(
        AREA + "groups/<int:pk>/members/<int:membership_pk>/",
        views.GroupMemberEditView.as_view(),
        name="group_member_edit",
    ),
    path(
        AREA + "groups/<int:pk>/members/<int:membership_pk>/leave/",
        views.GroupMemberLeaveView.as_view(),
        name="group_member_leave",
    ),
    path(AREA + "population/", views.PopulationFiguresView.as_view(), name="population"),
    # Boards and work streams
    path(AREA + "governance/", views.GovernanceTreeView.as_view(), name="governance"),
    path(AREA + "governance/add/", views.BodyFormView.as_view(), name="body_add"),
    path(AREA + "governance/join/", views.JoinableBodiesView.as_view(), name="joinable"),
    path(
        AREA + "governance/representation/",
        views.RepresentationView.as_view(),
        name="representation",
    ),
    path(AREA + "governance/<int:pk>/", views.BodyDetailView.as_view(), name="body_detail"),
    path(AREA + "governance/<int:pk>/edit/", views.BodyFormView.as_view(), name="body_edit"),
    path(
        AREA + "governance/<int:pk>/join/",
        views.JoinRequestCreateView.as_view(),
        name="join_request_create",
    ),
    path(
        AREA + "governance/<int:pk>/requests/",
        views.BodyRequestsView.as_view(),
        name="body_requests",
    ),
    path(
        AREA + "governance/<int:pk>/members/add/",
        views.BodyMembershipFormView.as_view(),
        name="body_member_add",
    ),
    path(
        AREA + "governance/<int:pk>/members/<int:membership_pk>/",
        views.BodyMembershipFormView.as_view(),
        name="body_member_edit",
    ),
    path(
        AREA + "governance/<int:pk>/members/<int:membership_pk>/end/",
        views.BodyMembershipEndView.as_view(),
        name="body_member_end",
    ),
    # Join requests
    path(
        AREA + "join-requests/<int:pk>/accept/",
        views.JoinRequestAcceptView.as_view(),
        name="join_request_accept",
    ),
    path(
        AREA + "join-requests/<int:pk>/decline/",
        views.JoinRequestDeclineView.as_view(),
        name="join_request_decline",
    ),
    path(
        AREA + "join-requests/<int:pk>/withdraw/",
        views.JoinRequestWithdrawView.as_view(),
        name="join_request_withdraw",
    ),
    # Consultation load
    path(AREA + "consultation/", views.ConsultationOverviewView.as_view(), name="consultation"),
    path(
        AREA + "consultation/record/",
        views.ConsultationRecordView.as_view(),
        name="consultation_record",
    ),
    path(
        AREA + "consultation/groups/<int:pk>/",
        views.GroupLoadView.as_view(),
        name="group_load",
    ),
    path(
        AREA + "consultation/people/<int:person_pk>/",
        views.PersonLoadView.as_view(),
        name="person_load",
    ),
    # Partnership agreements
    path(AREA + "agreements/", views.AgreementListView.as_view(), name="agreement_list"),
    path(AREA + "agreements/add/", views.AgreementFormView.as_view(), name="agreement_add"),
    path(
        AREA + "agreements/<int:pk>/",
        views.AgreementDetailView.as_view(),
        name="agreement_detail",
    ),
    path(
        AREA + "agreements/<int:pk>/edit/",
        views.AgreementFormView.as_view(),
        name="agreement_edit",
    ),
    path(
        AREA + "agreements/<int:pk>/sign/",
        views.AgreementSignView.as_view(),
        name="agreement_sign",
    ),
    path(
        AREA + "agreements/<int:pk>/renew/",
        views.AgreementRenewView.as_view(),
        name="agreement_renew",
    ),
    path(
        AREA + "agreements/<int:pk>/outcomes/<int:part_pk>/progress/",
        views.OutcomeProgressView.as_view(),
        name="outcome_progress",
    ),
]

# Payments, schedule items and outcomes of a draft agreement: add, change, delete.
for part in views.AGREEMENT_PARTS:
    urlpatterns += [
        path(
            AREA + f"agreements/<int:pk>/{part}/add/",
            views.AgreementPartFormView.as_view(),
            {"part": part},
            name=f"agreement_{part}_add",
        ),
        path(
            AREA + f"agreements/<int:pk>/{part}/<int:part_pk>/",
            views.AgreementPartFormView.as_view(),
            {"part": part},
            name=f"agreement_{part}_edit",
        ),
        path(
            AREA + f"agreements/<int:pk>/{part}/<int:part_pk>/delete/",
            views.AgreementPartDeleteView.as_view(),
            {"part": part},
            name=f"agreement_{part}_delete",
        ),
    ]
