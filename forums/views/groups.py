"""Pages of participation groups and their members."""

from copy import copy
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import (
    AreaFormMixin,
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
    found,
)
from forums import selectors, services
from forums.details import GroupDetails
from forums.forms import (
    GroupForm,
    GroupMemberForm,
    GroupRoleForm,
)
from forums.models import (
    GroupKind,
    GroupMembership,
    ParticipationGroup,
)

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
        published = selectors.group_equality_published(group=group)
        context["equality"] = published.questions
        context["equality_taken_on"] = published.taken_on
        return context


class GroupFormView(AreaPermissionMixin, AreaFormMixin, ServiceFormMixin, FormView):
    """Add a group (no pk) or change one."""

    permission_required = "forums.manage_groups"
    template_name = "forums/group_form.html"
    form_class = GroupForm

    @cached_property
    def group(self) -> ParticipationGroup | None:
        if "pk" in self.kwargs:
            return found(selectors.group_get(area=self.area, pk=self.kwargs["pk"]))
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # The form checks and shows its own copy; the service makes the change.
        kwargs["instance"] = copy(self.group) if self.group else ParticipationGroup(area=self.area)
        return kwargs

    def call_service(self, form):
        return services.group_save(
            area=self.area, details=GroupDetails.from_form(form.cleaned_data), group=self.group
        )

    def service_done(self, form, group):
        messages.success(self.request, f"{group.name} is saved.")
        return redirect(group.get_absolute_url())


class GroupMemberAddView(GroupMixin, AreaFormMixin, ServiceFormMixin, FormView):
    permission_required = "forums.manage_groups"
    area_permission_required = "forums.manage_groups"
    template_name = "forums/group_member_add.html"
    form_class = GroupMemberForm

    def call_service(self, form):
        return services.group_member_add(
            group=self.record, person=form.cleaned_data["person"], role=form.cleaned_data["role"]
        )

    def service_done(self, form, membership):
        messages.success(self.request, f"{membership.person} is added to {self.record}.")
        return redirect(self.record.get_absolute_url())


class GroupMemberEditView(GroupMixin, ServiceFormMixin, FormView):
    """Change a member's role in the group, or record that they left."""

    permission_required = "forums.manage_groups"
    area_permission_required = "forums.manage_groups"
    template_name = "forums/group_member_edit.html"
    form_class = GroupRoleForm

    @cached_property
    def membership(self) -> GroupMembership:
        return found(
            selectors.group_membership_get(group=self.record, pk=self.kwargs["membership_pk"])
        )

    def get_initial(self):
        return {"role": self.membership.role}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["membership"] = self.membership
        return context

    def call_service(self, form):
        return services.group_membership_set_role(
            membership=self.membership, role=form.cleaned_data["role"]
        )

    def service_done(self, form, membership):
        messages.success(self.request, f"The role of {membership.person} is saved.")
        return redirect(self.record.get_absolute_url())


class GroupMemberLeaveView(GroupMemberEditView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        membership = self.membership
        try:
            services.group_member_leave(membership=membership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{membership.person} is no longer a member of the group.")
        return redirect(self.record.get_absolute_url())
