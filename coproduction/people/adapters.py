"""django-allauth adapter: allauth's emails go out through our Celery task, never inline."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from coproduction.outbox import services as outbox


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, ctx)
        outbox.email_queue_message(message=message, purpose=template_prefix.rsplit("/", 1)[-1])
