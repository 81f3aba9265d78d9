from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from coproduction import views
from coproduction.people.admin import admin_password_change, admin_sign_in

handler403 = "coproduction.views.permission_denied"
handler404 = "coproduction.views.page_not_found"
handler500 = "coproduction.views.server_error"

# The admin site has no password form of its own: everyone signs in through allauth.
admin.site.login = admin_sign_in  # type: ignore[method-assign]
admin.site.password_change = admin_password_change  # type: ignore[method-assign]

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    path("cookies/", views.CookiesView.as_view(), name="cookies"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("coproduction.training.urls")),
    path("", include("initiatives.urls")),
    path("", include("forums.urls")),
    path("", include("forums.meetings.urls")),
    path("", include("evaluation.urls")),
    path("", include("evaluation.reports.urls")),
    path("", include("evaluation.dial.urls")),
    path("", include("forums.expenses.urls")),
    path("", include("evaluation.conditions.urls")),
    path("", include("evaluation.feedback.urls")),
    # Area pages, /<area_slug>/..., come last: fixed addresses above take precedence.
    path("", include("coproduction.people.urls")),
]
