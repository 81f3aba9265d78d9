"""Bench pages for the board dashboard, on the data the other scenarios build (no data of its
own yet: the dial and conditions scenarios add theirs).

Pages: bench area 0's dashboard for the current school year (200 bodies, 2,000 consultation
requests, the initiatives and meetings scenarios' data), the dashboard of one body with 40
meetings, and the side-by-side view of the administrator of area 0, who belongs to 6 areas.
"""

from bench.people import admin_of_first_area, area_slug
from coproduction.people.models import LocalArea
from forums.models import Body


def build() -> str:
    return "evaluation: the dashboard reads the other scenarios' data"


def pages():
    admin = admin_of_first_area()
    area = LocalArea.objects.get(slug=area_slug(0))
    body = Body.objects.get(area=area, name="Bench body 150")
    slug = area.slug
    return [
        ("board dashboard (area, school year)", f"/{slug}/dashboard/", admin),
        ("board dashboard (one body)", f"/{slug}/dashboard/bodies/{body.pk}/", admin),
        ("areas side by side (6 areas)", "/dashboard/areas/", admin),
    ]
