from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from coproduction import views

handler403 = "coproduction.views.permission_denied"
handler404 = "coproduction.views.page_not_found"
handler500 = "coproduction.views.server_error"

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
    path("", include("initiatives.urls")),
    path("", include("forums.urls")),
    # Area pages, /<area_slug>/..., come last: fixed addresses above take precedence.
    path("", include("coproduction.people.urls")),
]
