"""Importing initiatives from a file: upload, check, then confirm."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.generic import FormView

from coproduction.imports import KeptUploadMixin
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


class ImportCheckView(KeptUploadMixin, ServiceFormMixin, AreaPermissionMixin, FormView):
    """Step 2: every problem by row and column, or a preview and the button to import."""

    permission_required = "initiatives.import_initiatives"
    session_key = SESSION_KEY
    upload_url_name = "initiatives:import"
    done_url_name = "initiatives:register"
    already_imported_message = services.ALREADY_IMPORTED
    find_upload = staticmethod(selectors.import_upload_get)
    template_name = "initiatives/import_check.html"
    form_class = ImportConfirmForm

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
        self.forget_upload()
        count = len(created)
        messages.success(
            self.request,
            ngettext(
                "%(count)d initiative is imported.", "%(count)d initiatives are imported.", count
            )
            % {"count": count},
        )
        return redirect("initiatives:register", area_slug=self.area.slug)
