"""The one place where an area page finds its local area and checks the person may see it."""

from django.http import Http404
from rules.contrib.views import PermissionRequiredMixin

from coproduction.people.models import LocalArea


class PageNotFound(Http404):
    """A 404 whose message is written for people and shown on the error page."""


def area_from_slug(slug: str) -> LocalArea:
    area = LocalArea.objects.filter(slug=slug).first()
    if area is None:
        raise PageNotFound(
            f"There is no local area called “{slug}” in this portal. "
            "Check the web address, or go to your home page to see your areas."
        )
    return area


class AreaPermissionMixin(PermissionRequiredMixin):
    """For every view under /<area_slug>/.

    Resolves the area from the URL (a clear 404 when there is none), keeps it on the request
    for the page frame, and checks `permission_required` against `get_permission_object()`:
    the area itself unless a view returns one of the area's records. People who are not signed
    in go to the sign-in page; signed-in people without the permission get a 403.
    """

    permission_required = "people.view_area"

    def dispatch(self, request, *args, **kwargs):
        self.area = area_from_slug(kwargs["area_slug"])
        request.area = self.area
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.area

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["area"] = self.area
        return context
