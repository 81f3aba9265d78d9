from django.contrib import admin

from forums.expenses.models import (
    AgreementBudget,
    Claim,
    ClaimLine,
    ClaimStep,
    ExpenseSettings,
    IncentiveOption,
    Receipt,
)


class ClaimLineInline(admin.TabularInline):
    model = ClaimLine
    extra = 0
    raw_id_fields = ["payment"]


class ClaimStepInline(admin.TabularInline):
    model = ClaimStep
    extra = 0
    raw_id_fields = ["by"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["pk", "area", "claimant", "activity_title", "total", "status", "paid_on"]
    list_filter = ["status", "area"]
    raw_id_fields = ["claimant", "submitted_by", "decided_by", "agreement", "reward"]
    inlines = [ClaimLineInline, ClaimStepInline]


@admin.register(IncentiveOption)
class IncentiveOptionAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "kind", "audience", "is_available"]
    list_filter = ["area", "kind"]


admin.site.register(ExpenseSettings)
admin.site.register(AgreementBudget)
admin.site.register(Receipt)
