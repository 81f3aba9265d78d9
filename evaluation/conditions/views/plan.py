"""The action plan ("making it happen"): the plan by theme, adding and changing actions."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import AreaPermissionMixin, AreaRecordMixin, ServiceFormMixin
from evaluation.conditions import forms, selectors
from evaluation.conditions.constants import Condition, Theme
from evaluation.conditions.services import actions as services
from evaluation.scale import level_move_name


class ActionPlanView(AreaPermissionMixin, TemplateView):
    area_permission_required = "conditions.view_action_plan"
    template_name = "conditions/action_plan.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_theme = selectors.area_plan_actions(area=self.area)
        context["themes"] = [(Theme(key), actions) for key, actions in by_theme.items()]
        context["today"] = timezone.localdate()
        context["level_move_name"] = level_move_name
        return context


def _plan_url(area) -> str:
    return reverse("conditions:action_plan", args=[area.slug])


class ActionAddView(AreaPermissionMixin, ServiceFormMixin, FormView):
    """Add an action; `?condition=N&round=P` (from a round's lowest conditions) prefill it."""

    area_permission_required = "conditions.manage_actions"
    template_name = "conditions/form.html"
    form_class = forms.PlanActionForm
    extra_context = {"heading": "Add an action"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["area"] = self.area
        return kwargs

    def _conditions_round(self):
        pk = self.request.GET.get("round") or self.request.POST.get("round")
        if pk and str(pk).isdigit():
            return selectors.round_get(area=self.area, pk=int(pk))
        return None

    def get_initial(self):
        condition = self.request.GET.get("condition", "")
        if condition.isdigit() and int(condition) in Condition.values:
            return {"conditions": [int(condition)]}
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["back_url"] = _plan_url(self.area)
        context["conditions_round_from"] = self._conditions_round()
        return context

    def call_service(self, form):
        return services.plan_action_add(
            area=self.area,
            by=self.request.user,
            conditions_round=self._conditions_round(),
            **form.cleaned_data,
        )

    def service_done(self, form, action):
        messages.success(self.request, "The action is in the plan.")
        return redirect(_plan_url(self.area))


class ActionEditView(AreaRecordMixin, ServiceFormMixin, FormView):
    permission_required = "conditions.change_action"
    template_name = "conditions/form.html"
    form_class = forms.PlanActionForm
    record_name = "action"
    not_found_message = "There is no such action in this area's plan."
    extra_context = {"heading": "Change an action"}

    def find_record(self):
        return selectors.plan_action_get(area=self.area, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["area"] = self.area
        kwargs["edit"] = True
        return kwargs

    def get_initial(self):
        action = self.record
        return {name: getattr(action, name) for name in services.FIELDS}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["back_url"] = _plan_url(self.area)
        return context

    def call_service(self, form):
        return services.plan_action_update(action=self.record, **form.cleaned_data)

    def service_done(self, form, action):
        messages.success(self.request, "The action is changed.")
        return redirect(_plan_url(self.area))
