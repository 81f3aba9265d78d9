"""Opportunities to get involved, and the interest people express in them."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from coproduction.consultation import selectors as consultation_selectors
from coproduction.people.mixins import AreaPermissionMixin, AreaRecordMixin, ServiceFormMixin, found
from initiatives import selectors, services
from initiatives.forms import InterestForm, InterestResponseForm, OpportunityForm
from initiatives.models import Interest
from initiatives.views.common import PAGE_SIZE, can, pagination
from initiatives.views.initiatives import InitiativeMixin


class OpportunityFormView(ServiceFormMixin, InitiativeMixin, FormView):
    """Open an opportunity on an initiative (no pk in the address), or change one."""

    permission_required = "initiatives.manage_opportunity"
    area_permission_required = "initiatives.manage_opportunity"
    template_name = "initiatives/opportunity_form.html"
    form_class = OpportunityForm

    @cached_property
    def opportunity(self):
        return found(
            selectors.opportunity_get(
                area=self.area,
                code=self.kwargs["code"],
                pk=self.kwargs["pk"],
                include_unpublished=True,
            ),
            "There is no such opportunity.",
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area}

    def get_initial(self):
        if "pk" in self.kwargs:
            return OpportunityForm.initial_from(self.opportunity)
        return {"support_offered": ["expenses"]}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if "pk" in self.kwargs:
            form.helper.inputs[0].value = "Save changes"
        return form

    def call_service(self, form):
        if "pk" in self.kwargs:
            return services.opportunity_update(
                opportunity=self.opportunity, by=self.request.user, details=form.details()
            )
        return services.opportunity_open(
            initiative=self.initiative, by=self.request.user, details=form.details()
        )

    def service_done(self, form, opportunity):
        messages.success(self.request, f"“{opportunity.title}” is saved.")
        return redirect(
            "initiatives:opportunity",
            area_slug=self.area.slug,
            code=self.initiative.code,
            pk=opportunity.pk,
        )


class OpportunityMixin(AreaRecordMixin):
    """Pages about one opportunity, found through its initiative's code in this area."""

    permission_required = "initiatives.view_initiative"
    record_name = "opportunity"
    not_found_message = "There is no such opportunity in this area."

    @property
    def opportunity(self):
        return self.record

    def find_record(self):
        return selectors.opportunity_get(
            area=self.area,
            code=self.kwargs["code"],
            pk=self.kwargs["pk"],
            include_unpublished=can(self.request, "initiatives.view_unpublished", self.area),
        )

    def opportunity_url(self) -> str:
        return reverse(
            "initiatives:opportunity",
            kwargs={
                "area_slug": self.area.slug,
                "code": self.kwargs["code"],
                "pk": self.kwargs["pk"],
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opportunity"] = self.opportunity
        context["initiative"] = self.opportunity.initiative
        return context


class OpportunityDetailView(ServiceFormMixin, OpportunityMixin, FormView):
    """The opportunity, and for parent carers and young people their interest in it."""

    template_name = "initiatives/opportunity_detail.html"
    form_class = InterestForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opportunity = self.opportunity
        person = self.request.user
        can_manage = can(self.request, "initiatives.manage_opportunity", opportunity)
        context.update(
            can_manage=can_manage,
            can_express=can(self.request, "initiatives.express_interest", opportunity),
            has_closed=opportunity.has_closed(),
            is_full=opportunity.is_full(opportunity.accepted_count),
            my_interest=selectors.interest_of(opportunity=opportunity, person=person),
        )
        if can_manage:
            context["interests"] = selectors.opportunity_interests(opportunity=opportunity)
        return context

    def post(self, request, *args, **kwargs):
        if not can(request, "initiatives.express_interest", self.opportunity):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def call_service(self, form):
        return services.interest_express(
            opportunity=self.opportunity,
            person=self.request.user,
            message=form.cleaned_data["message"],
        )

    def service_done(self, form, interest):
        messages.success(
            self.request,
            "Thank you. We have told the organiser you are interested and emailed you a "
            "copy. They will reply to you.",
        )
        return redirect(self.opportunity_url())


class OpportunityCloseView(OpportunityMixin, View):
    permission_required = "initiatives.manage_opportunity"
    area_permission_required = "initiatives.manage_opportunity"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        services.opportunity_close(opportunity=self.opportunity, by=request.user)
        messages.success(request, f"“{self.opportunity.title}” is closed to new interest.")
        return redirect(self.opportunity_url())


class InterestWithdrawView(OpportunityMixin, View):
    permission_required = "initiatives.get_involved"
    area_permission_required = "initiatives.get_involved"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        interest = found(
            selectors.interest_of(opportunity=self.opportunity, person=request.user),
            "You have not expressed interest in this opportunity.",
        )
        try:
            services.interest_withdraw(interest=interest, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Your interest is withdrawn. We have told the organiser.")
        return redirect(self.opportunity_url())


class InterestRespondView(ServiceFormMixin, OpportunityMixin, FormView):
    permission_required = "initiatives.manage_opportunity"
    area_permission_required = "initiatives.manage_opportunity"
    template_name = "initiatives/interest_respond.html"
    form_class = InterestResponseForm

    @cached_property
    def interest(self):
        return found(
            selectors.interest_get(opportunity=self.opportunity, pk=self.kwargs["interest_pk"]),
            "There is no such interest.",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["interest"] = self.interest
        context["back_url"] = self.opportunity_url()
        # Accepting asks more of the person: warn when they are at their limit this term.
        context["load_warnings"] = consultation_selectors.consultation_load_warnings(
            area=self.area, asked_on=timezone.localdate(), person=self.interest.person
        )
        return context

    def call_service(self, form):
        service = (
            services.interest_accept
            if form.cleaned_data["decision"] == Interest.Status.ACCEPTED
            else services.interest_decline
        )
        return service(
            interest=self.interest, by=self.request.user, message=form.cleaned_data["response"]
        )

    def service_done(self, form, interest):
        messages.success(
            self.request,
            f"You have {'accepted' if interest.status == Interest.Status.ACCEPTED else 'declined'} "
            f"{interest.person.display_name}'s interest. We have emailed them your message.",
        )
        return redirect(self.opportunity_url())


class GetInvolvedView(AreaPermissionMixin, TemplateView):
    """Open opportunities for the parent carer or young person looking."""

    permission_required = "initiatives.get_involved"
    template_name = "initiatives/get_involved.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opportunities = selectors.opportunities_open_for(person=self.request.user, area=self.area)
        page = Paginator(opportunities, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            page=page,
            pagination=pagination(page, self.request),
            my_interests=selectors.interests_of_person(person=self.request.user, area=self.area),
        )
        return context
