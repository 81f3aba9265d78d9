"""Importing feedback items from a spreadsheet: upload, check, then confirm (the same steps
as the initiatives' importer)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.generic import FormView

from coproduction.forms.uploads import SpreadsheetUploadForm
from coproduction.imports import KeptUploadMixin
from coproduction.people.mixins import AreaPermissionMixin
from coproduction.spreadsheets import MAX_COLUMNS, MAX_ROWS
from evaluation.feedback import forms, importer, selectors, services

# The session holds only which kept upload (FeedbackUpload) the person is importing.
SESSION_KEY = "feedback_import"


class ImportView(AreaPermissionMixin, FormView):
    """Step 1: upload a file, kept for the check and confirm step."""

    area_permission_required = "feedback.manage_feedback"
    template_name = "feedback/import.html"
    form_class = SpreadsheetUploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            columns=importer.COLUMNS,
            max_rows=f"{MAX_ROWS:,}",
            max_columns=MAX_COLUMNS,
            back_url=reverse("feedback:list", kwargs={"area_slug": self.area.slug}),
        )
        return context

    def form_valid(self, form):
        upload = services.feedback_upload_keep(
            area=self.area,
            by=self.request.user,
            file_name=form.files["file"].name,
            csv_text=form.cleaned_data["file"],
        )
        self.request.session[SESSION_KEY] = {"area": self.area.pk, "upload": upload.pk}
        return redirect("feedback:import_check", area_slug=self.area.slug)


class ImportCheckView(KeptUploadMixin, AreaPermissionMixin, FormView):
    """Step 2: every problem by row and column, or a preview and the button to import."""

    area_permission_required = "feedback.manage_feedback"
    session_key = SESSION_KEY
    upload_url_name = "feedback:import"
    done_url_name = "feedback:list"
    already_imported_message = services.ALREADY_IMPORTED
    find_upload = staticmethod(selectors.import_upload_get)
    template_name = "feedback/import_check.html"

    def get_form(self, form_class=None):
        return forms.ConfirmForm(
            **self.get_form_kwargs(),
            submit_label="Import feedback",
            action=reverse("feedback:import_check", kwargs={"area_slug": self.area.slug}),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        import_url = reverse("feedback:import", kwargs={"area_slug": self.area.slug})
        context.update(
            check=importer.check_feedback_csv(area=self.area, csv_text=self.upload.csv_text),
            file_name=self.upload.file_name,
            upload_url=import_url,
            back_url=import_url,
        )
        return context

    def form_valid(self, form):
        try:
            created = services.feedback_import_upload(upload=self.upload, by=self.request.user)
        except ValidationError as error:
            if getattr(error, "code", None) == "already_imported":
                return self.already_imported()
            return self.form_invalid(form)  # changed since the check: the page shows it now
        self.forget_upload()
        count = len(created)
        messages.success(
            self.request,
            ngettext(
                "%(count)d feedback item is imported.",
                "%(count)d feedback items are imported.",
                count,
            )
            % {"count": count},
        )
        return redirect("feedback:list", area_slug=self.area.slug)
