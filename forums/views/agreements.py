"""Pages of partnership agreements and their parts."""

from copy import copy
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import (
    AreaFormMixin,
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
    found,
)
from forums import selectors, services
from forums.details import (
    AgreementDetails,
    OutcomeDetails,
    PaymentDetails,
    ScheduleItemDetails,
)
from forums.forms import (
    AgreementForm,
    OutcomeForm,
    OutcomeProgressForm,
    PaymentForm,
    ScheduleItemForm,
    SignForm,
)
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    PartnershipAgreement,
)

# Partnership agreements -------------------------------------------------------------------


class AgreementMixin(AreaRecordMixin):
    record_name = "agreement"

    def find_record(self):
        return selectors.agreement_get(area=self.area, pk=self.kwargs["pk"])


class AgreementListView(AreaPermissionMixin, TemplateView):
    permission_required = "forums.view_agreements"
    template_name = "forums/agreement_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["agreements"] = list(selectors.area_agreements(area=self.area))
        return context


class AgreementDetailView(AgreementMixin, TemplateView):
    permission_required = "forums.view_agreements"
    template_name = "forums/agreement_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = self.record
        context["versions"] = list(selectors.agreement_versions(agreement=agreement))
        context["has_renewal"] = any(
            version.previous_version_id == agreement.pk for version in context["versions"]
        )
        context["reminders"] = list(selectors.agreement_reminders(agreement=agreement))
        return context


class AgreementFormView(AreaPermissionMixin, AreaFormMixin, ServiceFormMixin, FormView):
    """Start an agreement (no pk) or change a draft."""

    area_permission_required = "forums.manage_agreements"
    template_name = "forums/agreement_form.html"
    form_class = AgreementForm

    def get_permission_required(self):
        return ["forums.change_agreement" if "pk" in self.kwargs else "forums.add_agreement"]

    @cached_property
    def agreement(self) -> PartnershipAgreement | None:
        if "pk" in self.kwargs:
            return found(selectors.agreement_get(area=self.area, pk=self.kwargs["pk"]))
        return None

    def get_permission_object(self):
        return self.agreement if "pk" in self.kwargs else self.area

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # The form checks and shows its own copy; the service makes the change.
        kwargs["instance"] = (
            copy(self.agreement) if self.agreement else PartnershipAgreement(area=self.area)
        )
        return kwargs

    def call_service(self, form):
        return services.agreement_save(
            area=self.area,
            details=AgreementDetails.from_form(form.cleaned_data),
            agreement=self.agreement,
        )

    def service_done(self, form, agreement):
        messages.success(self.request, f"{agreement.title} is saved.")
        return redirect(agreement.get_absolute_url())


class AgreementSignView(AgreementMixin, ServiceFormMixin, FormView):
    area_permission_required = "forums.manage_agreements"
    permission_required = "forums.sign_agreement"
    template_name = "forums/agreement_sign.html"
    form_class = SignForm

    def get_initial(self):
        return {"signed_on": timezone.localdate()}

    def call_service(self, form):
        return services.agreement_sign(
            agreement=self.record, signed_on=form.cleaned_data["signed_on"]
        )

    def service_done(self, form, agreement):
        messages.success(self.request, f"Version {agreement.version} is recorded as signed.")
        return redirect(agreement.get_absolute_url())


class AgreementRenewView(AgreementMixin, View):
    area_permission_required = "forums.manage_agreements"
    permission_required = "forums.renew_agreement"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        agreement = self.record
        try:
            renewal = services.agreement_renew(agreement=agreement)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(agreement.get_absolute_url())
        messages.success(
            request,
            f"Version {renewal.version} is a draft copied from version {agreement.version}. "
            "Change what is new this year, then record it as signed.",
        )
        return redirect(renewal.get_absolute_url())


# The parts of an agreement edited on their own pages: URL word -> (model, form, name).
AGREEMENT_PARTS = {
    "payments": (AgreementPayment, PaymentForm, "payment"),
    "schedule": (AgreementScheduleItem, ScheduleItemForm, "schedule item"),
    "outcomes": (AgreementOutcome, OutcomeForm, "outcome"),
}
# What each part's form hands to services.agreement_part_save.
AGREEMENT_PART_DETAILS = {
    "payments": PaymentDetails,
    "schedule": ScheduleItemDetails,
    "outcomes": OutcomeDetails,
}


class AgreementPartMixin(AgreementMixin):
    area_permission_required = "forums.manage_agreements"
    permission_required = "forums.change_agreement"

    @cached_property
    def part(self):
        model = AGREEMENT_PARTS[self.kwargs["part"]][0]
        if "part_pk" in self.kwargs:
            return found(
                selectors.agreement_part_get(
                    agreement=self.record, model=model, pk=self.kwargs["part_pk"]
                )
            )
        return model(agreement=self.record)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["part"] = self.part
        context["part_name"] = AGREEMENT_PARTS[self.kwargs["part"]][2]
        return context


class AgreementPartFormView(AgreementPartMixin, ServiceFormMixin, FormView):
    template_name = "forums/agreement_part_form.html"

    def get_form_class(self):
        return AGREEMENT_PARTS[self.kwargs["part"]][1]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # The form checks and shows its own copy; the service makes the change.
        kwargs["instance"] = copy(self.part)
        return kwargs

    def call_service(self, form):
        details = AGREEMENT_PART_DETAILS[self.kwargs["part"]].from_form(form.cleaned_data)
        return services.agreement_part_save(
            agreement=self.record, details=details, part=self.part if self.part.pk else None
        )

    def service_done(self, form, part):
        messages.success(self.request, "Saved.")
        return redirect(self.record.get_absolute_url())


class AgreementPartDeleteView(AgreementPartMixin, TemplateView):
    template_name = "forums/agreement_part_delete.html"

    def post(self, request, *args, **kwargs):
        part = self.part
        try:
            services.agreement_part_delete(part=part)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"“{part}” is deleted.")
        return redirect(self.record.get_absolute_url())


class OutcomeProgressView(AgreementMixin, ServiceFormMixin, FormView):
    area_permission_required = "forums.manage_agreements"
    permission_required = "forums.record_outcome_progress"
    template_name = "forums/outcome_progress.html"
    form_class = OutcomeProgressForm

    @cached_property
    def outcome(self) -> AgreementOutcome:
        return found(
            selectors.agreement_part_get(
                agreement=self.record, model=AgreementOutcome, pk=self.kwargs["part_pk"]
            )
        )

    def get_initial(self):
        return {"status": self.outcome.status, "evidence": self.outcome.evidence}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["outcome"] = self.outcome
        return context

    def call_service(self, form):
        return services.agreement_outcome_record_progress(outcome=self.outcome, **form.cleaned_data)

    def service_done(self, form, outcome):
        messages.success(self.request, "Progress is saved.")
        return redirect(self.record.get_absolute_url())
