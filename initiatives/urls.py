from django.urls import path, register_converter

from initiatives import views


class InitiativeCodeConverter:
    """An initiative's code in an address, e.g. CoDesign12."""

    regex = r"Co(?:Comm|Design|Del|Assess)[0-9]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(InitiativeCodeConverter, "code")

app_name = "initiatives"

urlpatterns = [
    path("<slug:area_slug>/initiatives/", views.RegisterView.as_view(), name="register"),
    path("<slug:area_slug>/initiatives/export.csv", views.ExportView.as_view(), name="export"),
    path("<slug:area_slug>/initiatives/summary/", views.SummaryView.as_view(), name="summary"),
    path(
        "<slug:area_slug>/initiatives/register/",
        views.InitiativeRegisterView.as_view(),
        name="add",
    ),
    path("<slug:area_slug>/initiatives/import/", views.ImportView.as_view(), name="import"),
    path(
        "<slug:area_slug>/initiatives/import/check/",
        views.ImportCheckView.as_view(),
        name="import_check",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/",
        views.InitiativeDetailView.as_view(),
        name="detail",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/change/",
        views.InitiativeEditView.as_view(),
        name="edit",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/status/",
        views.StatusView.as_view(),
        name="status",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/publish/",
        views.PublicationView.as_view(change="publish"),
        name="publish",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/archive/",
        views.PublicationView.as_view(change="archive"),
        name="archive",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/restore/",
        views.PublicationView.as_view(change="restore"),
        name="restore",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/options/",
        views.OptionsEditView.as_view(),
        name="options_edit",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/outcomes/add/",
        views.OutcomeFormView.as_view(),
        name="outcome_add",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/outcomes/<int:pk>/",
        views.OutcomeFormView.as_view(),
        name="outcome_edit",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/outcomes/<int:pk>/remove/",
        views.OutcomeRemoveView.as_view(),
        name="outcome_remove",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/contacts/add/",
        views.ContactAddView.as_view(),
        name="contact_add",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/contacts/<int:pk>/remove/",
        views.ContactRemoveView.as_view(),
        name="contact_remove",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/opportunities/add/",
        views.OpportunityFormView.as_view(),
        name="opportunity_add",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/opportunities/<int:pk>/",
        views.OpportunityDetailView.as_view(),
        name="opportunity",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/opportunities/<int:pk>/change/",
        views.OpportunityFormView.as_view(),
        name="opportunity_edit",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/opportunities/<int:pk>/close/",
        views.OpportunityCloseView.as_view(),
        name="opportunity_close",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/opportunities/<int:pk>/withdraw/",
        views.InterestWithdrawView.as_view(),
        name="interest_withdraw",
    ),
    path(
        "<slug:area_slug>/initiatives/<code:code>/opportunities/<int:pk>/interest/<int:interest_pk>/",
        views.InterestRespondView.as_view(),
        name="interest_respond",
    ),
    path("<slug:area_slug>/get-involved/", views.GetInvolvedView.as_view(), name="get_involved"),
    path("<slug:area_slug>/options/", views.OptionListView.as_view(), name="options"),
    path("<slug:area_slug>/options/<int:pk>/", views.OptionDetailView.as_view(), name="option"),
]
