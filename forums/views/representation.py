"""The representation check of every body of an area."""

from django.views.generic import TemplateView

from coproduction.people.mixins import (
    AreaPermissionMixin,
)
from forums import html, selectors

# Representation ---------------------------------------------------------------------------


class RepresentationView(AreaPermissionMixin, TemplateView):
    permission_required = "forums.view_representation"
    template_name = "forums/representation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = selectors.area_representation(area=self.area)
        context["rows_with_gaps"] = [row for row in rows if row.representation.has_gaps]
        context["complete_count"] = sum(1 for row in rows if not row.representation.has_gaps)
        context["body_count"] = len(rows)
        context["gap_rows"] = html.representation_rows(context["rows_with_gaps"], self.area.slug)
        return context
