from django.conf import settings

from coproduction.navigation import service_navigation
from coproduction.people.middleware import must_use_two_factor


def service(request):
    """The page frame: service name, menu and the local area switcher."""
    area = getattr(request, "area", None)
    if area is not None and not request.user.has_perm("people.view_area", area):
        area = None  # e.g. the 403 page of an area the person does not belong to
    other_areas = []
    if area is not None and request.user.is_authenticated:
        other_areas = [
            membership.area
            for membership in request.user.area_memberships()
            if membership.area_id != area.pk
        ]
    return {
        "service_name": settings.SERVICE_NAME,
        "service_navigation": service_navigation(request, area),
        "current_area": area,
        "other_areas": other_areas,
        "two_factor_required": request.user.is_authenticated and must_use_two_factor(request.user),
    }
