"""One initiative: its page, registering and changing it, status, publication and options."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import (
    AreaFormMixin,
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
    add_validation_errors,
)
from initiatives import selectors, services
from initiatives.forms import InitiativeForm, OptionsForm, StatusForm
from initiatives.views.common import can


class InitiativeMixin(AreaRecordMixin):
    """Pages about one initiative, found by its code in this area.

    Drafts and archived initiatives are not found (404) for people who may not see them.
    Pages that change one refuse members without the officer role before the look-up, so
    they get the same 403 for any code (`area_permission_required`).
    """

    permission_required = "initiatives.change_initiative"
    area_permission_required: str | None = "initiatives.change_initiative"
    record_name = "initiative"
    not_found_message = "There is no initiative with this code in this area."

    @property
    def initiative(self):
        return self.record

    def find_record(self):
        return selectors.initiative_for_change(area=self.area, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["back_url"] = self.initiative_url()
        return context

    def initiative_url(self) -> str:
        return reverse(
            "initiatives:detail", kwargs={"area_slug": self.area.slug, "code": self.kwargs["code"]}
        )


class InitiativeDetailView(InitiativeMixin, TemplateView):
    permission_required = "initiatives.view_initiative"
    area_permission_required = None  # every member may see a published initiative
    template_name = "initiatives/initiative_detail.html"

    def find_record(self):
        return selectors.initiative_get(
            area=self.area,
            code=self.kwargs["code"],
            include_unpublished=can(self.request, "initiatives.view_unpublished", self.area),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiative = self.initiative
        can_change = can(self.request, "initiatives.change_initiative", initiative)
        today = timezone.localdate()
        opportunities = [
            opportunity
            for opportunity in initiative.opportunities.all()
            if can_change
            or not (
                opportunity.has_closed(today) or opportunity.is_full(opportunity.accepted_count)
            )
        ]
        context.update(can_change=can_change, opportunities=opportunities, today=today)
        if can(self.request, "initiatives.view_history", initiative):
            context["history"] = selectors.initiative_history(initiative=initiative)
        return context


class InitiativeRegisterView(ServiceFormMixin, AreaFormMixin, AreaPermissionMixin, FormView):
    permission_required = "initiatives.add_initiative"
    template_name = "initiatives/initiative_form.html"
    form_class = InitiativeForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["ask_about_title"] = bool(self.request.POST.get("asked_about_title"))
        return kwargs

    def call_service(self, form):
        return services.initiative_register(
            area=self.area,
            by=self.request.user,
            details=form.details(),
            allow_duplicate_title=form.cleaned_data.get("register_anyway", False),
        )

    def form_valid(self, form):
        # ServiceFormMixin's, except that a title already in use asks the officer to confirm.
        try:
            initiative = self.call_service(form)
        except ValidationError as error:
            title_errors = getattr(error, "error_dict", {}).get("title", [])
            if any(e.code == "duplicate_title" for e in title_errors):
                # Ask the officer to confirm the title: the same form with the question added.
                form = self.get_form_class()(**{**self.get_form_kwargs(), "ask_about_title": True})
                form.is_valid()
            add_validation_errors(form, error)
            return self.form_invalid(form)
        return self.service_done(form, initiative)

    def service_done(self, form, initiative):
        messages.success(self.request, self.success_message(initiative))
        return redirect("initiatives:detail", area_slug=self.area.slug, code=initiative.code)

    def success_message(self, initiative) -> str:
        return (
            f"{initiative.code} is registered as a draft. Only officers can see it until "
            "you publish it."
        )


class InitiativeEditView(InitiativeMixin, InitiativeRegisterView):
    permission_required = "initiatives.change_initiative"

    def get_initial(self):
        return InitiativeForm.initial_from(self.initiative)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.helper.inputs[0].value = "Save changes"
        return form

    def call_service(self, form):
        return services.initiative_update(
            initiative=self.initiative,
            by=self.request.user,
            details=form.details(),
            allow_duplicate_title=form.cleaned_data.get("register_anyway", False),
        )

    def success_message(self, initiative) -> str:
        return f"Your changes to {initiative.code} are saved."


class StatusView(ServiceFormMixin, InitiativeMixin, FormView):
    template_name = "initiatives/status_form.html"
    form_class = StatusForm

    def get_initial(self):
        initiative = self.initiative
        return {
            "status": initiative.status,
            "start_date": initiative.start_date,
            "end_date": initiative.end_date,
        }

    def call_service(self, form):
        return services.initiative_change_status(
            initiative=self.initiative, by=self.request.user, **form.cleaned_data
        )

    def service_done(self, form, initiative):
        messages.success(self.request, f"The status of {self.initiative.code} is saved.")
        return redirect(self.initiative_url())


class PublicationView(InitiativeMixin, View):
    """Publish, archive or restore (POST only, from buttons on the initiative page)."""

    http_method_names = ["post"]
    change = None  # "publish", "archive" or "restore"
    SERVICES = {
        "publish": (services.initiative_publish, "{code} is published in the register."),
        "archive": (
            services.initiative_archive,
            "{code} is archived. Only officers can see it now.",
        ),
        "restore": (services.initiative_restore, "{code} is back in the register."),
    }

    def post(self, request, area_slug, code):
        service, message = self.SERVICES[self.change]
        service(initiative=self.initiative, by=request.user)
        messages.success(request, message.format(code=self.initiative.code))
        return redirect(self.initiative_url())


class OptionsEditView(ServiceFormMixin, InitiativeMixin, FormView):
    template_name = "initiatives/options_form.html"
    form_class = OptionsForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["options"] = list(selectors.area_options(area=self.area))
        return kwargs

    def get_initial(self):
        return OptionsForm.initial_from(self.initiative)

    def call_service(self, form):
        return services.initiative_set_options(
            initiative=self.initiative, by=self.request.user, options=form.chosen_options()
        )

    def service_done(self, form, initiative):
        messages.success(
            self.request, f"The options {self.initiative.code} is linked to are saved."
        )
        return redirect(self.initiative_url())
