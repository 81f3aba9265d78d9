"""The one place where an area page finds its local area and checks the person may see it."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.http import Http404
from rules.contrib.views import PermissionRequiredMixin

from coproduction.people.models import LocalArea


class PageNotFound(Http404):
    """A 404 whose message is written for people and shown on the error page."""


def found(record, message: str = "There is no such record in this area."):
    """The record a selector returned, or a 404: a missing id and another area's id (which
    area-filtered selectors return as None) answer the same."""
    if record is None:
        raise Http404(message)
    return record


def add_validation_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, at the field it names when it can."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


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
    for the page frame, then checks, in this order and before any record is looked up:

    1. the person belongs to the area (`people.view_area`);
    2. `area_permission_required` (if set): a permission decided by the person's roles alone,
       checked against the area (`has_area_permission()` may refine it);

    and only then `permission_required` against `get_permission_object()`: the area itself
    unless a view returns one of the area's records. So someone outside the area gets the
    same 403 for an id that exists there and for one that does not, and cannot tell which
    records another area holds; inside the area, a person without the role gets the same 403
    whichever id they try. People who are not signed in go to the sign-in page.
    """

    permission_required = "people.view_area"
    area_permission_required: str | tuple[str, ...] | None = None

    def dispatch(self, request, *args, **kwargs):
        self.area = area_from_slug(kwargs["area_slug"])
        request.area = self.area
        return super().dispatch(request, *args, **kwargs)

    def has_area_permission(self) -> bool:
        """The checks made before anything is looked up (see the class docstring)."""
        user = self.request.user  # type: ignore[attr-defined]  # the view's request
        if not user.has_perm("people.view_area", self.area):
            return False
        wanted = self.area_permission_required
        if wanted is None:
            return True
        return user.has_perms((wanted,) if isinstance(wanted, str) else wanted, self.area)

    def has_permission(self):
        return self.has_area_permission() and super().has_permission()

    def get_permission_object(self):
        return self.area

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["area"] = self.area
        return context


class AreaRecordMixin(AreaPermissionMixin):
    """For pages about one record of the area (a group, a body, an initiative ...).

    Subclasses say how to find it with `find_record()`, through a selector filtered by
    `self.area`, so another area's id is a 404 for the area's members. People outside the
    area (and, with `area_permission_required`, members without the role) are refused before
    anything is looked up; for the others the record is the permission object. The record is
    read once, kept as `self.record` and put in the context as `record_name`. Private records
    set `record_view_permission`: a member refused one they may not know about gets the 404
    a missing id gets, never a 403 that would tell them it exists.
    """

    record_name = "record"
    not_found_message = "There is no such record in this area."
    # For private records (a person's claim, a board's report): the permission that says
    # whether the person may know the record exists. A member of the area who lacks it gets
    # the same 404 as for a missing id, so ids cannot be told apart.
    record_view_permission: str | None = None

    def find_record(self):
        raise NotImplementedError

    def handle_no_permission(self):
        user = self.request.user
        if (
            self.record_view_permission
            and user.is_authenticated
            and self.has_area_permission()
            and not user.has_perm(self.record_view_permission, self.record)
        ):
            raise Http404(self.not_found_message)
        return super().handle_no_permission()

    @cached_property
    def record(self):
        return found(self.find_record(), self.not_found_message)

    def get_permission_object(self):
        return self.record

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context[self.record_name] = self.record
        return context


class AreaFormMixin:
    """For form views whose form takes the area (its choices are the area's rows)."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["area"] = self.area
        return kwargs


class ServiceFormMixin:
    """The one way a form view calls a service.

    A valid form goes to `call_service(form)`, which calls one service and returns what it
    made or changed. A `ValidationError` from the service is shown on the form, at the fields
    it names, with everything typed kept; otherwise `service_done(form, result)` answers
    (usually a message and a redirect).
    """

    def call_service(self, form):
        raise NotImplementedError

    def service_done(self, form, result):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.call_service(form)
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        return self.service_done(form, result)
