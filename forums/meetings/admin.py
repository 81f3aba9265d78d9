"""The technical admin site: read and correct meeting records (changes go through the app)."""

from django.contrib import admin

from forums.meetings.models import Meeting, MeetingEmail, MeetingSettings, Venue


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "capacity"]
    list_filter = ["area"]
    search_fields = ["name", "address"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "body", "starts_at", "status"]
    list_filter = ["status", "body__area"]
    search_fields = ["title", "body__name"]
    raw_id_fields = ["body", "venue", "chair", "created_by", "minutes_approved_at"]


@admin.register(MeetingEmail)
class MeetingEmailAdmin(admin.ModelAdmin):
    list_display = ["meeting", "to", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["to", "meeting__title"]
    raw_id_fields = ["meeting", "email"]


admin.site.register(MeetingSettings)
