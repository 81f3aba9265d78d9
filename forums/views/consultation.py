"""Consultation load pages: the overview, recording a request, a group's or person's load."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from coproduction.charts import bar_chart
from coproduction.consultation import selectors as consultation_selectors
from coproduction.consultation import services as consultation_services
from coproduction.people import calendar
from coproduction.people.calendar import current_or_last_period
from coproduction.people.mixins import (
    AreaFormMixin,
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
)
from coproduction.people.selectors import area_membership_get
from forums.forms import (
    ConsultationRequestForm,
)
from forums.views.groups import GroupMixin

# Consultation load ------------------------------------------------------------------------


class ConsultationOverviewView(AreaPermissionMixin, TemplateView):
    permission_required = "forums.view_consultation_load"
    template_name = "forums/consultation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = current_or_last_period(calendar.term_periods(area=self.area), timezone.localdate())
        groups, people = consultation_selectors.consultation_overview(area=self.area, period=period)
        context.update(period=period, group_rows=groups, person_rows=people)
        return context


class ConsultationRecordView(AreaPermissionMixin, AreaFormMixin, ServiceFormMixin, FormView):
    """Record a request made of a group or person. When they are already at or over the
    area's limit for the term, the page warns first and the officer can still go ahead."""

    permission_required = "forums.record_consultation_request"
    template_name = "forums/consultation_record.html"
    form_class = ConsultationRequestForm

    def get_initial(self):
        initial = {"asked_on": timezone.localdate()}
        for name in ["group", "person"]:
            value = self.request.GET.get(name)
            if value and value.isdigit():
                initial[name] = value
        return initial

    def form_valid(self, form):
        data = form.cleaned_data
        warnings = consultation_selectors.consultation_load_warnings(
            area=self.area, asked_on=data["asked_on"], group=data["group"], person=data["person"]
        )
        if warnings and not data["go_ahead"]:
            # Show the warnings; pressing the button again records the request anyway.
            form.data = form.data.copy()
            form.data["go_ahead"] = "on"
            form.helper.inputs[0].value = "Record the request anyway"
            return self.render_to_response(self.get_context_data(form=form, warnings=warnings))
        return super().form_valid(form)

    def call_service(self, form):
        data = form.cleaned_data
        return consultation_services.consultation_request_record(
            area=self.area,
            group=data["group"],
            person=data["person"],
            kind=data["kind"],
            asked_on=data["asked_on"],
            hours_asked=data["hours_asked"],
            title=data["title"],
            made_by=self.request.user,
        )

    def service_done(self, form, request):
        messages.success(self.request, f"“{request.title}” is recorded.")
        if request.group_id:
            return redirect("forums:group_load", area_slug=self.area.slug, pk=request.group_id)
        return redirect("forums:person_load", area_slug=self.area.slug, person_pk=request.person_id)


class LoadPageMixin:
    """The per-term load table and the requests, for one group or one person."""

    def load_context(self, *, group=None, person=None) -> dict:
        periods = calendar.term_periods(area=self.area)
        terms = consultation_selectors.consultation_load_by_term(
            area=self.area, periods=periods, group=group, person=person
        )
        limit = (
            self.area.group_requests_per_term
            if group is not None
            else self.area.person_requests_per_term
        )
        return {
            "terms": terms,
            "limit": limit,
            "chart": bar_chart(
                caption="Requests each term",
                values=[(load.period.term.name, load.requests) for load in terms],
                label_heading="Term",
                value_heading="Requests",
                marker=limit,
                marker_label=f"the limit of {limit}",
            ),
            "requests": list(
                consultation_selectors.consultation_requests_of(
                    area=self.area, group=group, person=person
                )[:100]
            ),
        }


class GroupLoadView(GroupMixin, LoadPageMixin, TemplateView):
    permission_required = "forums.view_consultation_load"
    area_permission_required = "forums.view_consultation_load"
    template_name = "forums/consultation_load.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group = self.record
        context.update(
            self.load_context(group=group),
            who=group.name,
            record_query=f"group={group.pk}",
        )
        return context


class PersonLoadView(AreaRecordMixin, LoadPageMixin, TemplateView):
    """One person's load. The record is their membership of the area, found by their id."""

    permission_required = "forums.view_person_consultation_load"
    template_name = "forums/consultation_load.html"
    record_name = "area_membership"
    not_found_message = "There is no such person in this area."

    def has_area_permission(self):
        # Before looking anyone up: only overseers, or the person looking at their own load.
        return super().has_area_permission() and (
            self.kwargs["person_pk"] == self.request.user.pk
            or self.request.user.has_perm("forums.view_consultation_load", self.area)
        )

    def find_record(self):
        return area_membership_get(area=self.area, person_id=self.kwargs["person_pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.record.person
        context.update(
            self.load_context(person=person),
            who=person.display_name,
            is_self=person.pk == self.request.user.pk,
            record_query=f"person={person.pk}",
        )
        return context
