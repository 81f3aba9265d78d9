"""Project-wide pages: home, health check and error pages."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from coproduction.health import OK, health_report
from coproduction.people.mixins import PageNotFound
from coproduction.registry import registry


class HomeView(TemplateView):
    """Signed out: what the portal is. Signed in: the person's areas, roles and what is theirs."""

    def get_template_names(self):
        if self.request.user.is_authenticated:
            return ["home.html"]
        return ["landing.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.request.user
        if person.is_authenticated:
            context["memberships"] = person.area_memberships()
            context["sections"] = registry.home_sections(person)
            context["two_factor_on"] = is_mfa_enabled(person)
        return context


class CookiesView(TemplateView):
    template_name = "pages/cookies.html"
    extra_context = {
        "cookie_columns": [("name", "Name"), ("purpose", "Purpose"), ("expires", "Expires")],
        "cookie_rows": [
            {
                "name": "sessionid",
                "purpose": "Keeps you signed in",
                "expires": "When you sign out or close your browser, or after 2 weeks if you "
                "chose to stay signed in",
            },
            {
                "name": "csrftoken",
                "purpose": "Stops other websites sending forms in your name",
                "expires": "After 1 year",
            },
        ],
    }


@never_cache
def healthz(request):
    report = health_report()
    healthy = all(state == OK for state in report.values())
    failing = [part for part, state in report.items() if state != OK]
    body = {"status": "ok" if healthy else "failing", "failing": failing, **report}
    return JsonResponse(body, status=200 if healthy else 503)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    message = str(exception) if isinstance(exception, PageNotFound) else ""
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request):
    # Rendered without the request's context processors: the page must still appear when
    # the database or Redis is what failed.
    html = get_template("500.html").render(
        {
            "service_name": settings.SERVICE_NAME,
            "service_navigation": [{"text": "Home", "href": "/"}],
        }
    )
    return HttpResponseServerError(html)
