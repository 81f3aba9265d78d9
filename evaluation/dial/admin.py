"""The technical admin site: read and correct self-evaluation records. Experienced answers
are not listed: each is private to the person who gave it."""

from django.contrib import admin

from evaluation.dial.models import (
    ActivityDeclaration,
    AreaEvaluationSettings,
    CharacteristicCheck,
    DialAssessment,
    DialSubject,
    MissingStakeholder,
    Stakeholder,
)


@admin.register(DialSubject)
class DialSubjectAdmin(admin.ModelAdmin):
    list_display = ["name", "dial", "kind", "area"]
    list_filter = ["dial", "area"]
    search_fields = ["name"]
    raw_id_fields = ["body"]


@admin.register(DialAssessment)
class DialAssessmentAdmin(admin.ModelAdmin):
    list_display = ["subject", "level", "aimed_level", "assessed_on", "co_produced"]
    list_filter = ["co_produced", "subject__area"]
    raw_id_fields = ["subject", "participants", "recorded_by"]


@admin.register(ActivityDeclaration)
class ActivityDeclarationAdmin(admin.ModelAdmin):
    list_display = ["pk", "area", "aimed_level", "reached_level", "declared_on"]
    list_filter = ["area"]
    raw_id_fields = ["initiative", "meeting", "body", "declared_by"]


@admin.register(CharacteristicCheck)
class CharacteristicCheckAdmin(admin.ModelAdmin):
    list_display = ["pk", "area", "body", "checked_on"]
    list_filter = ["area"]
    raw_id_fields = ["body", "recorded_by"]


@admin.register(Stakeholder)
class StakeholderAdmin(admin.ModelAdmin):
    list_display = ["display_name", "kind", "area"]
    list_filter = ["kind", "area"]
    raw_id_fields = ["organisation", "group"]


admin.site.register(AreaEvaluationSettings)
admin.site.register(MissingStakeholder)
