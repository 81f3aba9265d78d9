"""An initiative's outcomes and contacts."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import AreaFormMixin, ServiceFormMixin, found
from initiatives import selectors, services
from initiatives.forms import ContactForm, OutcomeForm
from initiatives.views.initiatives import InitiativeMixin


class OutcomeMixin(InitiativeMixin):
    """Pages about one outcome of the initiative (the initiative is the permission object)."""

    @cached_property
    def outcome(self):
        return found(
            selectors.outcome_get(initiative=self.initiative, pk=self.kwargs.get("pk")),
            "There is no such outcome.",
        )


class OutcomeFormView(ServiceFormMixin, OutcomeMixin, FormView):
    """Add an outcome (no pk in the address) or change one."""

    template_name = "initiatives/outcome_form.html"
    form_class = OutcomeForm

    def get_initial(self):
        if "pk" not in self.kwargs:
            return {}
        outcome = self.outcome
        return {
            "description": outcome.description,
            "indicators": outcome.indicators,
            "timescale": outcome.timescale,
            "responsible": outcome.responsible,
        }

    def call_service(self, form):
        if "pk" in self.kwargs:
            return services.outcome_update(
                outcome=self.outcome, by=self.request.user, **form.cleaned_data
            )
        return services.outcome_add(
            initiative=self.initiative, by=self.request.user, **form.cleaned_data
        )

    def service_done(self, form, outcome):
        messages.success(self.request, "The outcome is saved.")
        return redirect(self.initiative_url() + "#outcomes")


class OutcomeRemoveView(OutcomeMixin, TemplateView):
    template_name = "initiatives/outcome_remove.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["outcome"] = self.outcome
        return context

    def post(self, request, *args, **kwargs):
        services.outcome_remove(outcome=self.outcome, by=request.user)
        messages.success(request, "The outcome is removed.")
        return redirect(self.initiative_url() + "#outcomes")


class ContactAddView(ServiceFormMixin, AreaFormMixin, InitiativeMixin, FormView):
    template_name = "initiatives/contact_form.html"
    form_class = ContactForm

    def call_service(self, form):
        return services.contact_add(
            initiative=self.initiative, by=self.request.user, **form.cleaned_data
        )

    def service_done(self, form, contact):
        messages.success(self.request, f"{contact.display_name} is added as a contact.")
        return redirect(self.initiative_url() + "#contacts")


class ContactRemoveView(InitiativeMixin, View):
    http_method_names = ["post"]

    def post(self, request, area_slug, code, pk):
        contact = found(
            selectors.initiative_contact_get(initiative=self.initiative, pk=pk),
            "There is no such contact.",
        )
        services.contact_remove(contact=contact, by=request.user)
        messages.success(request, f"{contact.display_name} is no longer a contact.")
        return redirect(self.initiative_url() + "#contacts")
