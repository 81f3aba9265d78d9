"""Area administrators, staff and superusers must use two-factor sign-in."""

from django.shortcuts import redirect
from django.urls import reverse

from coproduction.people.access import two_factor_enabled
from coproduction.people.models import Role


def must_use_two_factor(person) -> bool:
    """Area administrators can change who has access to an area, and staff and superusers
    can change anything in the admin site, so they need a second factor."""
    if person.is_staff or person.is_superuser:
        return True
    return any(Role.AREA_ADMIN in roles for roles in person.area_roles().values())


# Pages an administrator can still reach before setting up two-factor sign-in.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/healthz", "/accessibility/", "/privacy/")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        person = request.user
        if (
            person.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and must_use_two_factor(person)
            and not two_factor_enabled(person)
        ):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
