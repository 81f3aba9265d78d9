"""Project-wide middleware."""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Sends the Content-Security-Policy header set in settings.CONTENT_SECURITY_POLICY.

    Everything the portal loads is its own (no CDN, no inline script), so the policy is strict.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
