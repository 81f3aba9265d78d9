from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from forums import services
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementReviewReminder,
    AgreementScheduleItem,
    Body,
    BodyMembership,
    EqualityRecord,
    GroupMembership,
    JoinRequest,
    ParticipationGroup,
    PartnershipAgreement,
    PopulationFigure,
)


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(ParticipationGroup)
class ParticipationGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "area"]
    list_filter = ["area", "kind"]
    search_fields = ["name"]
    list_select_related = ["area"]
    inlines = [GroupMembershipInline]


@admin.register(EqualityRecord)
class EqualityRecordAdmin(admin.ModelAdmin):
    """Only that a person consented, and when: the answers are theirs alone."""

    list_display = ["person", "consented_at", "updated_at"]
    fields = ["person", "consented_at", "updated_at"]
    readonly_fields = fields
    search_fields = ["person__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PopulationFigure)
class PopulationFigureAdmin(admin.ModelAdmin):
    list_display = ["area", "question", "category", "percent"]
    list_filter = ["area", "question"]


class BodyAdminForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = "__all__"  # noqa: DJ007 (the admin edits every field)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("area") and "parent" in cleaned:
            body = self.instance
            body.area = cleaned["area"]
            try:
                services.body_check_parent(body=body, parent=cleaned["parent"])
            except ValidationError as error:
                self.add_error("parent", error.error_dict["parent"])
        return cleaned


class BodyMembershipInline(admin.TabularInline):
    model = BodyMembership
    extra = 0
    autocomplete_fields = ["person", "represents_organisation", "represents_group"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    form = BodyAdminForm
    list_display = ["name", "kind", "level", "parent", "status", "open_to_requests", "area"]
    list_filter = ["area", "kind", "level", "status", "open_to_requests"]
    search_fields = ["name"]
    list_select_related = ["area", "parent"]
    autocomplete_fields = ["parent"]
    inlines = [BodyMembershipInline]


@admin.register(BodyMembership)
class BodyMembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "role", "represents_sector", "started_on", "ended_on"]
    list_filter = ["body__area", "role", "represents_sector"]
    search_fields = ["person__email", "person__display_name", "body__name"]
    list_select_related = ["person", "body"]
    autocomplete_fields = ["person", "body", "represents_organisation", "represents_group"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "status", "created_at", "decided_at", "decided_by"]
    list_filter = ["status", "body__area"]
    search_fields = ["person__email", "body__name"]
    list_select_related = ["person", "body", "decided_by"]
    readonly_fields = ["membership"]


class PaymentInline(admin.TabularInline):
    model = AgreementPayment
    extra = 0


class ScheduleInline(admin.TabularInline):
    model = AgreementScheduleItem
    extra = 0


class OutcomeInline(admin.TabularInline):
    model = AgreementOutcome
    extra = 0


@admin.register(PartnershipAgreement)
class PartnershipAgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "status", "starts_on", "review_on", "area"]
    list_filter = ["area", "status"]
    search_fields = ["title"]
    list_select_related = ["area"]
    filter_horizontal = ["parties", "signatories"]
    inlines = [PaymentInline, ScheduleInline, OutcomeInline]


@admin.register(AgreementReviewReminder)
class AgreementReviewReminderAdmin(admin.ModelAdmin):
    list_display = ["agreement", "kind", "person", "sent_at"]
    list_filter = ["kind"]
    list_select_related = ["agreement", "person"]
    readonly_fields = ["agreement", "kind", "person", "sent_at"]
