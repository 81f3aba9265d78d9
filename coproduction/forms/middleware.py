"""Acts on a form sent twice at once (a double click, a resend after a slow answer) only once."""

import time

from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from coproduction.forms.tokens import FIELD_NAME, valid_token

RUNNING = "running"
REDIRECT = "redirect:"
# How long a claim holds if the process dies mid-request, and how long an answer is kept.
CLAIM_SECONDS = 5 * 60
ANSWER_SECONDS = 60 * 60
# How long a duplicate waits for the first request before saying it is still being saved.
WAIT_SECONDS = 10.0
POLL_SECONDS = 0.05


class OneTimeFormTokenMiddleware:
    """Lets one POST per one-time form token run (see coproduction.forms.tokens).

    On a POST carrying a `form_token` the token is claimed with an atomic `cache.add` in Redis,
    so of two requests that arrive together exactly one runs the view. Then:

    - the first answered with a redirect (the thing was made or changed): the redirect is kept
      against the token, and a duplicate, now or later, gets the same redirect;
    - the first answered anything else (the form shown again with errors, a refusal): the
      claim is released, so the person can correct the form and send it again;
    - the first is still running after `WAIT_SECONDS`: the duplicate gets a page saying so
      (status 409), and nothing is done twice.

    POSTs without a token (forms that do not carry one) pass straight through. Must come after
    the authentication middleware: tokens are kept per person.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = valid_token(request.POST.get(FIELD_NAME)) if request.method == "POST" else None
        if token is None:
            return self.get_response(request)
        person = getattr(request, "user", None)
        key = f"form-token:{getattr(person, 'pk', None)}:{request.path}:{token}"
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            if cache.add(key, RUNNING, CLAIM_SECONDS):
                return self._run(request, key)
            answer = cache.get(key)
            if isinstance(answer, str) and answer.startswith(REDIRECT):
                return HttpResponseRedirect(answer.removeprefix(REDIRECT))
            if time.monotonic() >= deadline:
                return TemplateResponse(request, "form_already_sent.html", status=409).render()
            time.sleep(POLL_SECONDS)

    def _run(self, request, key):
        try:
            response = self.get_response(request)
        except BaseException:
            cache.delete(key)
            raise
        if response.status_code in (301, 302, 303) and response.has_header("Location"):
            cache.set(key, REDIRECT + response["Location"], ANSWER_SECONDS)
        else:
            cache.delete(key)
        return response
