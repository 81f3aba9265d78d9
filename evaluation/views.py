"""The board dashboard: an area's or a body's figures for a period, each figure's CSV, and the
side-by-side view of a person's areas. Views parse the filter, check the permission, call one
selector and render."""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from coproduction.people.mixins import AreaPermissionMixin, PageNotFound
from evaluation import selectors
from evaluation.csv_export import figure_csv_lines
from evaluation.figures import DashboardScope, Figure, academic_year
from evaluation.forms import DashboardFilterForm

NO_SUCH_BODY = (
    "There is no such board or work stream in this area. Choose one from the dashboard's list."
)
NO_SUCH_PERIOD = (
    "There is no such school year or term for this area. Choose one from the dashboard's list."
)
NO_SUCH_FIGURE = "There is no such figure on this dashboard."


def display(value) -> str:
    """A table cell as shown on the page (the CSV keeps the plain value)."""
    if value is None:
        return "No data"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float | Decimal):
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    return str(value)


def is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def figure_panel(figure: Figure, csv_href: str) -> dict:
    """What the template needs for one figure: the figure, its rows as display cells (the
    first cell of a row heads it) and its CSV address."""
    rows = [
        [{"text": display(value), "numeric": is_number(value)} for value in row]
        for row in figure.rows
    ]
    headings = [
        {
            "text": heading,
            "numeric": column > 0
            and bool(figure.rows)
            and all(is_number(row[column]) for row in figure.rows if len(row) > column),
        }
        for column, heading in enumerate(figure.headings)
    ]
    return {"figure": figure, "headings": headings, "rows": rows, "csv_href": csv_href}


def dashboard_panels(scope: DashboardScope) -> list[dict]:
    """Every provider's figures for `scope` (one selector call), each ready to show with the
    address of its CSV for the same period and body."""
    query = urlencode(
        {"period": scope.period.slug, **({"body": scope.body.pk} if scope.body else {})}
    )
    return [
        {
            "provider": provider,
            "figures": [
                figure_panel(
                    figure,
                    reverse(
                        "evaluation:figure_csv",
                        kwargs={"area_slug": scope.area.slug, "slug": figure.slug},
                    )
                    + "?"
                    + query,
                )
                for figure in built
            ],
        }
        for provider, built in selectors.dashboard_figures(scope)
    ]


def _today() -> date:
    return timezone.localdate()


class DashboardView(AreaPermissionMixin, TemplateView):
    """/<area>/dashboard/ (with ?period= and ?body=) and /<area>/dashboard/bodies/<id>/."""

    permission_required = "evaluation.view_dashboard"
    template_name = "evaluation/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = _today()
        years, terms = selectors.dashboard_periods(area=self.area, today=today)
        bodies = selectors.dashboard_bodies(area=self.area)
        body_id = self.kwargs.get("body_pk") or self.request.GET.get("body") or ""
        body = None
        if body_id:
            body = next((b for b in bodies if str(b.pk) == str(body_id)), None)
            if body is None:
                raise PageNotFound(NO_SUCH_BODY)
        default = academic_year(today)
        form = DashboardFilterForm(
            {
                "period": self.request.GET.get("period") or default.slug,
                "body": str(body.pk) if body else "",
            },
            years=years,
            terms=terms,
            bodies=bodies,
        )
        context.update(
            form=form,
            body=body,
            panels=[],
            period=None,
            compare_areas=len(selectors.dashboard_areas(person=self.request.user)) > 1,
        )
        if not form.is_valid():
            return context
        period = selectors.period_choose(
            [*years, *terms], form.cleaned_data["period"], default=default
        )
        scope = DashboardScope(area=self.area, period=period, today=today, body=body)
        context.update(period=period, panels=dashboard_panels(scope), scope=scope)
        if period is not None and self.request.user.has_perm("reports.request_report", self.area):
            context["report_url"] = report_request_url(self.area, period=period, body=body)
        return context


def report_request_url(area, *, period, body=None) -> str:
    """The reports form, filled in with the dashboard's figures as an inspection evidence
    pack of the same scope (the area or one body) and period (`evaluation.reports.forms`
    reads these: `kind`, `scope`, `period` as the dashboard's slug)."""
    query = {
        "kind": "inspection_pack",
        "scope": f"body-{body.pk}" if body is not None else "area",
        "period": period.slug,
    }
    return f"{reverse('reports:request', args=[area.slug])}?{urlencode(query)}"


class FigureCsvView(AreaPermissionMixin, View):
    """One figure as CSV: /<area>/dashboard/figures/<slug>.csv?period=...&body=..."""

    permission_required = "evaluation.view_dashboard"

    def get(self, request, area_slug, slug):
        today = _today()
        years, terms = selectors.dashboard_periods(area=self.area, today=today)
        period = selectors.period_choose(
            [*years, *terms], request.GET.get("period"), default=academic_year(today)
        )
        if period is None:
            raise PageNotFound(NO_SUCH_PERIOD)
        body = None
        if request.GET.get("body"):
            body = selectors.dashboard_body_get(area=self.area, pk=request.GET["body"])
            if body is None:
                raise PageNotFound(NO_SUCH_BODY)
        scope = DashboardScope(area=self.area, period=period, today=today, body=body)
        figure = selectors.dashboard_figure_get(scope, slug)
        if figure is None:
            raise PageNotFound(NO_SUCH_FIGURE)
        response = HttpResponse(
            "".join(figure_csv_lines(figure)), content_type="text/csv; charset=utf-8"
        )
        name = f"{self.area.slug}-{figure.slug}-{period.slug}"
        if body is not None:
            name += f"-body-{body.pk}"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response


class AreasSideBySideView(LoginRequiredMixin, TemplateView):
    """/dashboard/areas/: headline measures of every area whose dashboard the person may see,
    side by side. Someone who may see no area's dashboard is refused."""

    template_name = "evaluation/areas.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not selectors.dashboard_areas(person=self.request.user):
            raise PermissionDenied
        today = _today()
        years = selectors.academic_years_back(today=today, count=selectors.YEARS_OFFERED)
        form = DashboardFilterForm(
            {"period": self.request.GET.get("period") or years[0].slug}, years=years, terms=[]
        )
        context.update(form=form, table=None, period=None)
        if form.is_valid():
            period = selectors.period_choose(years, form.cleaned_data["period"], default=years[0])
            table = selectors.areas_side_by_side(
                person=self.request.user, period=period, today=today
            )
            # Cells read as on each area's dashboard (`display`): None is "No data", a
            # suppressed value its words, numbers without a trailing ".0".
            rows = [
                {"label": row.label, "cells": [display(value) for value in row.values]}
                for row in table.rows
            ]
            context.update(period=period, table=table, rows=rows)
        return context
