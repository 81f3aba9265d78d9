"""One-time form tokens: a form sent twice at once (a double click, a resend) acts once.

Every form built with `GovUKFormMixin` carries a hidden `form_token` with a random value (kept
when the form is shown again with errors, so the corrected form is the same submission). Forms
written by hand in templates get one from `{% one_time_form_token %}`. The middleware
(`coproduction.middleware.OneTimeFormTokenMiddleware`) claims the token in Redis before the
view runs; see there for what a duplicate gets.
"""

import re
import secrets

FIELD_NAME = "form_token"
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def new_token() -> str:
    """A fresh token: 128 random bits, URL-safe text."""
    return secrets.token_urlsafe(16)


def valid_token(value) -> str | None:
    """`value` when it looks like one of our tokens, otherwise None (anything else is ignored)."""
    if isinstance(value, str) and TOKEN_PATTERN.match(value):
        return value
    return None
