"""Finding work streams to join, asking, and answering requests."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import (
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
)
from forums import selectors, services
from forums.forms import (
    DeclineForm,
    JoinRequestForm,
)
from forums.views.bodies import BodyMixin

# Joining ----------------------------------------------------------------------------------


class JoinableBodiesView(AreaPermissionMixin, TemplateView):
    permission_required = "forums.find_bodies_to_join"
    template_name = "forums/joinable.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.request.user
        context["bodies"] = list(selectors.joinable_bodies(area=self.area, person=person))
        context["join_requests"] = list(
            selectors.person_join_requests(area=self.area, person=person)
        )
        return context


class JoinRequestCreateView(BodyMixin, ServiceFormMixin, FormView):
    permission_required = "forums.ask_to_join_body"
    area_permission_required = "forums.find_bodies_to_join"
    template_name = "forums/join_request_form.html"
    form_class = JoinRequestForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["leaders"] = list(selectors.body_leaders(body=self.record))
        return context

    def call_service(self, form):
        return services.join_request_create(
            body=self.record, person=self.request.user, note=form.cleaned_data["note"]
        )

    def service_done(self, form, join_request):
        messages.success(
            self.request,
            f"You have asked to join {self.record}. We will email you when the chair answers.",
        )
        return redirect("forums:joinable", area_slug=self.area.slug)


class BodyRequestsView(BodyMixin, TemplateView):
    permission_required = "forums.view_join_requests"
    area_permission_required = "forums.organise_bodies"
    template_name = "forums/body_requests.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["join_requests"] = list(selectors.body_pending_requests(body=self.record))
        return context


class JoinRequestMixin(AreaRecordMixin):
    record_name = "join_request"
    # Chairs and leads answer requests; the person who asked withdraws theirs (a family
    # member). Members with neither right are refused before a request is looked up.
    area_permission_required = "forums.organise_bodies"

    def find_record(self):
        return selectors.join_request_get(area=self.area, pk=self.kwargs["pk"])

    def back_to_requests(self):
        return redirect("forums:body_requests", area_slug=self.area.slug, pk=self.record.body_id)


class JoinRequestAcceptView(JoinRequestMixin, TemplateView):
    permission_required = "forums.decide_join_request"
    template_name = "forums/join_request_accept.html"

    def post(self, request, *args, **kwargs):
        join_request = self.record
        try:
            services.join_request_accept(join_request=join_request, decided_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.back_to_requests()
        messages.success(
            request,
            f"{join_request.person} is now a member of {join_request.body}. We have emailed them.",
        )
        return self.back_to_requests()


class JoinRequestDeclineView(JoinRequestMixin, ServiceFormMixin, FormView):
    permission_required = "forums.decide_join_request"
    template_name = "forums/join_request_decline.html"
    form_class = DeclineForm

    def call_service(self, form):
        return services.join_request_decline(
            join_request=self.record,
            decided_by=self.request.user,
            reason=form.cleaned_data["reason"],
        )

    def service_done(self, form, join_request):
        messages.success(
            self.request, f"The request from {join_request.person} is declined. We emailed them."
        )
        return self.back_to_requests()


class JoinRequestWithdrawView(JoinRequestMixin, View):
    permission_required = "forums.withdraw_join_request"
    area_permission_required = "forums.find_bodies_to_join"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        join_request = self.record
        try:
            services.join_request_withdraw(join_request=join_request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Your request to join {join_request.body} is withdrawn.")
        return redirect("forums:joinable", area_slug=self.area.slug)
