"""Admin for rounds, invitations, actions and years. Scores (ConditionScore) are deliberately
not registered: nobody but the rater may read an individual score, admin site included."""

from django.contrib import admin

from evaluation.conditions.models import (
    ActivityYear,
    ConditionsRound,
    PlanAction,
    RoundRater,
    YearActivity,
)


class RoundRaterInline(admin.TabularInline):
    model = RoundRater
    fields = ("person", "group", "is_forum_representative")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(ConditionsRound)
class ConditionsRoundAdmin(admin.ModelAdmin):
    list_display = ("__str__", "area", "held_on", "closes_on", "closed_at")
    list_filter = ("area",)
    raw_id_fields = ("body", "opened_by", "closed_by")
    inlines = [RoundRaterInline]


@admin.register(PlanAction)
class PlanActionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "area", "theme", "owner", "due_on", "status")
    list_filter = ("area", "theme", "status")
    raw_id_fields = ("owner", "created_by", "conditions_round")


class YearActivityInline(admin.StackedInline):
    model = YearActivity
    extra = 0


@admin.register(ActivityYear)
class ActivityYearAdmin(admin.ModelAdmin):
    list_display = ("__str__", "area", "status")
    list_filter = ("area", "status")
    inlines = [YearActivityInline]
