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


class AreaRecordMixin(AreaPermissionMixin):
    """For pages about one record of the area (a group, a body, an initiative ...).

    Subclasses say how to find it with `find_record()`, through a selector filtered by
    `self.area`, so another area's id is a 404. People outside the area are refused before
    anything is looked up; for members the record is the permission object. The record is
    read once, kept as `self.record` and put in the context as `record_name`.
    """

    record_name = "record"
    not_found_message = "There is no such record in this area."

    def find_record(self):
        raise NotImplementedError

    @cached_property
    def record(self):
        return found(self.find_record(), self.not_found_message)

    def has_permission(self):
        if not self.request.user.has_perm("people.view_area", self.area):
            return False
        return super().has_permission()

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
