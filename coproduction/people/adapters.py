"""django-allauth adapter: allauth's emails go out through our Celery task, never inline, and
every link in them starts with SITE_URL.

Links in emails never come from the request's Host header: a forged Host (Host-header
poisoning) would otherwise put an attacker's address in front of a password reset key.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.urls import reverse

from coproduction.outbox import services as outbox


def site_link(path: str) -> str:
    """The absolute address of `path` (which starts with "/") on the portal: SITE_URL + path."""
    return settings.SITE_URL + path


def on_site(url: str) -> str:
    """`url` moved onto SITE_URL when it is an absolute http(s) link; anything else unchanged."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return url
    return site_link(urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)))


@dataclass(frozen=True)
class PortalSite:
    """Stands in for allauth's `current_site` in email templates (we do not use contrib.sites,
    whose fallback, RequestSite, takes its domain from the Host header)."""

    domain: str
    name: str


def portal_site() -> PortalSite:
    return PortalSite(domain=urlsplit(settings.SITE_URL).netloc, name=settings.SERVICE_NAME)


class AccountAdapter(DefaultAccountAdapter):
    def get_reset_password_from_key_url(self, key: str) -> str:
        # allauth's address shape: /accounts/password/reset/key/<uidb36>-<key>/
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return site_link(path.replace("UID-KEY", quote(key)))

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return site_link(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_mail(self, template_prefix, email, context):
        """Queue one of allauth's emails. Every `*_url` in its context is put on SITE_URL,
        including those allauth builds itself from the request (signup and reset links in
        the "unknown account" and "account already exists" emails)."""
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": portal_site(),
            **context,
        }
        for name, value in ctx.items():
            if name.endswith("_url") and isinstance(value, str):
                ctx[name] = on_site(value)
        message = self.render_mail(template_prefix, email, ctx)
        outbox.email_queue_message(message=message, purpose=template_prefix.rsplit("/", 1)[-1])
