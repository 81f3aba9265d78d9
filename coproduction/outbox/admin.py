from django.contrib import admin

from coproduction.outbox.models import EmailAttachment, OutboundEmail
from coproduction.people.admin import hide_secret_links


class EmailAttachmentInline(admin.TabularInline):
    model = EmailAttachment
    fields = ("filename", "content_type", "file")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """Read-only record of what was sent. Bodies are shown with secret links (password
    reset, email confirmation, invitations) hidden: staff never get a way into an account."""

    list_display = ["subject", "to", "purpose", "status", "attempts", "send_after", "sent_at"]
    list_filter = ["status", "purpose"]
    search_fields = ["to", "subject"]
    fields = (
        "to",
        "subject",
        "text",
        "html",
        "purpose",
        "area",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "send_after",
        "handed_to_worker_at",
        "sent_at",
    )
    readonly_fields = fields
    inlines = [EmailAttachmentInline]

    @admin.display(description="body (text)")
    def text(self, email):
        return hide_secret_links(email.body_text)

    @admin.display(description="body (HTML)")
    def html(self, email):
        return hide_secret_links(email.body_html)
