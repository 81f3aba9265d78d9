"""Pages of boards and work streams and their memberships."""

from copy import copy
from functools import cached_property

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import (
    AreaFormMixin,
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
    found,
)
from forums import html, selectors, services
from forums.details import BodyDetails, BodyMembershipDetails
from forums.forms import (
    BodyForm,
    BodyMembershipForm,
    EndMembershipForm,
)
from forums.models import (
    Body,
    BodyMembership,
)

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
        context["tree_items"] = html.governance_items(context["steps"], self.area.slug)
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


class BodyFormView(AreaPermissionMixin, AreaFormMixin, ServiceFormMixin, FormView):
    """Add a board or work stream (no pk) or change one."""

    area_permission_required = "forums.organise_bodies"
    template_name = "forums/body_form.html"
    form_class = BodyForm

    def get_permission_required(self):
        return ["forums.change_body" if "pk" in self.kwargs else "forums.add_body"]

    @cached_property
    def body(self) -> Body | None:
        if "pk" in self.kwargs:
            return found(selectors.body_get(area=self.area, pk=self.kwargs["pk"]))
        return None

    def get_permission_object(self):
        return self.body if "pk" in self.kwargs else self.area

    def get_initial(self):
        parent = self.request.GET.get("parent")
        if "pk" not in self.kwargs and parent and parent.isdigit():
            return {"parent": parent}
        return {}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # The form checks and shows its own copy; the service makes the change.
        kwargs["instance"] = copy(self.body) if self.body else Body(area=self.area)
        return kwargs

    def call_service(self, form):
        return services.body_save(
            area=self.area, details=BodyDetails.from_form(form.cleaned_data), body=self.body
        )

    def service_done(self, form, body):
        messages.success(self.request, f"{body.name} is saved.")
        return redirect(body.get_absolute_url())


class BodyMembershipFormView(BodyMixin, AreaFormMixin, ServiceFormMixin, FormView):
    """Add someone to a body (no membership_pk) or change a membership."""

    permission_required = "forums.manage_body_members"
    area_permission_required = "forums.organise_bodies"
    template_name = "forums/body_member_form.html"
    form_class = BodyMembershipForm

    @cached_property
    def membership(self) -> BodyMembership | None:
        if "membership_pk" in self.kwargs:
            return found(
                selectors.body_membership_get(body=self.record, pk=self.kwargs["membership_pk"])
            )
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # The form checks and shows its own copy; the service makes the change.
        kwargs["instance"] = (
            copy(self.membership) if self.membership else BodyMembership(body=self.record)
        )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["membership"] = self.membership
        return context

    def call_service(self, form):
        return services.body_membership_save(
            body=self.record,
            details=BodyMembershipDetails.from_form(form.cleaned_data),
            membership=self.membership,
        )

    def service_done(self, form, membership):
        messages.success(self.request, f"The membership of {membership.person} is saved.")
        return redirect(self.record.get_absolute_url())


class BodyMembershipEndView(BodyMixin, ServiceFormMixin, FormView):
    """Someone leaves a body on a date; their membership stays as history."""

    permission_required = "forums.manage_body_members"
    area_permission_required = "forums.organise_bodies"
    template_name = "forums/body_member_end.html"
    form_class = EndMembershipForm

    @cached_property
    def membership(self) -> BodyMembership:
        return found(
            selectors.body_membership_get(body=self.record, pk=self.kwargs["membership_pk"])
        )

    def get_initial(self):
        return {"ended_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["membership"] = self.membership
        return context

    def call_service(self, form):
        services.body_membership_end(
            membership=self.membership, ended_on=form.cleaned_data["ended_on"]
        )
        return self.membership

    def service_done(self, form, membership):
        messages.success(self.request, f"The membership of {membership.person} is ended.")
        return redirect(self.record.get_absolute_url())
