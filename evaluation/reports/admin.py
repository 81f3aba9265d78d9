"""The technical admin site: read report records (reports are asked for on the area pages)."""

from django.contrib import admin

from evaluation.reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["kind", "area", "version", "status", "requested_by", "requested_at"]
    list_filter = ["kind", "status", "area"]
    readonly_fields = ["file", "page_count", "byte_size", "started_at", "finished_at"]
