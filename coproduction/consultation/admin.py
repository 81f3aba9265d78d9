from django.contrib import admin

from coproduction.consultation.models import ConsultationRequest


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "group", "person", "asked_on", "hours_asked", "area"]
    list_filter = ["area", "kind"]
    search_fields = ["title"]
    date_hierarchy = "asked_on"
    list_select_related = ["group", "person", "area"]
