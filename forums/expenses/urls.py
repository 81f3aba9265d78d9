from django.urls import path

from forums.expenses import views

app_name = "expenses"

BASE = "<slug:area_slug>/expenses/"
CLAIM = BASE + "<int:pk>/"

urlpatterns = [
    path(BASE, views.MyClaimsView.as_view(), name="my_claims"),
    path(BASE + "new/", views.ClaimCreateView.as_view(), name="claim_new"),
    path(BASE + "for-someone/", views.ClaimantChooseView.as_view(), name="claimant_choose"),
    path(BASE + "for/<int:person_pk>/new/", views.ClaimOnBehalfView.as_view(), name="claim_for"),
    path(BASE + "my-reward/", views.PreferenceView.as_view(), name="preference"),
    path(BASE + "claims/", views.ClaimsView.as_view(), name="claims"),
    path(BASE + "totals/", views.TotalsView.as_view(), name="totals"),
    path(BASE + "finance.csv", views.FinanceCsvView.as_view(), name="finance_csv"),
    path(BASE + "agreements/<int:pk>/budget/", views.BudgetView.as_view(), name="budget"),
    path(BASE + "incentives/", views.IncentivesView.as_view(), name="incentives"),
    path(BASE + "incentives/add/", views.IncentiveFormView.as_view(), name="incentive_add"),
    path(BASE + "incentives/<int:pk>/", views.IncentiveFormView.as_view(), name="incentive_edit"),
    path(BASE + "settings/", views.SettingsView.as_view(), name="settings"),
    path(CLAIM, views.ClaimDetailView.as_view(), name="claim"),
    path(CLAIM + "change/", views.ClaimChangeView.as_view(), name="claim_change"),
    path(CLAIM + "receipts/add/", views.ReceiptAddView.as_view(), name="receipt_add"),
    path(
        CLAIM + "receipts/<int:receipt_pk>/",
        views.ReceiptDownloadView.as_view(),
        name="receipt",
    ),
    path(CLAIM + "decide/", views.ClaimDecideView.as_view(), name="claim_decide"),
    path(CLAIM + "paid/", views.ClaimPaidView.as_view(), name="claim_paid"),
]
