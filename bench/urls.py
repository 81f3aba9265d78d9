"""The portal's addresses plus one bench-only page: a bare view that needs a signed-in person,
the yardstick each main page's requests per second are divided by (bench/load.py)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path

BARE_URL = "/bench/bare/"


@login_required
def bare_signed_in(request):
    """All the middleware a page goes through (session, person, two-factor check), no work."""
    return HttpResponse("signed in", content_type="text/plain")


urlpatterns = [
    path(BARE_URL.strip("/") + "/", bare_signed_in),
    path("", include("coproduction.urls")),
]
