from django.contrib import admin

from coproduction.outbox.models import EmailAttachment, OutboundEmail


class EmailAttachmentInline(admin.TabularInline):
    model = EmailAttachment
    fields = ("filename", "content_type", "file")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ["subject", "to", "purpose", "status", "attempts", "send_after", "sent_at"]
    list_filter = ["status", "purpose"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in OutboundEmail._meta.fields]
    inlines = [EmailAttachmentInline]
