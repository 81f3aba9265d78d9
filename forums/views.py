"""Pages of the forums app: groups, governance, joining, representation, consultation load
and partnership agreements. Views parse, check a permission, call one service or selector and
render or redirect."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import (
    AreaFormMixin,
    AreaPermissionMixin,
    AreaRecordMixin,
    add_validation_errors,
)
from forums import selectors, services
from forums.forms import (
    AgreementForm,
    BodyForm,
    BodyMembershipForm,
    ConsultationRequestForm,
    DeclineForm,
    EndMembershipForm,
    EqualityRecordForm,
    GroupForm,
    GroupMemberForm,
    GroupRoleForm,
    JoinRequestForm,
    OutcomeForm,
    OutcomeProgressForm,
    PaymentForm,
    PopulationFiguresForm,
    ScheduleItemForm,
    SignForm,
)
from forums.models import (
    EQUALITY_QUESTIONS,
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    Body,
    BodyMembership,
    GroupKind,
    ParticipationGroup,
    PartnershipAgreement,
)


def found(record):
    """The record a selector returned, or a 404 (also for another area's records)."""
    if record is None:
        raise Http404("No such record in this area.")
    return record


# Participation groups ---------------------------------------------------------------------


class GroupMixin(AreaRecordMixin):
    record_name = "group"

    def find_record(self):
        return selectors.group_get(area=self.area, pk=self.kwargs["pk"])


class GroupListView(AreaPermissionMixin, TemplateView):
    permission_required = "forums.view_groups"
    template_name = "forums/group_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = list(selectors.area_groups(area=self.area))
        context["groups_by_kind"] = [
            (label, [group for group in groups if group.kind == kind])
            for kind, label in GroupKind.choices
            if any(group.kind == kind for group in groups)
        ]
        return context


class GroupDetailView(GroupMixin, TemplateView):
    permission_required = "forums.view_groups"
    template_name = "forums/group_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group = self.record
        context["members"] = list(selectors.group_current_members(group=group))
        context["equality"] = selectors.group_equality_summary(group=group)
        return context


class GroupFormView(AreaPermissionMixin, AreaFormMixin, FormView):
    """Add a group (no pk) or change one."""

    permission_required = "forums.manage_groups"
    template_name = "forums/group_form.html"
    form_class = GroupForm

    def get_instance(self) -> ParticipationGroup:
        if "pk" in self.kwargs:
            return found(selectors.group_get(area=self.area, pk=self.kwargs["pk"]))
        return ParticipationGroup(area=self.area)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_instance()
        return kwargs

    def form_valid(self, form):
        try:
            group = services.group_save(group=form.instance)
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{group.name} is saved.")
        return redirect(group.get_absolute_url())


class GroupMemberAddView(GroupMixin, AreaFormMixin, FormView):
    permission_required = "forums.manage_groups"
    template_name = "forums/group_member_add.html"
    form_class = GroupMemberForm

    def form_valid(self, form):
        group = self.record
        try:
            services.group_member_add(
                group=group, person=form.cleaned_data["person"], role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{form.cleaned_data['person']} is added to {group}.")
        return redirect(group.get_absolute_url())


class GroupMemberEditView(GroupMixin, FormView):
    """Change a member's role in the group, or record that they left."""

    permission_required = "forums.manage_groups"
    template_name = "forums/group_member_edit.html"
    form_class = GroupRoleForm

    def get_membership(self):
        if not hasattr(self, "_membership"):
            self._membership = found(
                selectors.group_membership_get(group=self.record, pk=self.kwargs["membership_pk"])
            )
        return self._membership

    def get_initial(self):
        return {"role": self.get_membership().role}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["membership"] = self.get_membership()
        return context

    def form_valid(self, form):
        membership = self.get_membership()
        services.group_membership_set_role(membership=membership, role=form.cleaned_data["role"])
        messages.success(self.request, f"The role of {membership.person} is saved.")
        return redirect(self.record.get_absolute_url())


class GroupMemberLeaveView(GroupMemberEditView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        membership = self.get_membership()
        services.group_member_leave(membership=membership)
        messages.success(request, f"{membership.person} is no longer a member of the group.")
        return redirect(self.record.get_absolute_url())


class PopulationFiguresView(AreaPermissionMixin, FormView):
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

    def form_valid(self, form):
        try:
            services.population_figures_save(area=self.area, figures=form.figures())
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Population figures are saved.")
        return redirect("forums:population", area_slug=self.area.slug)


# Equality monitoring: the person's own record ---------------------------------------------


class EqualityRecordView(LoginRequiredMixin, FormView):
    """A person's own equality monitoring answers: only they ever see them."""

    template_name = "forums/equality_record.html"
    form_class = EqualityRecordForm

    def get_record(self):
        return selectors.equality_record_of(person=self.request.user)

    def get_initial(self):
        record = self.get_record()
        if record is None:
            return {}
        initial = {name: getattr(record, name) for name, _q, _c in EQUALITY_QUESTIONS}
        initial["consent"] = True
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.get_record()
        context["record"] = record
        if record is not None:
            context["answers"] = [
                (question, getattr(record, f"get_{name}_display")() or "Not answered")
                for name, question, _choices in EQUALITY_QUESTIONS
            ]
        return context

    def form_valid(self, form):
        try:
            services.equality_record_save(person=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Your answers are saved. Thank you.")
        return redirect("forums:equality_record")


class EqualityWithdrawView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        services.equality_record_withdraw(person=request.user)
        messages.success(request, "Your answers are deleted. We no longer count them.")
        return redirect("forums:equality_record")


# Bodies -----------------------------------------------------------------------------------


class BodyMixin(AreaRecordMixin):
    record_name = "body"

    def find_record(self):
        return selectors.body_get(area=self.area, pk=self.kwargs["pk"])


class GovernanceTreeView(AreaPermissionMixin, TemplateView):
    permission_required = "forums.view_governance"
    template_name = "forums/governance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["steps"] = selectors.governance_tree(area=self.area)
        return context


class BodyDetailView(BodyMixin, TemplateView):
    permission_required = "forums.view_governance"
    template_name = "forums/body_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        body, person = self.record, self.request.user
        memberships = list(selectors.body_memberships(body=body))
        people = selectors.body_people(body=body, memberships=memberships)
        may_ask = person.has_perm("forums.ask_to_join_body", body)
        context.update(
            ancestors=selectors.body_ancestors(body=body),
            children=list(selectors.body_children(body=body)),
            people=people,
            is_member=people.is_current_member(person),
            has_pending_request=may_ask and selectors.has_pending_request(body=body, person=person),
            pending_count=(
                selectors.body_pending_requests(body=body).count()
                if person.has_perm("forums.view_join_requests", body)
                else None
            ),
            agreements=list(selectors.body_agreements(body=body)),
        )
        return context


class BodyFormView(AreaPermissionMixin, AreaFormMixin, FormView):
    """Add a board or work stream (no pk) or change one."""

    template_name = "forums/body_form.html"
    form_class = BodyForm

    def get_permission_required(self):
        return ["forums.change_body" if "pk" in self.kwargs else "forums.add_body"]

    def get_instance(self) -> Body:
        if not hasattr(self, "_instance"):
            if "pk" in self.kwargs:
                self._instance = found(selectors.body_get(area=self.area, pk=self.kwargs["pk"]))
            else:
                self._instance = Body(area=self.area)
        return self._instance

    def get_permission_object(self):
        return self.get_instance() if "pk" in self.kwargs else self.area

    def get_initial(self):
        parent = self.request.GET.get("parent")
        if "pk" not in self.kwargs and parent and parent.isdigit():
            return {"parent": parent}
        return {}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_instance()
        return kwargs

    def form_valid(self, form):
        try:
            body = services.body_save(body=form.instance)
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{body.name} is saved.")
        return redirect(body.get_absolute_url())


class BodyMembershipFormView(BodyMixin, AreaFormMixin, FormView):
    """Add someone to a body (no membership_pk) or change a membership."""

    permission_required = "forums.manage_body_members"
    template_name = "forums/body_member_form.html"
    form_class = BodyMembershipForm

    def get_membership(self) -> BodyMembership:
        if not hasattr(self, "_membership"):
            if "membership_pk" in self.kwargs:
                self._membership = found(
                    selectors.body_membership_get(body=self.record, pk=self.kwargs["membership_pk"])
                )
            else:
                self._membership = BodyMembership(body=self.record)
        return self._membership

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_membership()
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["membership"] = self.get_membership()
        return context

    def form_valid(self, form):
        try:
            membership = services.body_membership_save(membership=form.instance)
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The membership of {membership.person} is saved.")
        return redirect(self.record.get_absolute_url())


class BodyMembershipEndView(BodyMixin, FormView):
    """Someone leaves a body on a date; their membership stays as history."""

    permission_required = "forums.manage_body_members"
    template_name = "forums/body_member_end.html"
    form_class = EndMembershipForm

    def get_membership(self) -> BodyMembership:
        if not hasattr(self, "_membership"):
            self._membership = found(
                selectors.body_membership_get(body=self.record, pk=self.kwargs["membership_pk"])
            )
        return self._membership

    def get_initial(self):
        return {"ended_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["membership"] = self.get_membership()
        return context

    def form_valid(self, form):
        membership = self.get_membership()
        try:
            services.body_membership_end(
                membership=membership, ended_on=form.cleaned_data["ended_on"]
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The membership of {membership.person} is ended.")
        return redirect(self.record.get_absolute_url())


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


class JoinRequestCreateView(BodyMixin, FormView):
    permission_required = "forums.ask_to_join_body"
    template_name = "forums/join_request_form.html"
    form_class = JoinRequestForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["leaders"] = list(selectors.body_leaders(body=self.record))
        return context

    def form_valid(self, form):
        body = self.record
        try:
            services.join_request_create(
                body=body, person=self.request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"You have asked to join {body}. We will email you when the chair answers.",
        )
        return redirect("forums:joinable", area_slug=self.area.slug)


class BodyRequestsView(BodyMixin, TemplateView):
    permission_required = "forums.view_join_requests"
    template_name = "forums/body_requests.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["join_requests"] = list(selectors.body_pending_requests(body=self.record))
        return context


class JoinRequestMixin(AreaRecordMixin):
    record_name = "join_request"

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


class JoinRequestDeclineView(JoinRequestMixin, FormView):
    permission_required = "forums.decide_join_request"
    template_name = "forums/join_request_decline.html"
    form_class = DeclineForm

    def form_valid(self, form):
        join_request = self.record
        try:
            services.join_request_decline(
                join_request=join_request,
                decided_by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"The request from {join_request.person} is declined. We emailed them."
        )
        return self.back_to_requests()


class JoinRequestWithdrawView(JoinRequestMixin, View):
    permission_required = "forums.withdraw_join_request"
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


# Representation ---------------------------------------------------------------------------


class RepresentationView(AreaPermissionMixin, TemplateView):
    permission_required = "forums.view_representation"
    template_name = "forums/representation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = selectors.area_representation(area=self.area)
        context["rows_with_gaps"] = [row for row in rows if row.representation.has_gaps]
        context["complete_count"] = sum(1 for row in rows if not row.representation.has_gaps)
        context["body_count"] = len(rows)
        return context


# Consultation load ------------------------------------------------------------------------


class ConsultationOverviewView(AreaPermissionMixin, TemplateView):
    permission_required = "forums.view_consultation_load"
    template_name = "forums/consultation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        periods = selectors.term_periods(area=self.area)
        period = selectors.period_for(periods, timezone.localdate())
        if period is None:  # in a gap after the last term: show the last one
            past = [p for p in periods if p.ends_on < timezone.localdate()]
            period = past[-1] if past else None
        groups, people = selectors.consultation_overview(area=self.area, period=period)
        context.update(period=period, group_rows=groups, person_rows=people)
        return context


class ConsultationRecordView(AreaPermissionMixin, AreaFormMixin, FormView):
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
        warnings = selectors.consultation_load_warnings(
            area=self.area, asked_on=data["asked_on"], group=data["group"], person=data["person"]
        )
        if warnings and not data["go_ahead"]:
            # Show the warnings; pressing the button again records the request anyway.
            form.data = form.data.copy()
            form.data["go_ahead"] = "on"
            form.helper.inputs[0].value = "Record the request anyway"
            return self.render_to_response(self.get_context_data(form=form, warnings=warnings))
        try:
            request = services.consultation_request_record(
                area=self.area,
                group=data["group"],
                person=data["person"],
                kind=data["kind"],
                asked_on=data["asked_on"],
                hours_asked=data["hours_asked"],
                title=data["title"],
                made_by=self.request.user,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"“{request.title}” is recorded.")
        if request.group_id:
            return redirect("forums:group_load", area_slug=self.area.slug, pk=request.group_id)
        return redirect("forums:person_load", area_slug=self.area.slug, person_pk=request.person_id)


def load_chart(terms: list, limit: int) -> dict:
    """Geometry of the inline SVG bar chart of requests per term (the table has the figures)."""
    bar_x, bar_space, row = 210, 300, 32
    top = max([limit, *(load.requests for load in terms)]) or 1
    return {
        "width": bar_x + bar_space + 40,
        "height": row * len(terms) + 8,
        "bar_x": bar_x,
        "bar_height": 20,
        "limit_x": bar_x + bar_space * limit // top,
        "bars": [
            {
                "label": load.period.term.name[:24],
                "value": load.requests,
                "y": row * index + 6,
                "text_y": row * index + 22,
                "width": bar_space * load.requests // top,
                "value_x": bar_x + bar_space * load.requests // top + 6,
            }
            for index, load in enumerate(terms)
        ],
    }


class LoadPageMixin:
    """The per-term load table and the requests, for one group or one person."""

    def load_context(self, *, group=None, person=None) -> dict:
        periods = selectors.term_periods(area=self.area)
        terms = selectors.consultation_load_by_term(
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
            "chart": load_chart(terms, limit),
            "requests": list(
                selectors.consultation_requests_of(area=self.area, group=group, person=person)[:100]
            ),
        }


class GroupLoadView(GroupMixin, LoadPageMixin, TemplateView):
    permission_required = "forums.view_consultation_load"
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


class PersonLoadView(AreaPermissionMixin, LoadPageMixin, TemplateView):
    permission_required = "forums.view_person_consultation_load"
    template_name = "forums/consultation_load.html"

    def get_area_membership(self):
        if not hasattr(self, "_area_membership"):
            self._area_membership = found(
                selectors.area_membership_of(area=self.area, person_id=self.kwargs["person_pk"])
            )
        return self._area_membership

    def get_permission_object(self):
        return self.get_area_membership()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.get_area_membership().person
        context.update(
            self.load_context(person=person),
            who=person.display_name,
            is_self=person.pk == self.request.user.pk,
            record_query=f"person={person.pk}",
        )
        return context


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


class AgreementFormView(AreaPermissionMixin, AreaFormMixin, FormView):
    """Start an agreement (no pk) or change a draft."""

    template_name = "forums/agreement_form.html"
    form_class = AgreementForm

    def get_permission_required(self):
        return ["forums.change_agreement" if "pk" in self.kwargs else "forums.add_agreement"]

    def get_instance(self) -> PartnershipAgreement:
        if not hasattr(self, "_instance"):
            if "pk" in self.kwargs:
                self._instance = found(
                    selectors.agreement_get(area=self.area, pk=self.kwargs["pk"])
                )
            else:
                self._instance = PartnershipAgreement(area=self.area)
        return self._instance

    def get_permission_object(self):
        return self.get_instance() if "pk" in self.kwargs else self.area

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_instance()
        return kwargs

    def form_valid(self, form):
        try:
            agreement = services.agreement_save(
                agreement=form.instance,
                parties=list(form.cleaned_data["parties"]),
                signatories=list(form.cleaned_data["signatories"]),
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{agreement.title} is saved.")
        return redirect(agreement.get_absolute_url())


class AgreementSignView(AgreementMixin, FormView):
    permission_required = "forums.sign_agreement"
    template_name = "forums/agreement_sign.html"
    form_class = SignForm

    def get_initial(self):
        return {"signed_on": timezone.localdate()}

    def form_valid(self, form):
        agreement = self.record
        try:
            services.agreement_sign(agreement=agreement, signed_on=form.cleaned_data["signed_on"])
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Version {agreement.version} is recorded as signed.")
        return redirect(agreement.get_absolute_url())


class AgreementRenewView(AgreementMixin, View):
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


class AgreementPartMixin(AgreementMixin):
    permission_required = "forums.change_agreement"

    def part_model(self):
        return AGREEMENT_PARTS[self.kwargs["part"]][0]

    def get_part(self):
        if not hasattr(self, "_part"):
            model = self.part_model()
            if "part_pk" in self.kwargs:
                self._part = found(
                    selectors.agreement_part_get(
                        agreement=self.record, model=model, pk=self.kwargs["part_pk"]
                    )
                )
            else:
                self._part = model(agreement=self.record)
        return self._part

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["part"] = self.get_part()
        context["part_name"] = AGREEMENT_PARTS[self.kwargs["part"]][2]
        return context


class AgreementPartFormView(AgreementPartMixin, FormView):
    template_name = "forums/agreement_part_form.html"

    def get_form_class(self):
        return AGREEMENT_PARTS[self.kwargs["part"]][1]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_part()
        return kwargs

    def form_valid(self, form):
        try:
            services.agreement_part_save(part=form.instance)
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Saved.")
        return redirect(self.record.get_absolute_url())


class AgreementPartDeleteView(AgreementPartMixin, TemplateView):
    template_name = "forums/agreement_part_delete.html"

    def post(self, request, *args, **kwargs):
        part = self.get_part()
        try:
            services.agreement_part_delete(part=part)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"“{part}” is deleted.")
        return redirect(self.record.get_absolute_url())


class OutcomeProgressView(AgreementMixin, FormView):
    permission_required = "forums.record_outcome_progress"
    template_name = "forums/outcome_progress.html"
    form_class = OutcomeProgressForm

    def get_outcome(self) -> AgreementOutcome:
        if not hasattr(self, "_outcome"):
            self._outcome = found(
                selectors.agreement_part_get(
                    agreement=self.record,
                    model=AgreementOutcome,
                    pk=self.kwargs["part_pk"],
                )
            )
        return self._outcome

    def get_initial(self):
        outcome = self.get_outcome()
        return {"status": outcome.status, "evidence": outcome.evidence}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["outcome"] = self.get_outcome()
        return context

    def form_valid(self, form):
        outcome = self.get_outcome()
        try:
            services.agreement_outcome_record_progress(outcome=outcome, **form.cleaned_data)
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Progress is saved.")
        return redirect(self.record.get_absolute_url())
