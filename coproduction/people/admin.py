"""The technical admin site.

It has no sign-in of its own: `/admin/login/` sends people to the portal's sign-in
(allauth), so the admin site has the same rate limits and two-factor step as every other
page, and staff must use two-factor sign-in (people.middleware). Its pages never show the
secrets in links (password reset, email confirmation, invitations) or authenticator keys.
"""

import re
from urllib.parse import urlsplit

from allauth.mfa.admin import AuthenticatorAdmin
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from coproduction.people.models import (
    AreaMembership,
    Invitation,
    LocalArea,
    Organisation,
    Person,
    Term,
)


def admin_sign_in(request, extra_context=None):
    """Stands in for the admin site's own sign-in form (`admin.site.login`).

    Not signed in: to the portal's sign-in page, coming back to `next`. Signed in as staff:
    on to `next`. Signed in but not staff: 403 (no second password form to try).
    """
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("admin:index")
    if not request.user.is_authenticated:
        return redirect_to_login(next_url)
    if request.user.is_active and request.user.is_staff:
        return redirect(next_url)
    raise PermissionDenied


def admin_password_change(request, extra_context=None):
    """The admin site's password change goes to the portal's, which allauth rate-limits."""
    return redirect("account_change_password")


# Pages whose address holds a secret: whoever has the link can use it.
SECRET_LINK_NAMES = frozenset(
    {
        "account_reset_password_from_key",
        "account_confirm_email",
        "people:invitation_accept",
    }
)
LINK = re.compile(r"https?://[^\s\"'<>]+")
HIDDEN_LINK = "[link hidden: it holds a secret for the person it was sent to]"


def _is_secret_link(url: str) -> bool:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    return match.view_name in SECRET_LINK_NAMES


def hide_secret_links(text: str) -> str:
    """`text` with every link to a page whose address holds a secret replaced by a notice."""
    return LINK.sub(lambda m: HIDDEN_LINK if _is_secret_link(m.group(0)) else m.group(0), text)


class MembershipInline(admin.TabularInline):
    model = AreaMembership
    extra = 0
    autocomplete_fields = ["area", "organisation"]


@admin.register(Person)
class PersonAdmin(UserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", "memberships__area"]
    search_fields = ["email", "display_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Details", {"fields": ["display_name", "phone", "access_needs"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]})
    ]


class TermInline(admin.TabularInline):
    model = Term
    extra = 0


@admin.register(LocalArea)
class LocalAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "papers_ahead_working_days"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TermInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "area"]
    list_filter = ["area", "sector"]
    search_fields = ["name"]


@admin.register(AreaMembership)
class AreaMembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "area", "roles", "organisation"]
    list_filter = ["area"]
    search_fields = ["person__email", "person__display_name"]
    list_select_related = ["person", "area", "organisation"]
    autocomplete_fields = ["person", "area", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "area", "roles", "created_at", "accepted_at", "cancelled_at"]
    list_filter = ["area"]
    search_fields = ["email"]
    # The token is not shown: whoever has it can join the area with the invitation's roles.
    exclude = ["token"]
    list_select_related = ["area"]


# allauth's own admin shows an authenticator's data: the TOTP key and the recovery codes'
# seed, enough to pass the second step. Show only which kind it is and when it was used.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorWithoutSecretsAdmin(AuthenticatorAdmin):
    exclude = ["data"]
    readonly_fields = ["user", "type", "created_at", "last_used_at"]
