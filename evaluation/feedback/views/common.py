"""What the feedback pages share: finding an item, and the publication pages' access rule."""

from functools import cached_property

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest
from django.views.generic.base import ContextMixin

from coproduction.people.mixins import AreaRecordMixin, area_from_slug
from evaluation.feedback import selectors


class FeedbackItemMixin(AreaRecordMixin):
    """An item of the area, for the people who manage feedback."""

    area_permission_required = "feedback.manage_feedback"
    permission_required = "feedback.manage_feedback"
    record_name = "item"
    not_found_message = "There is no such feedback in this area."

    def find_record(self):
        return selectors.item_get(area=self.area, pk=self.kwargs["pk"])

    @property
    def item(self):
        return self.record


class PublicationAccessMixin(ContextMixin):
    """For the "You said, we did" pages: the area's members, or everyone when the area
    publishes them (its setting). Otherwise people not signed in go to the sign-in page and
    signed-in people from elsewhere get a 404 (the pages are not there for them)."""

    request: HttpRequest

    def dispatch(self, request, *args, **kwargs):
        self.area = area_from_slug(kwargs["area_slug"])
        request.area = self.area
        if not request.user.has_perm("feedback.view_publication", self.area):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404("There is no such page for you in this area.")
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def is_member(self) -> bool:
        return self.request.user.has_perm("people.view_area", self.area)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["area"] = self.area
        context["is_member"] = self.is_member
        context["can_manage"] = self.request.user.has_perm("feedback.manage_feedback", self.area)
        return context
