"""Report pages: the area's reports, the "make a report" form, one report (being made, then
its download and versions), and the permission-checked download."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView, ListView, TemplateView, View

from coproduction.people.mixins import AreaPermissionMixin, AreaRecordMixin, ServiceFormMixin
from evaluation.reports import forms, selectors, services
from evaluation.reports.models import ReportStatus

PAGE_SIZE = 20


class ReportListView(AreaPermissionMixin, ListView):
    """The area's reports the person may download, newest first, 20 a page."""

    area_permission_required = "reports.view_reports"
    template_name = "reports/report_list.html"
    context_object_name = "reports"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.reports_for_person(area=self.area, person=self.request.user)


class ReportRequestView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "reports.request_report"
    template_name = "reports/report_form.html"
    form_class = forms.ReportRequestForm

    def get_initial(self):
        """Chosen in advance from the address (the board dashboard's link), on GET only."""
        if self.request.method != "GET":
            return {}
        return forms.prefill(self.request.GET)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["area"] = self.area
        kwargs["today"] = timezone.localdate()
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["back_url"] = f"/{self.area.slug}/reports/"
        return context

    def call_service(self, form):
        data = form.cleaned_data
        return services.report_request(
            area=self.area,
            by=self.request.user,
            kind=data["kind"],
            local_offer=data["local_offer"],
            body=data["body"],
            initiative=data["initiative"],
            period_start=data["period_start"],
            period_end=data["period_end"],
            period_label=data["period_label"],
        )

    def service_done(self, form, result):
        report, made_new = result
        if made_new:
            messages.success(self.request, "Your report is being made. It takes a minute or two.")
        else:
            messages.info(
                self.request,
                "This report was already being made, so we have not made a second one.",
            )
        return redirect(report.get_absolute_url())


class ReportRecordMixin(AreaRecordMixin):
    permission_required = "reports.view_report"
    record_view_permission = "reports.view_report"
    record_name = "report"
    not_found_message = "There is no such report in this area."

    def find_record(self):
        return selectors.report_get(area=self.area, pk=self.kwargs["pk"])


class ReportDetailView(ReportRecordMixin, TemplateView):
    """Being made (with a link to check again), then the download, who asked and when, and
    every version of the same report."""

    template_name = "reports/report_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = selectors.report_versions(report=self.record)
        context["may_ask"] = self.request.user.has_perm("reports.request_report", self.area)
        return context


class ReportDownloadView(ReportRecordMixin, View):
    """The PDF, streamed, for people who may see the report. Never a public URL: the file's
    storage name is random and MEDIA_URL does not serve it."""

    def get(self, request, *args, **kwargs):
        report = self.record
        if report.status != ReportStatus.READY or not report.file:
            raise Http404("This report is not ready yet.")
        response = FileResponse(
            report.file.open("rb"),
            as_attachment=True,
            filename=report.download_name,
            content_type="application/pdf",
        )
        response["Cache-Control"] = "private, no-store"
        return response
