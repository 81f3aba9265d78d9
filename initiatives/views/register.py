"""The register: search and filters, its CSV download, the summary and the options."""

from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from coproduction.charts import bar_chart
from coproduction.people import selectors as people_selectors
from coproduction.people.mixins import AreaPermissionMixin
from coproduction.people.models import Sector
from initiatives import csv_format, selectors
from initiatives.filters import RegisterFilterSet
from initiatives.models import CO_ORDER, Co
from initiatives.views.common import PAGE_SIZE, can, pagination


class RegisterFiltersMixin:
    """Reads the register's filters from the address, for the register and its export."""

    @property
    def include_unpublished(self) -> bool:
        return can(self.request, "initiatives.view_unpublished", self.area)

    def filterset(self) -> RegisterFilterSet:
        return RegisterFilterSet(
            self.request.GET,
            area=self.area,
            organisations=list(people_selectors.area_organisations(area=self.area)),
            options=list(selectors.area_options(area=self.area)),
            show_publication=self.include_unpublished,
        )


class RegisterView(RegisterFiltersMixin, AreaPermissionMixin, TemplateView):
    permission_required = "initiatives.view_register"
    template_name = "initiatives/register.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset()
        filters = filterset.register_filters()
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(self.request.GET.get("page"))
        # Read here, inside the request's transaction, not later in the template: the count
        # (read by get_page) and the rows shown then come from the same moment.
        page.object_list = list(page.object_list)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=filterset.form,
            filters=filters,
            page=page,
            pagination=pagination(page, self.request),
            is_filtered=any(
                [
                    filters.query,
                    filters.cos,
                    filters.sectors,
                    filters.statuses,
                    filters.levels,
                    filters.organisation,
                    filters.option,
                    filters.publications,
                ]
            ),
            export_query=query.urlencode(),
            can_add=can(self.request, "initiatives.add_initiative", self.area),
            can_import=can(self.request, "initiatives.import_initiatives", self.area),
        )
        return context


class ExportView(RegisterFiltersMixin, AreaPermissionMixin, View):
    """The filtered register as a CSV file (every page of it), in the import's format."""

    permission_required = "initiatives.export_register"

    def get(self, request, area_slug):
        initiatives = selectors.register_export(
            area=self.area,
            include_unpublished=self.include_unpublished,
            filters=self.filterset().register_filters(),
        )
        response = StreamingHttpResponse(
            csv_format.export_lines(initiatives.iterator(chunk_size=500)),
            content_type="text/csv; charset=utf-8",
        )
        filename = f"{self.area.slug}-initiatives-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class SummaryView(AreaPermissionMixin, TemplateView):
    permission_required = "initiatives.view_summary"
    template_name = "initiatives/summary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_co = selectors.register_counts_by_co(area=self.area)
        by_co_and_sector = selectors.register_counts_by_co_and_sector(area=self.area)
        register = reverse("initiatives:register", kwargs={"area_slug": self.area.slug})
        published = (
            "&publication=published"
            if can(self.request, "initiatives.view_unpublished", self.area)
            else ""
        )
        rows = []
        for co in CO_ORDER:
            rows.append(
                {
                    "co": Co(co),
                    "total": by_co.get(co, 0),
                    "href": f"{register}?co={co}{published}",
                    "cells": [
                        {
                            "sector": sector,
                            "count": by_co_and_sector.get((co, sector.value), 0),
                            "href": f"{register}?co={co}&sector={sector.value}{published}",
                        }
                        for sector in Sector
                    ],
                }
            )
        context.update(
            rows=rows,
            sectors=list(Sector),
            total=sum(row["total"] for row in rows),
            chart=bar_chart(
                caption="Number of initiatives by main Co",
                values=[(row["co"].label, row["total"]) for row in rows],
                label_heading="Main Co",
                value_heading="Initiatives",
            ),
        )
        return context


class OptionListView(AreaPermissionMixin, TemplateView):
    permission_required = "initiatives.view_options"
    template_name = "initiatives/option_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        themes: dict[tuple[int, str], list] = {}
        for option in selectors.area_options_with_counts(
            area=self.area,
            include_unpublished=can(self.request, "initiatives.view_unpublished", self.area),
        ):
            themes.setdefault((option.theme_number, option.theme), []).append(option)
        context["themes"] = [
            {"number": number, "theme": theme, "options": options}
            for (number, theme), options in themes.items()
        ]
        return context


class OptionDetailView(RegisterFiltersMixin, AreaPermissionMixin, TemplateView):
    permission_required = "initiatives.view_options"
    template_name = "initiatives/option_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        option = selectors.option_get(area=self.area, pk=self.kwargs["pk"])
        if option is None:
            raise Http404("There is no such option in this area.")
        context["option"] = option
        context["initiatives"] = selectors.register_initiatives(
            area=self.area,
            include_unpublished=self.include_unpublished,
            filters=selectors.RegisterFilters(option=option),
        )
        return context
