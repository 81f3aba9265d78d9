"""The technical admin site: read and correct feedback records (changes go through the app)."""

from django.contrib import admin

from evaluation.feedback.models import (
    FeedbackItem,
    FeedbackSettings,
    FeedbackStatusChange,
    FeedbackUpload,
)


class StatusChangeInline(admin.TabularInline):
    model = FeedbackStatusChange
    extra = 0
    raw_id_fields = ["changed_by"]


@admin.register(FeedbackItem)
class FeedbackItemAdmin(admin.ModelAdmin):
    list_display = ["pk", "area", "topic", "said_on", "due_on", "response_kind", "published_at"]
    list_filter = ["area", "topic", "response_kind", "leave_out_reason"]
    search_fields = ["text", "confirmed_text"]
    raw_id_fields = [
        "said_by",
        "recorded_by",
        "owner",
        "body",
        "initiative",
        "meeting",
        "evidence_initiative",
        "evidence_meeting",
        "duplicate_of",
        "confirmed_by",
    ]
    inlines = [StatusChangeInline]


@admin.register(FeedbackUpload)
class FeedbackUploadAdmin(admin.ModelAdmin):
    list_display = ["file_name", "area", "uploaded_by", "uploaded_at", "imported_at"]
    raw_id_fields = ["uploaded_by"]


admin.site.register(FeedbackSettings)
