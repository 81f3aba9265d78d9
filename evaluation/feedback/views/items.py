"""Officers' feedback pages: the list, recording, one item, responding, leaving out,
anonymising and publishing, and the area's settings."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import AreaFormMixin, AreaPermissionMixin, ServiceFormMixin
from evaluation.feedback import forms, selectors, services
from evaluation.feedback.views.common import FeedbackItemMixin
from initiatives.views.common import pagination


def _item_url(area, item) -> str:
    return reverse("feedback:item", kwargs={"area_slug": area.slug, "pk": item.pk})


class FeedbackListView(AreaPermissionMixin, TemplateView):
    """Every item of the area for officers, filterable (overdue, waiting, to publish ...)."""

    area_permission_required = "feedback.manage_feedback"
    template_name = "feedback/item_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        filters = forms.OfficerFilterForm(self.request.GET or None)
        items = selectors.area_items(area=self.area, today=today, **filters.values())
        if filters.has_bad_value:
            items = items.none()  # the filter's error says what to choose
        page = Paginator(items, selectors.PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            filters=filters,
            form=filters,
            page=page,
            pagination=pagination(page, self.request),
            counts=selectors.area_counts(area=self.area, today=today),
            today=today,
            can_change_settings=self.request.user.has_perm("feedback.manage_settings", self.area),
        )
        return context


class FeedbackRecordView(AreaPermissionMixin, AreaFormMixin, ServiceFormMixin, FormView):
    area_permission_required = "feedback.manage_feedback"
    template_name = "feedback/item_form.html"
    form_class = forms.FeedbackItemForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["back_url"] = reverse("feedback:list", kwargs={"area_slug": self.area.slug})
        return context

    def call_service(self, form):
        return services.feedback_record(area=self.area, by=self.request.user, **form.cleaned_data)

    def service_done(self, form, item):
        messages.success(
            self.request,
            f"Feedback {item.pk} is recorded. Its response is due {item.due_on:%-d %B %Y}.",
        )
        return redirect(_item_url(self.area, item))


class FeedbackItemView(FeedbackItemMixin, TemplateView):
    """One item: what was said (and by whom), the response, its history, what is published."""

    template_name = "feedback/item_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = selectors.item_history(item=self.item)
        context["today"] = timezone.localdate()
        kwargs = {"area_slug": self.area.slug, "pk": self.item.pk}
        context["publish_form"] = forms.ConfirmForm(
            submit_label="Publish", action=reverse("feedback:publish", kwargs=kwargs)
        )
        context["unpublish_form"] = forms.ConfirmForm(
            submit_label="Take it off the published pages",
            action=reverse("feedback:unpublish", kwargs=kwargs),
        )
        context["put_back_form"] = forms.ConfirmForm(
            submit_label="Put it back for publication",
            action=reverse("feedback:put_back", kwargs=kwargs),
        )
        return context


class ResponseView(FeedbackItemMixin, ServiceFormMixin, FormView):
    template_name = "feedback/response_form.html"
    form_class = forms.ResponseForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["area"] = self.area
        return kwargs

    def get_initial(self):
        item = self.item
        return {
            "kind": item.response_kind,
            "text": item.response_text,
            "will_by": item.will_by,
            "could_not_why": item.could_not_why,
            "owner": item.owner_id or (self.request.user.pk if item.owner_id is None else None),
            "due_on": item.due_on,
            "evidence_initiative": item.evidence_initiative_id,
            "evidence_meeting": item.evidence_meeting_id,
            "evidence_url": item.evidence_url,
        }

    def call_service(self, form):
        return services.feedback_respond(item=self.item, by=self.request.user, **form.cleaned_data)

    def service_done(self, form, item):
        messages.success(self.request, "The response is saved.")
        return redirect(_item_url(self.area, item))


class LeaveOutView(FeedbackItemMixin, ServiceFormMixin, FormView):
    template_name = "feedback/leave_out_form.html"
    form_class = forms.LeaveOutForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(area=self.area, item=self.item)
        return kwargs

    def call_service(self, form):
        return services.feedback_leave_out(
            item=self.item, by=self.request.user, **form.cleaned_data
        )

    def service_done(self, form, item):
        messages.success(
            self.request, "The item is left out of publication. The reason is recorded."
        )
        return redirect(_item_url(self.area, item))


class AnonymiseView(FeedbackItemMixin, ServiceFormMixin, FormView):
    """Shows the masked text for the officer to check and edit; confirming keeps it as the
    only text that can be published."""

    template_name = "feedback/anonymise_form.html"
    form_class = forms.AnonymiseForm

    def get_initial(self):
        suggested = selectors.suggested_text(item=self.item)
        return {"text": self.item.confirmed_text or suggested, "suggested": suggested}

    def call_service(self, form):
        return services.feedback_anonymise_confirm(
            item=self.item,
            by=self.request.user,
            text=form.cleaned_data["text"],
            suggested=form.cleaned_data["suggested"],
        )

    def service_done(self, form, item):
        messages.success(self.request, "The text to publish is confirmed. You can publish it now.")
        return redirect(_item_url(self.area, item))


class _ItemButtonView(FeedbackItemMixin, ServiceFormMixin, FormView):
    """A one-button form (publish, take down, put back) posted from the item page."""

    form_class = forms.ConfirmForm
    http_method_names = ["post"]
    done_message = ""

    def form_invalid(self, form):
        return redirect(_item_url(self.area, self.item))

    def form_valid(self, form):
        from django.core.exceptions import ValidationError

        try:
            item = self.call_service(form)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(_item_url(self.area, self.item))
        messages.success(self.request, self.done_message)
        return redirect(_item_url(self.area, item))


class PublishView(_ItemButtonView):
    done_message = "The item is published on the “You said, we did” pages."

    def call_service(self, form):
        return services.feedback_publish(item=self.item, by=self.request.user)


class UnpublishView(_ItemButtonView):
    done_message = "The item is no longer on the “You said, we did” pages."

    def call_service(self, form):
        return services.feedback_unpublish(item=self.item, by=self.request.user)


class PutBackView(_ItemButtonView):
    done_message = "The item can be published again."

    def call_service(self, form):
        return services.feedback_put_back(item=self.item, by=self.request.user)


class FeedbackSettingsView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "feedback.manage_settings"
    template_name = "feedback/settings.html"
    form_class = forms.FeedbackSettingsForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.feedback_settings_for(area=self.area)
        return kwargs

    def call_service(self, form):
        return services.feedback_settings_update(
            area=self.area, **{name: form.cleaned_data[name] for name in form.Meta.fields}
        )

    def service_done(self, form, settings):
        messages.success(self.request, "The feedback settings are saved.")
        return redirect("feedback:settings", area_slug=self.area.slug)
