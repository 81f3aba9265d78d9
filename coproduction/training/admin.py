"""The technical admin site: read and correct training records (changes go through the app)."""

from django.contrib import admin

from coproduction.training.models import Course, SignUp


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "audience", "starts_on", "capacity", "co_delivered"]
    list_filter = ["area", "audience", "co_delivered"]
    search_fields = ["title", "trainers"]
    raw_id_fields = ["created_by", "delivered_by_organisation"]


@admin.register(SignUp)
class SignUpAdmin(admin.ModelAdmin):
    list_display = ["course", "person", "status", "queued_at", "attended"]
    list_filter = ["status", "attended", "course__area"]
    search_fields = ["person__email", "course__title"]
    raw_id_fields = ["course", "person"]
