"""Conditions of success rounds: the list, opening, the round page with its results, rating
and closing."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView, View

from coproduction.people.mixins import AreaPermissionMixin, AreaRecordMixin, ServiceFormMixin
from evaluation.conditions import forms, selectors
from evaluation.conditions.constants import Condition
from evaluation.conditions.services import rounds as services
from forums.selectors import area_bodies
from initiatives.views.common import pagination

ROUNDS_PER_PAGE = 25


class RoundListView(AreaPermissionMixin, TemplateView):
    area_permission_required = "conditions.view_rounds"
    template_name = "conditions/round_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        rounds = selectors.rounds_for_person(
            area=self.area,
            person=user,
            sees_all=user.has_perm("conditions.see_all_rounds", self.area),
        )
        page = Paginator(rounds, ROUNDS_PER_PAGE).get_page(self.request.GET.get("page"))
        context["rounds"] = page.object_list
        context["pagination"] = pagination(page, self.request)
        context["today"] = timezone.localdate()
        return context


class RoundOpenView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "conditions.open_round"
    template_name = "conditions/form.html"
    form_class = forms.RoundOpenForm
    extra_context = {"heading": "Open a conditions of success round"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["area"] = self.area
        kwargs["bodies"] = area_bodies(area=self.area)
        return kwargs

    def call_service(self, form):
        data = form.cleaned_data
        return services.round_open(
            area=self.area,
            by=self.request.user,
            body=data["body"],
            held_on=data["held_on"],
            closes_on=data["closes_on"],
            roles=data["roles"],
            people=list(data["people"]),
        )

    def service_done(self, form, conditions_round):
        messages.success(self.request, "The round is open. The people invited can now rate it.")
        return redirect(conditions_round.get_absolute_url())


class RoundRecordMixin(AreaRecordMixin):
    record_name = "conditions_round"
    not_found_message = "There is no such conditions of success round in this area."

    def find_record(self):
        return selectors.round_get(area=self.area, pk=self.kwargs["pk"])


class RoundDetailView(RoundRecordMixin, TemplateView):
    """The round: who may rate and how many have; after closing, the results (aggregates)."""

    permission_required = "conditions.view_round"
    template_name = "conditions/round_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        conditions_round = self.record
        context["today"] = today
        context["is_closed"] = conditions_round.is_closed(today)
        context["my_rater"] = selectors.rater_get(
            conditions_round=conditions_round, person=self.request.user
        )
        if context["is_closed"] and self.request.user.has_perm(
            "conditions.view_results", conditions_round
        ):
            context["results"] = selectors.round_results(
                conditions_round=conditions_round, today=today
            )
        return context


class RateView(RoundRecordMixin, ServiceFormMixin, FormView):
    """The rater's own scores: shown to them alone, changeable until the round closes."""

    permission_required = "conditions.rate_round"
    template_name = "conditions/rate.html"
    form_class = forms.RatingForm

    def get(self, request, *args, **kwargs):
        if self.record.is_closed(timezone.localdate()):
            messages.info(request, services.closed_message(self.record))
            return redirect(self.record.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        return forms.RatingForm.initial_from(
            selectors.rater_ratings(conditions_round=self.record, person=self.request.user)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context["condition_fields"] = [
            (c, form[f"score_{c.value}"], form[f"comment_{c.value}"], form[f"share_{c.value}"])
            for c in Condition
        ]
        return context

    def call_service(self, form):
        return services.round_rate(
            conditions_round=self.record, person=self.request.user, ratings=form.ratings()
        )

    def service_done(self, form, rater):
        messages.success(
            self.request,
            "Your scores are saved. Only you can see them; you can change them until the "
            "round closes.",
        )
        return redirect(self.record.get_absolute_url())


class RoundCloseView(RoundRecordMixin, View):
    permission_required = "conditions.close_round"

    def post(self, request, *args, **kwargs):
        if services.round_close(conditions_round=self.record, by=request.user):
            messages.success(request, "The round is closed. Its results are below.")
        else:
            messages.info(request, "This round was already closed. Nothing has changed.")
        return redirect(reverse("conditions:round_detail", args=[self.area.slug, self.record.pk]))
