"""Importing initiatives from a file: upload, check, then confirm."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.generic import FormView

from coproduction.people.mixins import AreaPermissionMixin, ServiceFormMixin
from initiatives import csv_format, selectors, services, spreadsheets
from initiatives.forms import ImportConfirmForm, ImportUploadForm

# The session holds only which kept upload (ImportUpload) the person is importing.
SESSION_KEY = "initiatives_import"


class ImportView(AreaPermissionMixin, FormView):
    """Step 1: upload a file. It is kept (ImportUpload) for the check and confirm step."""

    permission_required = "initiatives.import_initiatives"
    template_name = "initiatives/import.html"
    form_class = ImportUploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = csv_format.COLUMNS
        context["max_rows"] = f"{spreadsheets.MAX_ROWS:,}"
        context["max_columns"] = spreadsheets.MAX_COLUMNS
        context["back_url"] = reverse("initiatives:register", kwargs={"area_slug": self.area.slug})
        return context

    def form_valid(self, form):
        upload = services.import_upload_keep(
            area=self.area,
            by=self.request.user,
            file_name=form.files["file"].name,
            csv_text=form.cleaned_data["file"],
        )
        self.request.session[SESSION_KEY] = {"area": self.area.pk, "upload": upload.pk}
        return redirect("initiatives:import_check", area_slug=self.area.slug)


class ImportCheckView(ServiceFormMixin, AreaPermissionMixin, FormView):
    """Step 2: every problem by row and column, or a preview and the button to import."""

    permission_required = "initiatives.import_initiatives"
    template_name = "initiatives/import_check.html"
    form_class = ImportConfirmForm

    @cached_property
    def upload(self):
        """The file this person is importing here, or None (nothing uploaded, or another
        area's)."""
        kept = self.request.session.get(SESSION_KEY)
        if not kept or kept.get("area") != self.area.pk:
            return None
        return selectors.import_upload_get(
            area=self.area, person=self.request.user, pk=kept.get("upload")
        )

    def answer_without_upload(self):
        """A redirect when there is nothing (more) to check or import, else None."""
        if self.upload is None:
            return redirect("initiatives:import", area_slug=self.area.slug)
        if self.upload.imported_at is not None:
            return self.already_imported()
        return None

    def get(self, request, *args, **kwargs):
        return self.answer_without_upload() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.answer_without_upload() or super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        check = csv_format.check_initiatives_csv(area=self.area, csv_text=self.upload.csv_text)
        context.update(
            check=check,
            file_name=self.upload.file_name,
            upload_form=ImportUploadForm(),
            upload_url=reverse("initiatives:import", kwargs={"area_slug": self.area.slug}),
            back_url=reverse("initiatives:import", kwargs={"area_slug": self.area.slug}),
        )
        return context

    def call_service(self, form):
        return services.initiatives_import_upload(
            upload=self.upload, by=self.request.user, publish=form.cleaned_data["publish"]
        )

    def form_valid(self, form):
        try:
            created = self.call_service(form)
        except ValidationError as error:
            if getattr(error, "code", None) == "already_imported":
                return self.already_imported()
            # Something changed since the check (another import?): the page shows it now.
            return self.form_invalid(form)
        return self.service_done(form, created)

    def service_done(self, form, created):
        self.request.session.pop(SESSION_KEY, None)
        count = len(created)
        messages.success(
            self.request,
            ngettext(
                "%(count)d initiative is imported.", "%(count)d initiatives are imported.", count
            )
            % {"count": count},
        )
        return redirect("initiatives:register", area_slug=self.area.slug)

    def already_imported(self):
        """A second click on the import button (or another tab): say so, add nothing."""
        self.request.session.pop(SESSION_KEY, None)
        messages.error(self.request, services.ALREADY_IMPORTED)
        return redirect("initiatives:register", area_slug=self.area.slug)
