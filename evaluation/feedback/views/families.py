"""Families' pages: send feedback (a short form; plainer words for young people) and "What
you told us" (only what the person sent, with its response and status)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from coproduction.people.mixins import AreaPermissionMixin, ServiceFormMixin
from evaluation.feedback import forms, selectors, services


def _is_young_person_only(person, area) -> bool:
    return services.is_young_person_only(person, area)


class SendFeedbackView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "feedback.send_feedback"
    template_name = "feedback/send_form.html"
    form_class = forms.SendFeedbackForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["young_person"] = _is_young_person_only(self.request.user, self.area)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["for_young_person"] = _is_young_person_only(self.request.user, self.area)
        context["weeks_to_respond"] = selectors.feedback_settings_for(
            area=self.area
        ).weeks_to_respond
        return context

    def call_service(self, form):
        return services.feedback_send(area=self.area, person=self.request.user, **form.cleaned_data)

    def service_done(self, form, item):
        if _is_young_person_only(self.request.user, self.area):
            messages.success(self.request, "Thank you. We got your message. We will reply here.")
        else:
            messages.success(
                self.request,
                f"Thank you. Your feedback is sent. We aim to respond by {item.due_on:%-d %B %Y}; "
                "you can see our response here.",
            )
        return redirect("feedback:yours", area_slug=self.area.slug)


class YourFeedbackView(AreaPermissionMixin, TemplateView):
    """What you told us: the person's own items (never anyone else's), with responses."""

    area_permission_required = "feedback.view_own_feedback"
    template_name = "feedback/yours.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items, more = selectors.bounded(
            selectors.person_items(area=self.area, person=self.request.user)
        )
        context.update(
            items=items,
            more=more,
            for_young_person=_is_young_person_only(self.request.user, self.area),
            can_send=self.request.user.has_perm("feedback.send_feedback", self.area),
        )
        return context
