"""The "You said, we did" pages (area, body, initiative) and the yearly Local Offer
publication. Shown to the area's members, or to everyone when the area says so."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView

from evaluation.feedback import forms, selectors
from evaluation.feedback.views.common import PublicationAccessMixin
from initiatives.views.common import pagination


class PublicationView(PublicationAccessMixin, TemplateView):
    """Published items of the area (or of one body or initiative), filterable by topic and
    the school year said, 25 to a page."""

    template_name = "feedback/publication.html"
    scope = "area"

    def scope_record(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.scope_record()
        filters = forms.PublicationFilterForm(self.request.GET or None)
        start, end = filters.period_bounds()
        items = selectors.published_queryset(
            area=self.area,
            body=record if self.scope == "body" else None,
            initiative=record if self.scope == "initiative" else None,
            topic=filters.topic_value() or None,
            period_start=start,
            period_end=end,
        )
        if filters.has_bad_value:
            items = items.none()  # the filter's error says what to choose
        page = Paginator(items, selectors.PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            filters=filters,
            form=filters,
            page=page,
            rows=[selectors.published_row(item) for item in page.object_list],
            pagination=pagination(page, self.request),
            scope=self.scope,
            record=record,
            years=selectors.publication_years(area=self.area),
            is_filtered=bool(filters.topic_value() or start),
        )
        return context


class BodyPublicationView(PublicationView):
    scope = "body"

    def scope_record(self):
        from forums.selectors import body_get

        body = body_get(area=self.area, pk=self.kwargs["body_pk"])
        if body is None:
            raise Http404("There is no such board or work stream in this area.")
        return body


class InitiativePublicationView(PublicationView):
    scope = "initiative"

    def scope_record(self):
        initiative = selectors.initiative_for_publication(
            area=self.area,
            code=self.kwargs["code"],
            include_unpublished=self.request.user.has_perm("feedback.manage_feedback", self.area),
        )
        if initiative is None:
            raise Http404("There is no such initiative in this area.")
        return initiative


class LocalOfferPublicationView(PublicationAccessMixin, TemplateView):
    """The yearly publication of comments on the Local Offer with the responses and what we
    will do (regulation 56 of the SEND Regulations 2014)."""

    template_name = "feedback/local_offer.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["year"]
        if not 2000 <= year <= timezone.localdate().year:
            raise Http404("There is no publication for that year.")
        context["publication"] = selectors.local_offer_publication(area=self.area, year=year)
        context["years"] = selectors.publication_years(area=self.area)
        return context
