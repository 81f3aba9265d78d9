"""Pages of the people app: area overview, people and invitations, area settings, account."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from coproduction.people import calendar, selectors, services
from coproduction.people.forms import (
    AcceptInvitationForm,
    AreaSettingsForm,
    InvitationForm,
    MembershipRolesForm,
    ProfileForm,
    TermForm,
)
from coproduction.people.mixins import AreaPermissionMixin, add_validation_errors
from coproduction.people.models import Invitation, LocalArea, Person, Role, Term
from coproduction.registry import registry


class AreaHomeView(AreaPermissionMixin, TemplateView):
    template_name = "people/area_home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.request.user
        roles = person.area_roles().get(self.area.pk, frozenset())
        today = timezone.localdate()
        terms = calendar.area_terms(area=self.area)
        context.update(
            role_labels=[label for value, label in Role.choices if value in roles],
            area_pages=[
                link for link in registry.area_links(person, self.area) if link["description"]
            ],
            area_sections=registry.area_sections(person, self.area),
            current_term=calendar.term_on(terms, today),
            next_term=calendar.next_term(terms, today),
        )
        return context


# People and invitations -------------------------------------------------------------------


class MemberListView(AreaPermissionMixin, TemplateView):
    permission_required = "people.manage_people"
    template_name = "people/member_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["memberships"] = selectors.area_members(area=self.area)
        context["invitations"] = selectors.area_open_invitations(area=self.area)
        return context


class InviteView(AreaPermissionMixin, FormView):
    permission_required = "people.manage_people"
    template_name = "people/invite.html"
    form_class = InvitationForm

    def form_valid(self, form):
        try:
            invitation = services.invitation_create(
                area=self.area,
                email=form.cleaned_data["email"],
                roles=form.cleaned_data["roles"],
                invited_by=self.request.user,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"We have emailed an invitation to {invitation.email}.")
        return redirect("people:member_list", area_slug=self.area.slug)


class InvitationCancelView(AreaPermissionMixin, View):
    permission_required = "people.manage_people"
    http_method_names = ["post"]

    def post(self, request, area_slug, pk):
        invitation = get_object_or_404(Invitation, area=self.area, pk=pk)
        services.invitation_cancel(invitation=invitation)
        messages.success(request, f"The invitation to {invitation.email} is cancelled.")
        return redirect("people:member_list", area_slug=self.area.slug)


class MembershipEditView(AreaPermissionMixin, FormView):
    permission_required = "people.manage_people"
    template_name = "people/membership_edit.html"
    form_class = MembershipRolesForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.membership = None

    def get_membership(self):
        if self.membership is None:
            self.membership = get_object_or_404(
                selectors.area_members(area=self.area), pk=self.kwargs["pk"]
            )
        return self.membership

    def get_initial(self):
        return {"roles": self.get_membership().roles}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["membership"] = self.get_membership()
        return context

    def form_valid(self, form):
        membership = self.get_membership()
        try:
            services.membership_set_roles(membership=membership, roles=form.cleaned_data["roles"])
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Roles for {membership.person} are saved.")
        return redirect("people:member_list", area_slug=self.area.slug)


class MembershipRemoveView(MembershipEditView):
    """Confirm, then take a person out of the area."""

    template_name = "people/membership_remove.html"

    def get_form(self, form_class=None):
        return None

    def post(self, request, *args, **kwargs):
        membership = self.get_membership()
        try:
            services.membership_remove(membership=membership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("people:membership_edit", area_slug=self.area.slug, pk=membership.pk)
        messages.success(request, f"{membership.person} is no longer a member of {self.area}.")
        return redirect("people:member_list", area_slug=self.area.slug)


# Area settings -----------------------------------------------------------------------------


class AreaSettingsView(AreaPermissionMixin, FormView):
    permission_required = "people.change_area"
    template_name = "people/area_settings.html"
    form_class = AreaSettingsForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # A copy, so a rejected value does not leak into the page frame's area.
        kwargs["instance"] = LocalArea.objects.get(pk=self.area.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["terms"] = selectors.area_terms(area=self.area)
        context["settings_links"] = registry.area_settings_links(self.request.user, self.area)
        return context

    def form_valid(self, form):
        services.area_update_settings(area=self.area, **form.cleaned_data)
        messages.success(self.request, "Area settings are saved.")
        return redirect("people:area_settings", area_slug=self.area.slug)


class TermFormView(AreaPermissionMixin, FormView):
    """Add a term (no pk in the URL) or change one."""

    permission_required = "people.change_area"
    template_name = "people/term_form.html"
    form_class = TermForm

    def get_term(self) -> Term:
        if "pk" in self.kwargs:
            return get_object_or_404(Term, area=self.area, pk=self.kwargs["pk"])
        return Term(area=self.area)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_term()
        return kwargs

    def form_valid(self, form):
        try:
            term = services.term_save(term=form.instance)
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{term.name} is saved.")
        return redirect("people:area_settings", area_slug=self.area.slug)


class TermDeleteView(AreaPermissionMixin, TemplateView):
    permission_required = "people.change_area"
    template_name = "people/term_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["term"] = get_object_or_404(Term, area=self.area, pk=self.kwargs["pk"])
        return context

    def post(self, request, area_slug, pk):
        term = get_object_or_404(Term, area=self.area, pk=pk)
        services.term_delete(term=term)
        messages.success(request, f"{term.name} is deleted.")
        return redirect("people:area_settings", area_slug=self.area.slug)


# Your account ------------------------------------------------------------------------------


class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "people/account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["two_factor_on"] = is_mfa_enabled(self.request.user)
        context["account_sections"] = registry.account_sections(self.request.user)
        return context


class ProfileEditView(LoginRequiredMixin, FormView):
    template_name = "people/profile_edit.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Person.objects.get(pk=self.request.user.pk)
        return kwargs

    def form_valid(self, form):
        services.person_update_profile(
            person=self.request.user,
            display_name=form.cleaned_data["display_name"],
            phone=form.cleaned_data["phone"],
            access_needs=form.cleaned_data["access_needs"],
        )
        messages.success(self.request, "Your details are saved.")
        return redirect("people:account")


# Invitations -------------------------------------------------------------------------------


class InvitationAcceptView(View):
    """Where the link in an invitation email lands.

    Without an account: choose a name and password, then join. With an account: sign in
    (if not already) and accept. Any problem with the link is explained on the page.
    """

    template_name = "people/invitation_accept.html"

    def dispatch(self, request, token):
        self.invitation = selectors.invitation_by_token(token=token)
        if self.invitation is None:
            return render(request, "people/invitation_invalid.html", status=404)
        return super().dispatch(request, token)

    def get(self, request, token):
        return self.render_page(self.new_account_form())

    def post(self, request, token):
        invitation = self.invitation
        if not invitation.is_open:
            return self.render_page(None)
        if request.user.is_authenticated:
            try:
                services.invitation_accept(invitation=invitation, person=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(request.path)
            messages.success(request, f"Welcome to {invitation.area}.")
            return redirect(invitation.area.get_absolute_url())
        form = self.new_account_form(data=request.POST)
        if form is None:
            return redirect(request.path)
        if form.is_valid():
            try:
                person = services.person_create_from_invitation(
                    invitation=invitation,
                    display_name=form.cleaned_data["display_name"],
                    password=form.cleaned_data["password1"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                login(request, person, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, f"Your account is ready. Welcome to {invitation.area}.")
                return redirect(invitation.area.get_absolute_url())
        return self.render_page(form)

    def new_account_form(self, data=None):
        """The form for someone who has no account yet; None when it does not apply."""
        if self.request.user.is_authenticated or self.account_exists():
            return None
        return AcceptInvitationForm(data=data, email=self.invitation.email)

    def account_exists(self) -> bool:
        return Person.objects.filter(email__iexact=self.invitation.email).exists()

    def render_page(self, form):
        person = self.request.user
        context = {
            "invitation": self.invitation,
            "form": form,
            "account_exists": self.account_exists(),
            "signed_in_as_other": person.is_authenticated
            and person.email.lower() != self.invitation.email.lower(),
            "login_url": reverse("account_login") + f"?next={self.request.path}",
        }
        return render(self.request, self.template_name, context)
