"""Importing initiatives from a file: upload, check, then confirm."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from coproduction.people.mixins import AreaPermissionMixin
from initiatives import csv_format, services, spreadsheets
from initiatives.forms import ImportConfirmForm, ImportUploadForm

# CSV import --------------------------------------------------------------------------------

SESSION_KEY = "initiatives_import"


class ImportView(AreaPermissionMixin, FormView):
    """Step 1: upload a file. It is kept in the session for the check and confirm step."""

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
        self.request.session[SESSION_KEY] = {
            "area": self.area.pk,
            "name": form.files["file"].name,
            "text": form.cleaned_data["file"],
        }
        return redirect("initiatives:import_check", area_slug=self.area.slug)


class ImportCheckView(AreaPermissionMixin, FormView):
    """Step 2: every problem by row and column, or a preview and the button to import."""

    permission_required = "initiatives.import_initiatives"
    template_name = "initiatives/import_check.html"
    form_class = ImportConfirmForm

    def uploaded(self) -> dict | None:
        uploaded = self.request.session.get(SESSION_KEY)
        if not uploaded or uploaded.get("area") != self.area.pk:
            return None
        return uploaded

    def get(self, request, *args, **kwargs):
        if self.uploaded() is None:
            return redirect("initiatives:import", area_slug=self.area.slug)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        uploaded = self.uploaded()
        check = csv_format.check_initiatives_csv(area=self.area, csv_text=uploaded["text"])
        context.update(
            check=check,
            file_name=uploaded["name"],
            upload_form=ImportUploadForm(),
            upload_url=reverse("initiatives:import", kwargs={"area_slug": self.area.slug}),
            back_url=reverse("initiatives:import", kwargs={"area_slug": self.area.slug}),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.uploaded() is None:
            return redirect("initiatives:import", area_slug=self.area.slug)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            created = services.initiatives_import(
                area=self.area,
                by=self.request.user,
                csv_text=self.uploaded()["text"],
                publish=form.cleaned_data["publish"],
            )
        except ValidationError:
            # Something changed since the check (another import?): show the problems now.
            return self.form_invalid(form)
        del self.request.session[SESSION_KEY]
        messages.success(self.request, f"{len(created)} initiatives are imported.")
        return redirect("initiatives:register", area_slug=self.area.slug)
