"""Pages of the initiatives app: the register, its summary and options, an initiative and its
officer pages, opportunities to get involved, and CSV import and export.

Views parse, check permission, call one service or selector and render or redirect.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView
from govuk_frontend_django.components.pagination import (
    GovUKPagination,
    PaginationItems,
    PaginationNext,
    PaginationPrevious,
)

from coproduction.consultation.selectors import consultation_load_warnings
from coproduction.people.mixins import (
    AreaFormMixin,
    AreaPermissionMixin,
    AreaRecordMixin,
    add_validation_errors,
)
from coproduction.people.models import Sector
from initiatives import csv_format, selectors, services
from initiatives.forms import (
    ContactForm,
    ImportConfirmForm,
    ImportUploadForm,
    InitiativeForm,
    InterestForm,
    InterestResponseForm,
    OpportunityForm,
    OptionsForm,
    OutcomeForm,
    RegisterFilterForm,
    StatusForm,
)
from initiatives.models import CO_ORDER, Co, Interest

PAGE_SIZE = 25


def pagination(page, request) -> GovUKPagination | None:
    """GOV.UK pagination whose links keep the page's filters (the package's tag drops them)."""
    if page.paginator.num_pages <= 1:
        return None
    params = request.GET.copy()

    def href(number) -> str:
        params["page"] = number
        return "?" + params.urlencode()

    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            items.append(PaginationItems(ellipsis=True))
        else:
            items.append(
                PaginationItems(
                    number=str(number), href=href(number), current=number == page.number
                )
            )
    previous = (
        PaginationPrevious(href=href(page.previous_page_number()), labelText="Previous").__dict__
        if page.has_previous()
        else None
    )
    following = (
        PaginationNext(href=href(page.next_page_number()), labelText="Next").__dict__
        if page.has_next()
        else None
    )
    return GovUKPagination(
        items=items, previous=previous, next=following, landmarkLabel="Pages of results"
    )


def can(request, permission: str, obj) -> bool:
    return request.user.has_perm(permission, obj)


# The register ------------------------------------------------------------------------------


class RegisterFiltersMixin:
    """Reads the register's filters from the address, for the register and its export."""

    def filter_form(self) -> RegisterFilterForm:
        form = RegisterFilterForm(
            data=self.request.GET,
            organisations=list(selectors.area_organisations(area=self.area)),
            options=list(selectors.area_options(area=self.area)),
            show_publication=self.include_unpublished,
        )
        form.is_valid()  # invalid parts of the address are ignored, never an error page
        return form

    @property
    def include_unpublished(self) -> bool:
        return can(self.request, "initiatives.view_unpublished", self.area)

    def filters(self, form: RegisterFilterForm) -> selectors.RegisterFilters:
        return selectors.RegisterFilters(
            query=form.cleaned("q", ""),
            cos=form.cleaned("co", []),
            sectors=form.cleaned("sector", []),
            statuses=form.cleaned("status", []),
            levels=form.cleaned("level", []),
            organisation=form.chosen_organisation,
            option=form.chosen_option,
            publications=form.cleaned("publication", []) if self.include_unpublished else [],
        )


class RegisterView(RegisterFiltersMixin, AreaPermissionMixin, TemplateView):
    permission_required = "initiatives.view_register"
    template_name = "initiatives/register.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filter_form()
        filters = self.filters(form)
        initiatives = selectors.register_initiatives(
            area=self.area, include_unpublished=self.include_unpublished, filters=filters
        )
        page = Paginator(initiatives, PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=form,
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
            filters=self.filters(self.filter_form()),
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

    # Chart geometry (SVG user units).
    BAR_LEFT, BAR_WIDTH, ROW_HEIGHT = 180, 300, 48

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
        total = sum(row["total"] for row in rows)
        biggest = max([row["total"] for row in rows] + [1])
        for index, row in enumerate(rows):
            row["bar"] = {
                "y": index * self.ROW_HEIGHT + 8,
                "text_y": index * self.ROW_HEIGHT + 33,
                "width": round(self.BAR_WIDTH * row["total"] / biggest),
                "value_x": self.BAR_LEFT + round(self.BAR_WIDTH * row["total"] / biggest) + 8,
            }
        context.update(
            rows=rows,
            sectors=list(Sector),
            total=total,
            chart={
                "height": len(rows) * self.ROW_HEIGHT + 8,
                "bar_left": self.BAR_LEFT,
                "label_x": self.BAR_LEFT - 10,
            },
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


# One initiative ----------------------------------------------------------------------------


class InitiativeMixin(AreaRecordMixin):
    """Pages about one initiative, found by its code in this area.

    Drafts and archived initiatives are not found (404) for people who may not see them.
    """

    permission_required = "initiatives.change_initiative"
    record_name = "initiative"
    not_found_message = "There is no initiative with this code in this area."

    @property
    def initiative(self):
        return self.record

    def find_record(self):
        return selectors.initiative_for_change(area=self.area, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["back_url"] = self.initiative_url()
        return context

    def initiative_url(self) -> str:
        return reverse(
            "initiatives:detail", kwargs={"area_slug": self.area.slug, "code": self.kwargs["code"]}
        )


class InitiativeDetailView(InitiativeMixin, TemplateView):
    permission_required = "initiatives.view_initiative"
    template_name = "initiatives/initiative_detail.html"

    def find_record(self):
        return selectors.initiative_get(
            area=self.area,
            code=self.kwargs["code"],
            include_unpublished=can(self.request, "initiatives.view_unpublished", self.area),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiative = self.initiative
        can_change = can(self.request, "initiatives.change_initiative", initiative)
        today = timezone.localdate()
        opportunities = [
            opportunity
            for opportunity in initiative.opportunities.all()
            if can_change
            or not (
                opportunity.has_closed(today) or opportunity.is_full(opportunity.accepted_count)
            )
        ]
        context.update(can_change=can_change, opportunities=opportunities, today=today)
        if can(self.request, "initiatives.view_history", initiative):
            context["history"] = selectors.initiative_history(initiative=initiative)
        return context


class InitiativeRegisterView(AreaFormMixin, AreaPermissionMixin, FormView):
    permission_required = "initiatives.add_initiative"
    template_name = "initiatives/initiative_form.html"
    form_class = InitiativeForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["ask_about_title"] = bool(self.request.POST.get("asked_about_title"))
        return kwargs

    def save(self, form):
        return services.initiative_register(
            area=self.area,
            by=self.request.user,
            details=form.details(),
            allow_duplicate_title=form.cleaned_data.get("register_anyway", False),
        )

    def form_valid(self, form):
        try:
            initiative = self.save(form)
        except ValidationError as error:
            title_errors = getattr(error, "error_dict", {}).get("title", [])
            if any(e.code == "duplicate_title" for e in title_errors):
                # Ask the officer to confirm the title: the same form with the question added.
                form = self.get_form_class()(**{**self.get_form_kwargs(), "ask_about_title": True})
                form.is_valid()
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message(initiative))
        return redirect("initiatives:detail", area_slug=self.area.slug, code=initiative.code)

    def success_message(self, initiative) -> str:
        return (
            f"{initiative.code} is registered as a draft. Only officers can see it until "
            "you publish it."
        )


class InitiativeEditView(InitiativeMixin, InitiativeRegisterView):
    permission_required = "initiatives.change_initiative"

    def get_initial(self):
        return InitiativeForm.initial_from(self.initiative)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.helper.inputs[0].value = "Save changes"
        return form

    def save(self, form):
        return services.initiative_update(
            initiative=self.initiative,
            by=self.request.user,
            details=form.details(),
            allow_duplicate_title=form.cleaned_data.get("register_anyway", False),
        )

    def success_message(self, initiative) -> str:
        return f"Your changes to {initiative.code} are saved."


class StatusView(InitiativeMixin, FormView):
    template_name = "initiatives/status_form.html"
    form_class = StatusForm

    def get_initial(self):
        initiative = self.initiative
        return {
            "status": initiative.status,
            "start_date": initiative.start_date,
            "end_date": initiative.end_date,
        }

    def form_valid(self, form):
        try:
            services.initiative_change_status(
                initiative=self.initiative, by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The status of {self.initiative.code} is saved.")
        return redirect(self.initiative_url())


class PublicationView(InitiativeMixin, View):
    """Publish, archive or restore (POST only, from buttons on the initiative page)."""

    http_method_names = ["post"]
    change = None  # "publish", "archive" or "restore"
    SERVICES = {
        "publish": (services.initiative_publish, "{code} is published in the register."),
        "archive": (
            services.initiative_archive,
            "{code} is archived. Only officers can see it now.",
        ),
        "restore": (services.initiative_restore, "{code} is back in the register."),
    }

    def post(self, request, area_slug, code):
        service, message = self.SERVICES[self.change]
        service(initiative=self.initiative, by=request.user)
        messages.success(request, message.format(code=self.initiative.code))
        return redirect(self.initiative_url())


class OptionsEditView(InitiativeMixin, FormView):
    template_name = "initiatives/options_form.html"
    form_class = OptionsForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["options"] = list(selectors.area_options(area=self.area))
        return kwargs

    def get_initial(self):
        return OptionsForm.initial_from(self.initiative)

    def form_valid(self, form):
        services.initiative_set_options(
            initiative=self.initiative, by=self.request.user, options=form.chosen_options()
        )
        messages.success(
            self.request, f"The options {self.initiative.code} is linked to are saved."
        )
        return redirect(self.initiative_url())


class OutcomeMixin(InitiativeMixin):
    @property
    def outcome(self):
        if "_outcome" not in self.__dict__:
            self._outcome = self.initiative.outcomes.filter(pk=self.kwargs.get("pk")).first()
            if self._outcome is None:
                raise Http404("There is no such outcome.")
        return self._outcome


class OutcomeFormView(OutcomeMixin, FormView):
    """Add an outcome (no pk in the address) or change one."""

    template_name = "initiatives/outcome_form.html"
    form_class = OutcomeForm

    def get_initial(self):
        if "pk" not in self.kwargs:
            return {}
        outcome = self.outcome
        return {
            "description": outcome.description,
            "indicators": outcome.indicators,
            "timescale": outcome.timescale,
            "responsible": outcome.responsible,
        }

    def form_valid(self, form):
        try:
            if "pk" in self.kwargs:
                services.outcome_update(
                    outcome=self.outcome, by=self.request.user, **form.cleaned_data
                )
            else:
                services.outcome_add(
                    initiative=self.initiative, by=self.request.user, **form.cleaned_data
                )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The outcome is saved.")
        return redirect(self.initiative_url() + "#outcomes")


class OutcomeRemoveView(OutcomeMixin, TemplateView):
    template_name = "initiatives/outcome_remove.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["outcome"] = self.outcome
        return context

    def post(self, request, *args, **kwargs):
        services.outcome_remove(outcome=self.outcome, by=request.user)
        messages.success(request, "The outcome is removed.")
        return redirect(self.initiative_url() + "#outcomes")


class ContactAddView(AreaFormMixin, InitiativeMixin, FormView):
    template_name = "initiatives/contact_form.html"
    form_class = ContactForm

    def form_valid(self, form):
        try:
            contact = services.contact_add(
                initiative=self.initiative, by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{contact.display_name} is added as a contact.")
        return redirect(self.initiative_url() + "#contacts")


class ContactRemoveView(InitiativeMixin, View):
    http_method_names = ["post"]

    def post(self, request, area_slug, code, pk):
        contact = selectors.initiative_contact_get(initiative=self.initiative, pk=pk)
        if contact is None:
            raise Http404("There is no such contact.")
        services.contact_remove(contact=contact, by=request.user)
        messages.success(request, f"{contact.display_name} is no longer a contact.")
        return redirect(self.initiative_url() + "#contacts")


# Opportunities -----------------------------------------------------------------------------


class OpportunityFormView(InitiativeMixin, FormView):
    """Open an opportunity on an initiative (no pk in the address), or change one."""

    permission_required = "initiatives.manage_opportunity"
    template_name = "initiatives/opportunity_form.html"
    form_class = OpportunityForm

    @property
    def opportunity(self):
        if "_opportunity" not in self.__dict__:
            self._opportunity = selectors.opportunity_get(
                area=self.area,
                code=self.kwargs["code"],
                pk=self.kwargs["pk"],
                include_unpublished=True,
            )
            if self._opportunity is None:
                raise Http404("There is no such opportunity.")
        return self._opportunity

    def get_initial(self):
        if "pk" in self.kwargs:
            return OpportunityForm.initial_from(self.opportunity)
        return {"support_offered": ["expenses"]}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if "pk" in self.kwargs:
            form.helper.inputs[0].value = "Save changes"
        return form

    def form_valid(self, form):
        try:
            if "pk" in self.kwargs:
                opportunity = services.opportunity_update(
                    opportunity=self.opportunity, by=self.request.user, details=form.details()
                )
            else:
                opportunity = services.opportunity_open(
                    initiative=self.initiative, by=self.request.user, details=form.details()
                )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"“{opportunity.title}” is saved.")
        return redirect(
            "initiatives:opportunity",
            area_slug=self.area.slug,
            code=self.initiative.code,
            pk=opportunity.pk,
        )


class OpportunityMixin(AreaRecordMixin):
    """Pages about one opportunity, found through its initiative's code in this area."""

    permission_required = "initiatives.view_initiative"
    record_name = "opportunity"
    not_found_message = "There is no such opportunity in this area."

    @property
    def opportunity(self):
        return self.record

    def find_record(self):
        return selectors.opportunity_get(
            area=self.area,
            code=self.kwargs["code"],
            pk=self.kwargs["pk"],
            include_unpublished=can(self.request, "initiatives.view_unpublished", self.area),
        )

    def opportunity_url(self) -> str:
        return reverse(
            "initiatives:opportunity",
            kwargs={
                "area_slug": self.area.slug,
                "code": self.kwargs["code"],
                "pk": self.kwargs["pk"],
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opportunity"] = self.opportunity
        context["initiative"] = self.opportunity.initiative
        return context


class OpportunityDetailView(OpportunityMixin, FormView):
    """The opportunity, and for parent carers and young people their interest in it."""

    template_name = "initiatives/opportunity_detail.html"
    form_class = InterestForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opportunity = self.opportunity
        person = self.request.user
        can_manage = can(self.request, "initiatives.manage_opportunity", opportunity)
        context.update(
            can_manage=can_manage,
            can_express=can(self.request, "initiatives.express_interest", opportunity),
            has_closed=opportunity.has_closed(),
            is_full=opportunity.is_full(opportunity.accepted_count),
            my_interest=selectors.interest_of(opportunity=opportunity, person=person),
        )
        if can_manage:
            context["interests"] = selectors.opportunity_interests(opportunity=opportunity)
        return context

    def post(self, request, *args, **kwargs):
        if not can(request, "initiatives.express_interest", self.opportunity):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.interest_express(
                opportunity=self.opportunity,
                person=self.request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            "Thank you. We have told the organiser you are interested and emailed you a "
            "copy. They will reply to you.",
        )
        return redirect(self.opportunity_url())


class OpportunityCloseView(OpportunityMixin, View):
    permission_required = "initiatives.manage_opportunity"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        services.opportunity_close(opportunity=self.opportunity, by=request.user)
        messages.success(request, f"“{self.opportunity.title}” is closed to new interest.")
        return redirect(self.opportunity_url())


class InterestWithdrawView(OpportunityMixin, View):
    permission_required = "initiatives.get_involved"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        interest = selectors.interest_of(opportunity=self.opportunity, person=request.user)
        if interest is None:
            raise Http404("You have not expressed interest in this opportunity.")
        try:
            services.interest_withdraw(interest=interest, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Your interest is withdrawn. We have told the organiser.")
        return redirect(self.opportunity_url())


class InterestRespondView(OpportunityMixin, FormView):
    permission_required = "initiatives.manage_opportunity"
    template_name = "initiatives/interest_respond.html"
    form_class = InterestResponseForm

    @property
    def interest(self):
        if "_interest" not in self.__dict__:
            self._interest = selectors.interest_get(
                opportunity=self.opportunity, pk=self.kwargs["interest_pk"]
            )
            if self._interest is None:
                raise Http404("There is no such interest.")
        return self._interest

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["interest"] = self.interest
        context["back_url"] = self.opportunity_url()
        # Accepting asks more of the person: warn when they are at their limit this term.
        context["load_warnings"] = consultation_load_warnings(
            area=self.area, asked_on=timezone.localdate(), person=self.interest.person
        )
        return context

    def form_valid(self, form):
        service = (
            services.interest_accept
            if form.cleaned_data["decision"] == Interest.Status.ACCEPTED
            else services.interest_decline
        )
        try:
            interest = service(
                interest=self.interest, by=self.request.user, message=form.cleaned_data["response"]
            )
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"You have {'accepted' if interest.status == Interest.Status.ACCEPTED else 'declined'} "
            f"{interest.person.display_name}'s interest. We have emailed them your message.",
        )
        return redirect(self.opportunity_url())


class GetInvolvedView(AreaPermissionMixin, TemplateView):
    """Open opportunities for the parent carer or young person looking."""

    permission_required = "initiatives.get_involved"
    template_name = "initiatives/get_involved.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opportunities = selectors.opportunities_open_for(person=self.request.user, area=self.area)
        page = Paginator(opportunities, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            page=page,
            pagination=pagination(page, self.request),
            my_interests=selectors.interests_of_person(person=self.request.user, area=self.area),
        )
        return context


# CSV import --------------------------------------------------------------------------------

SESSION_KEY = "initiatives_import"


class ImportView(AreaPermissionMixin, FormView):
    """Step 1: upload a file. It is kept in the session for the check and confirm step."""

    permission_required = "initiatives.import_initiatives"
    template_name = "initiatives/import.html"
    form_class = ImportUploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = csv_format.COLUMNS
        context["back_url"] = reverse("initiatives:register", kwargs={"area_slug": self.area.slug})
        return context

    def form_valid(self, form):
        self.request.session[SESSION_KEY] = {
            "area": self.area.pk,
            "name": form.files["file"].name,
            "text": form.cleaned_data["file"],
        }
        return redirect("initiatives:import_check", area_slug=self.area.slug)


class ImportCheckView(AreaPermissionMixin, FormView):
    """Step 2: every problem by row and column, or a preview and the button to import."""

    permission_required = "initiatives.import_initiatives"
    template_name = "initiatives/import_check.html"
    form_class = ImportConfirmForm

    def uploaded(self) -> dict | None:
        uploaded = self.request.session.get(SESSION_KEY)
        if not uploaded or uploaded.get("area") != self.area.pk:
            return None
        return uploaded

    def get(self, request, *args, **kwargs):
        if self.uploaded() is None:
            return redirect("initiatives:import", area_slug=self.area.slug)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        uploaded = self.uploaded()
        check = csv_format.check_initiatives_csv(area=self.area, csv_text=uploaded["text"])
        context.update(
            check=check,
            file_name=uploaded["name"],
            upload_form=ImportUploadForm(),
            upload_url=reverse("initiatives:import", kwargs={"area_slug": self.area.slug}),
            back_url=reverse("initiatives:import", kwargs={"area_slug": self.area.slug}),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.uploaded() is None:
            return redirect("initiatives:import", area_slug=self.area.slug)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            created = services.initiatives_import(
                area=self.area,
                by=self.request.user,
                csv_text=self.uploaded()["text"],
                publish=form.cleaned_data["publish"],
            )
        except ValidationError:
            # Something changed since the check (another import?): show the problems now.
            return self.form_invalid(form)
        del self.request.session[SESSION_KEY]
        messages.success(self.request, f"{len(created)} initiatives are imported.")
        return redirect("initiatives:register", area_slug=self.area.slug)
