"""The yearly activity self-evaluation (West Sussex): years, their activities, the review
and impact, closing."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView, View

from coproduction.people.mixins import (
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
    found,
)
from evaluation.conditions import forms, selectors
from evaluation.conditions.constants import YearStatus
from evaluation.conditions.services import activities as services


class YearListView(AreaPermissionMixin, TemplateView):
    area_permission_required = "conditions.view_activities"
    template_name = "conditions/year_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = selectors.area_activity_years(area=self.area)
        return context


class YearOpenView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "conditions.manage_activities"
    template_name = "conditions/form.html"
    form_class = forms.YearOpenForm
    extra_context = {"heading": "Open a year's activity self-evaluation"}

    def call_service(self, form):
        from datetime import date

        return services.activity_year_open(
            area=self.area, by=self.request.user, day=date.fromisoformat(form.cleaned_data["year"])
        )

    def service_done(self, form, year):
        messages.success(self.request, f"The {year.label} is open. Agree its activities.")
        return redirect(year.get_absolute_url())


class YearRecordMixin(AreaRecordMixin):
    record_name = "year"
    not_found_message = "There is no such year's self-evaluation in this area."

    def find_record(self):
        return selectors.activity_year_get(area=self.area, pk=self.kwargs["pk"])


class YearDetailView(YearRecordMixin, TemplateView):
    permission_required = "conditions.view_activities"
    template_name = "conditions/year_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activities"] = selectors.year_activities(year=self.record)
        context["Status"] = YearStatus
        return context


class ActivityAddView(YearRecordMixin, ServiceFormMixin, FormView):
    permission_required = "conditions.manage_activities"
    template_name = "conditions/form.html"
    form_class = forms.YearActivityForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = f"Add an activity to the {self.record.label}"
        context["back_url"] = self.record.get_absolute_url()
        return context

    def call_service(self, form):
        return services.year_activity_add(year=self.record, **form.cleaned_data)

    def service_done(self, form, activity):
        messages.success(self.request, f"“{activity.title}” is agreed for the year.")
        return redirect(self.record.get_absolute_url())


class ImpactView(YearRecordMixin, ServiceFormMixin, FormView):
    permission_required = "conditions.manage_activities"
    template_name = "conditions/form.html"
    form_class = forms.ImpactForm

    @cached_property
    def activity(self):
        return found(
            selectors.year_activity_get(year=self.record, pk=self.kwargs["activity_pk"]),
            "There is no such activity in this year.",
        )

    def get(self, request, *args, **kwargs):
        if self.record.status != YearStatus.REVIEWING:
            messages.info(request, "Impact is recorded during the year-end review only.")
            return redirect(self.record.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        return {"impact": self.activity.impact, "evidence": self.activity.evidence}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = f"Impact of “{self.activity.title}”"
        context["back_url"] = self.record.get_absolute_url()
        return context

    def call_service(self, form):
        return services.year_activity_impact(activity=self.activity, **form.cleaned_data)

    def service_done(self, form, activity):
        messages.success(self.request, f"The impact of “{activity.title}” is recorded.")
        return redirect(self.record.get_absolute_url())


class _YearStepView(YearRecordMixin, View):
    permission_required = "conditions.manage_activities"
    done_message = ""
    again_message = ""

    def step(self) -> bool:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            changed = self.step()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.done_message) if changed else messages.info(
                request, self.again_message
            )
        return redirect(reverse("conditions:year_detail", args=[self.area.slug, self.record.pk]))


class YearReviewView(_YearStepView):
    done_message = "The year-end review has started. Record each activity's impact."
    again_message = "The review had already started. Nothing has changed."

    def step(self):
        return services.activity_year_review(year=self.record)


class YearCloseView(_YearStepView):
    done_message = "The year is closed. Its self-evaluation is kept as it is."
    again_message = "This year was already closed. Nothing has changed."

    def step(self):
        return services.activity_year_close(year=self.record)
