"""Expense pages. Thin: parse, check permission, call one service or selector, answer."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView, View

from coproduction.people.mixins import (
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
    found,
)
from forums.expenses import finance, forms, selectors
from forums.expenses.models import ClaimStatus
from forums.expenses.money import pounds
from forums.expenses.services import claims as services
from forums.expenses.services import portfolio


def _url(name: str, area, *args) -> str:
    return reverse(f"expenses:{name}", args=[area.slug, *args])


# The claimant's pages ---------------------------------------------------------------------


class MyClaimsView(AreaPermissionMixin, TemplateView):
    """The person's claims in the area (and those they made for others), what they can still
    claim for, their preferred reward and, for young people, who pays them."""

    area_permission_required = "expenses.view_my_claims"
    template_name = "expenses/my_claims.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.request.user
        context.update(
            claims=selectors.claims_of_person(person=person, area=self.area),
            to_claim=selectors.activities_to_claim(person=person, area=self.area),
            preference=selectors.preference_of(person=person, area=self.area),
            young_person=selectors.is_young_person(person=person, area=self.area),
            settings=selectors.expense_settings_for(area=self.area),
        )
        return context


class ClaimFormMixin(ServiceFormMixin):
    """The claim form for `self.claimant` (the person, or whom an administrator claims for)."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["area"] = self.area
        kwargs["activities"] = selectors.activities_to_claim(person=self.claimant, area=self.area)
        kwargs["rewards"] = selectors.incentives_for(person=self.claimant, area=self.area)
        return kwargs

    def get_initial(self):
        preference = selectors.preference_of(person=self.claimant, area=self.area)
        return {"reward": preference.option_id} if preference else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            claimant=self.claimant,
            on_behalf=self.claimant != self.request.user,
            young_person=selectors.is_young_person(person=self.claimant, area=self.area),
            settings=selectors.expense_settings_for(area=self.area),
            agreement=selectors.agreement_in_force(area=self.area, day=timezone.localdate()),
            bank_details=forms.NO_BANK_DETAILS,
        )
        return context

    def call_service(self, form):
        return services.claim_submit(
            area=self.area,
            claimant=self.claimant,
            submitted_by=self.request.user,
            activity_key=form.cleaned_data["activity"],
            details=form.details(),
            receipt=form.cleaned_data.get("receipt"),
        )

    def service_done(self, form, claim):
        messages.success(
            self.request,
            f"Claim {claim.reference} for {pounds(claim.total)} is sent. We have emailed "
            f"{'them' if claim.claimant != self.request.user else 'you'} a copy.",
        )
        return redirect(_url("claim", self.area, claim.pk))


class ClaimCreateView(AreaPermissionMixin, ClaimFormMixin, FormView):
    form_class = forms.ClaimForm
    template_name = "expenses/claim_form.html"
    area_permission_required = "expenses.make_claim"

    @property
    def claimant(self):
        return self.request.user


class ClaimantChooseView(AreaPermissionMixin, FormView):
    """An administrator chooses whom to claim for, then goes on to the claim form."""

    area_permission_required = "expenses.claim_on_behalf"
    form_class = forms.ClaimantForm
    template_name = "expenses/form.html"
    extra_context = {"page_title": "Claim for someone else"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["people"] = selectors.family_members(area=self.area)
        if "person" in self.request.GET:
            kwargs["data"] = self.request.GET
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_bound and form.is_valid():
            return redirect(_url("claim_for", self.area, form.cleaned_data["person"]))
        return self.render_to_response(self.get_context_data(form=form))


class ClaimOnBehalfView(AreaPermissionMixin, ClaimFormMixin, FormView):
    form_class = forms.ClaimForm
    template_name = "expenses/claim_form.html"
    area_permission_required = "expenses.claim_on_behalf"

    @property
    def claimant(self):
        person = self.__dict__.get("_claimant")
        if person is None:
            person = found(
                selectors.family_member_get(area=self.area, pk=self.kwargs["person_pk"]),
                "There is no such parent carer or young person in this area.",
            )
            self.__dict__["_claimant"] = person
        return person


# One claim --------------------------------------------------------------------------------


class ClaimRecordMixin(AreaRecordMixin):
    area_permission_required = "expenses.open_claims"
    permission_required = "expenses.view_claim"
    record_view_permission = "expenses.view_claim"
    record_name = "claim"
    not_found_message = "There is no such claim in this area."

    def find_record(self):
        return selectors.claim_get(area=self.area, pk=self.kwargs["pk"])

    @property
    def claim(self):
        return self.record


class ClaimDetailView(ClaimRecordMixin, TemplateView):
    template_name = "expenses/claim_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["settings"] = selectors.expense_settings_for(area=self.area)
        return context


class ClaimChangeView(ClaimRecordMixin, ClaimFormMixin, FormView):
    """Change a claim an officer sent back, and send it again."""

    permission_required = "expenses.change_claim"
    form_class = forms.ClaimForm
    template_name = "expenses/claim_form.html"

    @property
    def claimant(self):
        return self.claim.claimant

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["change"] = True
        return kwargs

    def get_initial(self):
        initial = {"reward": self.claim.reward_id, "notes": self.claim.notes}
        fields = {"mileage": "miles", "fares": "fares", "time": "time_hours"}
        for line in self.claim.lines.all():
            if line.kind == "care":
                initial["care_hours" if line.quantity is not None else "care_amount"] = (
                    line.quantity if line.quantity is not None else line.amount
                )
            else:
                initial[fields[line.kind]] = (
                    line.quantity if line.quantity is not None else line.amount
                )
        return initial

    def call_service(self, form):
        return services.claim_resubmit(
            claim=self.claim,
            by=self.request.user,
            details=form.details(),
            receipt=form.cleaned_data.get("receipt"),
        )

    def service_done(self, form, claim):
        messages.success(self.request, f"Claim {claim.reference} is changed and sent again.")
        return redirect(_url("claim", self.area, claim.pk))


class ReceiptAddView(ClaimRecordMixin, ServiceFormMixin, FormView):
    permission_required = "expenses.add_receipt"
    form_class = forms.ReceiptForm
    template_name = "expenses/form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title="Add a receipt", back_url=_url("claim", self.area, self.claim.pk))
        return context

    def call_service(self, form):
        return services.receipt_add(
            claim=self.claim, upload=form.cleaned_data["receipt"], by=self.request.user
        )

    def service_done(self, form, receipt):
        messages.success(self.request, "The receipt is added.")
        return redirect(_url("claim", self.area, self.claim.pk))


class ReceiptDownloadView(ClaimRecordMixin, View):
    """A receipt, for the claimant, whoever claimed for them and the area's officers only.
    Its storage name is random and MEDIA_URL does not serve it."""

    def get(self, request, *args, **kwargs):
        receipt = found(
            selectors.receipt_get(claim=self.claim, pk=kwargs["receipt_pk"]),
            "There is no such receipt for this claim.",
        )
        response = FileResponse(
            receipt.file.open("rb"),
            as_attachment=True,
            filename=receipt.download_name,
            content_type=receipt.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        return response


class OfficerClaimMixin(ClaimRecordMixin, ServiceFormMixin, FormView):
    """An officer's step on one claim. Checked against the role first; whether the claim is
    still waiting is the service's to decide under its lock, so a second approval gets a
    clear message rather than a refusal page."""

    area_permission_required = "expenses.approve_claims"
    template_name = "expenses/decide.html"
    still_allowed = ""

    def get(self, request, *args, **kwargs):
        if not request.user.has_perm(self.still_allowed, self.claim):
            messages.info(
                request,
                f"This claim is {self.claim.get_status_display().lower()}: nothing to do here.",
            )
            return redirect(_url("claim", self.area, self.claim.pk))
        return super().get(request, *args, **kwargs)

    def service_done(self, form, claim):
        messages.success(self.request, self.done_message(claim))
        return redirect(_url("claims", self.area))


class ClaimDecideView(OfficerClaimMixin):
    form_class = forms.DecisionForm
    still_allowed = "expenses.decide_claim"
    extra_context = {"page_title": "Decide the claim"}

    def call_service(self, form):
        decision, message = form.cleaned_data["decision"], form.cleaned_data["message"]
        by = self.request.user
        if decision == form.APPROVE:
            return services.claim_approve(claim=self.claim, by=by)
        if decision == form.CHANGE:
            return services.claim_ask_change(claim=self.claim, by=by, message=message)
        return services.claim_reject(claim=self.claim, by=by, reason=message)

    def done_message(self, claim):
        words = {
            ClaimStatus.APPROVED: "is approved",
            ClaimStatus.CHANGES_REQUESTED: "is sent back with the change you asked for",
            ClaimStatus.REJECTED: "is not approved",
        }
        return f"Claim {claim.reference} {words[claim.status]}. We have emailed the claimant."


class ClaimPaidView(OfficerClaimMixin):
    form_class = forms.PaidForm
    still_allowed = "expenses.record_paid"
    extra_context = {"page_title": "Record the payment"}

    def call_service(self, form):
        return services.claim_record_paid(
            claim=self.claim, by=self.request.user, paid_on=form.cleaned_data["paid_on"]
        )

    def done_message(self, claim):
        return f"Claim {claim.reference} is recorded as paid. We have emailed the claimant."


# Officers' lists, totals and the finance file ---------------------------------------------


class ClaimsView(AreaPermissionMixin, TemplateView):
    """The area's claims for officers: waiting first, filtered by status."""

    area_permission_required = "expenses.approve_claims"
    template_name = "expenses/claims.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        if status not in ClaimStatus.values:
            status = ""
        context.update(
            claims=selectors.claims_for_officers(area=self.area, status=status or None),
            status=status,
            statuses=ClaimStatus.choices,
        )
        return context


class TotalsView(AreaPermissionMixin, TemplateView):
    area_permission_required = "expenses.view_finance"
    template_name = "expenses/totals.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = selectors.school_year_from_slug(self.request.GET.get("year"), timezone.localdate())
        context.update(
            year=year,
            people=selectors.totals_by_person(area=self.area, year=year),
            agreements=selectors.totals_by_agreement(area=self.area),
            years=[
                selectors.school_year(year.starts_on.replace(year=year.starts_on.year - n))
                for n in (-1, 1)
            ],
        )
        return context


class FinanceCsvView(AreaPermissionMixin, View):
    """The finance team's file: one row per approved claim line of the year, with the
    agreement's cost code, streamed row by row (never all rows in memory)."""

    area_permission_required = "expenses.view_finance"

    def get(self, request, area_slug):
        year = selectors.school_year_from_slug(request.GET.get("year"), timezone.localdate())
        lines = selectors.finance_lines(area=self.area, year=year)
        response = StreamingHttpResponse(
            finance.csv_lines(
                lines.iterator(chunk_size=1000),
                young_people_service=selectors.expense_settings_for(
                    area=self.area
                ).young_people_service,
            ),
            content_type="text/csv; charset=utf-8",
        )
        filename = f"{self.area.slug}-expenses-{year.slug}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class BudgetView(AreaRecordMixin, ServiceFormMixin, FormView):
    area_permission_required = "expenses.manage_budgets"
    permission_required = "expenses.manage_budgets"
    form_class = forms.BudgetForm
    template_name = "expenses/form.html"
    record_name = "agreement"
    not_found_message = "There is no such signed agreement in this area."

    def find_record(self):
        return selectors.signed_agreement_get(area=self.area, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.area

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.agreement_budget_for(agreement=self.record)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=f"Budget and cost code: {self.record}",
            back_url=_url("totals", self.area),
        )
        return context

    def call_service(self, form):
        return portfolio.agreement_budget_save(
            agreement=self.record,
            cost_code=form.cleaned_data["cost_code"],
            budget=form.cleaned_data["budget"],
        )

    def service_done(self, form, budget):
        messages.success(self.request, "The budget and cost code are saved.")
        return redirect(_url("totals", self.area))


# The incentives portfolio and settings -----------------------------------------------------


class IncentivesView(AreaPermissionMixin, TemplateView):
    area_permission_required = "expenses.manage_incentives"
    template_name = "expenses/incentives.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["options"] = selectors.area_incentives(area=self.area)
        return context


class IncentiveFormView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "expenses.manage_incentives"
    form_class = forms.IncentiveForm
    template_name = "expenses/form.html"

    @property
    def option(self):
        if "pk" not in self.kwargs:
            return None
        if "_option" not in self.__dict__:
            self.__dict__["_option"] = found(
                selectors.incentive_get(area=self.area, pk=self.kwargs["pk"]),
                "There is no such reward option in this area.",
            )
        return self.__dict__["_option"]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.option
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title="Change a reward option" if self.option else "Add a reward option",
            back_url=_url("incentives", self.area),
        )
        return context

    def call_service(self, form):
        return portfolio.incentive_save(
            area=self.area,
            option=self.option,
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
        )

    def service_done(self, form, option):
        messages.success(self.request, f"{option.title} is saved.")
        return redirect(_url("incentives", self.area))


class PreferenceView(AreaPermissionMixin, ServiceFormMixin, FormView):
    """A person chooses, once, how they prefer to be rewarded; claim forms offer it first."""

    area_permission_required = "expenses.choose_incentive"
    form_class = forms.PreferenceForm
    template_name = "expenses/preference.html"

    def options(self):
        if "_options" not in self.__dict__:
            self.__dict__["_options"] = selectors.incentives_for(
                person=self.request.user, area=self.area
            )
        return self.__dict__["_options"]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["options"] = self.options()
        return kwargs

    def get_initial(self):
        preference = selectors.preference_of(person=self.request.user, area=self.area)
        return {"option": preference.option_id} if preference else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["options"] = self.options()
        return context

    def call_service(self, form):
        return portfolio.incentive_preference_set(
            person=self.request.user, area=self.area, option=form.cleaned_data["option"]
        )

    def service_done(self, form, preference):
        messages.success(
            self.request, f"Saved. Your claims will offer {preference.option.title} first."
        )
        return redirect(_url("my_claims", self.area))


class SettingsView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "expenses.manage_settings"
    form_class = forms.ExpenseSettingsForm
    template_name = "expenses/form.html"
    extra_context = {"page_title": "Expenses settings"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.expense_settings_for(area=self.area)
        return kwargs

    def call_service(self, form):
        return portfolio.expense_settings_update(
            area=self.area, **{name: form.cleaned_data[name] for name in form.Meta.fields}
        )

    def service_done(self, form, settings):
        messages.success(self.request, "The expenses settings are saved.")
        return redirect(_url("settings", self.area))
