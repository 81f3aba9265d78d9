from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from coproduction.people.models import (
    AreaMembership,
    Invitation,
    LocalArea,
    Organisation,
    Person,
    Term,
)


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
    readonly_fields = ["token"]
    list_select_related = ["area"]
