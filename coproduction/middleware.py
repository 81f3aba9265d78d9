"""Project-wide middleware."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.template.loader import get_template

NUL = "\x00"


def refusal_page(status: int, template: str, context: dict | None = None) -> HttpResponse:
    """An error page in the portal's style, rendered without the request's context.

    Used by middleware that answers before sessions and sign-in are set up, so the page
    never touches the database (like the 500 page).
    """
    html = get_template(template).render(
        {
            "service_name": settings.SERVICE_NAME,
            "service_navigation": [{"text": "Home", "href": "/"}],
            **(context or {}),
        }
    )
    return HttpResponse(html, status=status)


class RequestBodyLimitMiddleware:
    """Refuses a request whose body is larger than settings.MAX_REQUEST_BODY_BYTES with 413.

    First in the chain, so nothing has read the body: the refusal is decided on the
    Content-Length header alone and the body is never read. (Django reads no body without a
    Content-Length, so a chunked upload cannot get round it; the proxy in front has the same
    limit.) A malformed Content-Length is left to Django, which treats it as no body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY_BYTES:
            return too_large_page()
        return self.get_response(request)


def too_large_page() -> HttpResponse:
    limit_mb = settings.MAX_REQUEST_BODY_BYTES // (1024 * 1024)
    return refusal_page(
        413,
        "refused.html",
        {
            "title": "What you sent is too large",
            "message": (
                f"The portal accepts up to {limit_mb} MB at a time. "
                "If you were uploading a file, make it smaller or split it into parts, "
                "then try again."
            ),
        },
    )


def _bad_input_page() -> HttpResponse:
    return refusal_page(
        400,
        "refused.html",
        {
            "title": "The portal cannot read what you sent",
            "message": (
                "The web address or the form contained a character the portal cannot accept. "
                "Go back, check what you typed and try again."
            ),
        },
    )


class RefuseUnstorableInputMiddleware:
    """Input Postgres cannot store (the NUL character) never reaches a view or a query.

    - a NUL in the path: 404, as for any address that does not exist;
    - a query parameter or a cookie holding a NUL is dropped, as if it had not been sent:
      the page shows as without that filter, and a broken session cookie simply means being
      signed out (pages keep answering any address with a page, as their tests require);
    - a NUL in a posted form field or a request header: 400 with a plain message (dropping
      what someone typed would lose it silently).

    A posted body Django refuses to read (too large for DATA_UPLOAD_MAX_MEMORY_SIZE, too many
    fields or files, a broken multipart body) gets the same pages (413 or 400) rather than
    Django's bare error. Placed before the session middleware, which reads the cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info or NUL in request.path:
            return refusal_page(404, "404.html")
        for name in [name for name, value in request.COOKIES.items() if NUL in name + value]:
            del request.COOKIES[name]
        if _has_nul(request.GET):
            query = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                kept = [value for value in values if NUL not in value]
                if NUL not in key and kept:
                    query.setlist(key, kept)
            request.META["QUERY_STRING"] = query.urlencode()
            query._mutable = False
            request.GET = query
        if any(
            NUL in value
            for key, value in request.META.items()
            if key.startswith("HTTP_") and isinstance(value, str)
        ):
            return _bad_input_page()
        if request.method == "POST":
            try:
                posted = request.POST
            except RequestDataTooBig:
                return too_large_page()
            except (TooManyFieldsSent, TooManyFilesSent, MultiPartParserError):
                return _bad_input_page()
            if _has_nul(posted):
                return _bad_input_page()
        return self.get_response(request)


def _has_nul(query_dict) -> bool:
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists()
    )


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
