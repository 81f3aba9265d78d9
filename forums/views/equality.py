"""Equality monitoring: a person's own answers, and the area's population figures."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView

from coproduction.people.mixins import (
    AreaPermissionMixin,
    ServiceFormMixin,
)
from forums import selectors, services
from forums.forms import (
    EqualityRecordForm,
    PopulationFiguresForm,
)
from forums.models import (
    EQUALITY_QUESTIONS,
    EqualityRecord,
)

# Equality monitoring: the person's own record ---------------------------------------------


class EqualityRecordView(LoginRequiredMixin, ServiceFormMixin, FormView):
    """A person's own equality monitoring answers: only they ever see them."""

    template_name = "forums/equality_record.html"
    form_class = EqualityRecordForm

    @cached_property
    def record(self) -> EqualityRecord | None:
        return selectors.equality_record_of(person=self.request.user)

    def get_initial(self):
        record = self.record
        if record is None:
            return {}
        initial = {name: getattr(record, name) for name, _q, _c in EQUALITY_QUESTIONS}
        initial["consent"] = True
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.record
        context["record"] = record
        if record is not None:
            context["answers"] = [
                (question, getattr(record, f"get_{name}_display")() or "Not answered")
                for name, question, _choices in EQUALITY_QUESTIONS
            ]
        return context

    def call_service(self, form):
        return services.equality_record_save(person=self.request.user, **form.cleaned_data)

    def service_done(self, form, record):
        messages.success(self.request, "Your answers are saved. Thank you.")
        return redirect("forums:equality_record")


class EqualityWithdrawView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        services.equality_record_withdraw(person=request.user)
        messages.success(request, "Your answers are deleted. We no longer count them.")
        return redirect("forums:equality_record")


class PopulationFiguresView(AreaPermissionMixin, ServiceFormMixin, FormView):
    permission_required = "forums.manage_population"
    template_name = "forums/population.html"
    form_class = PopulationFiguresForm

    def get_initial(self):
        return {
            services.population_field_name(question, category): percent
            for (question, category), percent in selectors.area_population_figures(
                area=self.area
            ).items()
        }

    def call_service(self, form):
        return services.population_figures_save(area=self.area, figures=form.figures())

    def service_done(self, form, result):
        messages.success(self.request, "Population figures are saved.")
        return redirect("forums:population", area_slug=self.area.slug)
