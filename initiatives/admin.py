"""The technical admin site's view of initiatives. Officers use the portal's own pages, which
keep the history and the code counters; here codes and history are read-only and new
initiatives cannot be added.
"""

from django.contrib import admin

from initiatives.models import (
    Initiative,
    InitiativeChange,
    InitiativeCodeCounter,
    InitiativeContact,
    Interest,
    Opportunity,
    Option,
    Outcome,
)


class OutcomeInline(admin.TabularInline):
    model = Outcome
    extra = 0


class ContactInline(admin.TabularInline):
    model = InitiativeContact
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "area", "main_co", "status", "publication", "updated_at"]
    list_filter = ["area", "main_co", "status", "publication", "level"]
    search_fields = ["code", "title", "summary"]
    readonly_fields = ["area", "code", "code_number", "created_by", "created_at", "updated_at"]
    filter_horizontal = ["lead_organisations", "options"]
    inlines = [OutcomeInline, ContactInline]

    def has_add_permission(self, request):
        return False


@admin.register(InitiativeChange)
class InitiativeChangeAdmin(admin.ModelAdmin):
    list_display = ["initiative", "action", "field", "changed_by", "changed_at"]
    list_filter = ["action", "initiative__area"]
    search_fields = ["initiative__code", "initiative__title", "field"]
    list_select_related = ["initiative", "changed_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(InitiativeCodeCounter)
class InitiativeCodeCounterAdmin(admin.ModelAdmin):
    list_display = ["area", "co", "last_number"]
    list_filter = ["area"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Option)
class OptionAdmin(admin.ModelAdmin):
    list_display = ["area", "theme_number", "number", "text"]
    list_filter = ["area", "theme_number"]
    search_fields = ["text", "theme"]


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "initiative", "audience", "closes_on", "places", "closed_early_at"]
    list_filter = ["area", "audience", "kind"]
    search_fields = ["title", "initiative__code"]
    list_select_related = ["initiative"]
    raw_id_fields = ["initiative", "opened_by"]


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["person", "opportunity", "status", "created_at", "responded_at"]
    list_filter = ["status", "opportunity__area"]
    list_select_related = ["person", "opportunity"]
    raw_id_fields = ["person", "opportunity", "responded_by"]
