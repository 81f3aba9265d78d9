"""Meeting pages: my meetings, a body's meetings, the meeting page and the organiser's
pages, RSVP, papers, calendar feeds and the person's meeting preferences."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView, View

from coproduction.people.mixins import (
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
    found,
)
from forums.meetings import forms, ics, selectors
from forums.meetings.models import MeetingPreferences
from forums.meetings.services import meetings as services
from forums.meetings.services import papers as paper_services
from forums.selectors import body_get


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class MeetingRecordMixin(AreaRecordMixin):
    record_name = "meeting"
    not_found_message = "There is no such meeting in this area."

    def find_record(self):
        return selectors.meeting_get(area=self.area, pk=self.kwargs["pk"])

    @property
    def meeting(self):
        return self.record


class BodyRecordMixin(AreaRecordMixin):
    record_name = "body"
    not_found_message = "There is no such board or work stream in this area."

    def find_record(self):
        return body_get(area=self.area, pk=self.kwargs["body_pk"])


# Lists ------------------------------------------------------------------------------------


class MyMeetingsView(AreaPermissionMixin, TemplateView):
    """The person's meetings in the area: upcoming (with papers to read) and past."""

    area_permission_required = "meetings.view_my_meetings"
    template_name = "meetings/my_meetings.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.person_meetings_split(person=self.request.user, area=self.area))
        return context


class BodyMeetingsView(BodyRecordMixin, TemplateView):
    permission_required = "meetings.view_body_meetings"
    template_name = "meetings/body_meetings.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meetings"] = selectors.body_meetings(body=self.record)
        context["now"] = timezone.now()
        return context


# One meeting ------------------------------------------------------------------------------


class MeetingDetailView(MeetingRecordMixin, TemplateView):
    """Agenda with papers, who is coming, access, actions carried forward."""

    permission_required = "meetings.view_meeting"
    template_name = "meetings/meeting_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.meeting_page(meeting=self.meeting, person=self.request.user))
        return context


class PaperDownloadView(MeetingRecordMixin, View):
    """A paper version, for invitees and organisers only, named with its version. Never a
    public URL: the file's storage name is random and MEDIA_URL does not serve it."""

    permission_required = "meetings.view_papers"

    def get(self, request, *args, **kwargs):
        version = found(
            selectors.paper_version_get(meeting=self.record, pk=kwargs["version_pk"]),
            "There is no such paper for this meeting.",
        )
        response = FileResponse(
            version.file.open("rb"),
            as_attachment=True,
            filename=version.download_name,
            content_type=version.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        return response


class RsvpView(MeetingRecordMixin, ServiceFormMixin, FormView):
    permission_required = "meetings.rsvp"
    template_name = "meetings/rsvp.html"
    form_class = forms.RsvpForm

    def get_initial(self):
        rsvp = self.meeting.rsvps.filter(person=self.request.user).first()
        if rsvp is not None:
            return {
                "answer": rsvp.answer,
                "needed_features": rsvp.needed_features,
                "access_needs": rsvp.access_needs,
            }
        preferences = MeetingPreferences.objects.filter(person=self.request.user).first()
        return {
            "needed_features": preferences.needed_features if preferences else [],
            "access_needs": self.request.user.access_needs,
        }

    def call_service(self, form):
        return services.rsvp_answer(
            meeting=self.meeting, person=self.request.user, **form.cleaned_data
        )

    def service_done(self, form, rsvp):
        messages.success(self.request, "Thank you. Your reply is saved.")
        return redirect(self.meeting.get_absolute_url())


# Organisers -------------------------------------------------------------------------------


class MeetingFormMixin(ServiceFormMixin):
    """Schedule and change share the form; warnings still needing a reason are shown on it."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["area"] = self.area
        return kwargs

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.WarningsNeedReasons as pending:
            form.add_warnings(pending.warnings, form.reasons())
            return self.form_invalid(form)


class MeetingScheduleView(BodyRecordMixin, MeetingFormMixin, FormView):
    permission_required = "meetings.schedule_meeting"
    form_class = forms.MeetingForm
    template_name = "meetings/meeting_form.html"

    def call_service(self, form):
        data = form.cleaned_data
        return services.meeting_schedule(
            body=self.record,
            by=self.request.user,
            title=data["title"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            mode=data["mode"],
            venue=data["venue"],
            join_link=data["join_link"],
            chair=self.request.user,
            reasons=form.reasons(),
            guests=data["guests"],
        )

    def service_done(self, form, meeting):
        messages.success(self.request, f"{meeting.title} is scheduled. Add the agenda and papers.")
        return redirect(reverse("meetings:meeting_organise", args=[self.area.slug, meeting.pk]))


class MeetingEditView(MeetingRecordMixin, MeetingFormMixin, FormView):
    permission_required = "meetings.organise_meeting"
    form_class = forms.MeetingForm
    template_name = "meetings/meeting_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["edit"] = True
        return kwargs

    def get_initial(self):
        start = timezone.localtime(self.meeting.starts_at)
        end = timezone.localtime(self.meeting.ends_at)
        return {
            "title": self.meeting.title,
            "day": start.date(),
            "start": f"{start:%H:%M}",
            "end": f"{end:%H:%M}",
            "mode": self.meeting.mode,
            "venue": self.meeting.venue,
            "join_link": self.meeting.join_link,
        }

    def call_service(self, form):
        data = form.cleaned_data
        return services.meeting_move(
            meeting=self.meeting,
            by=self.request.user,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            mode=data["mode"],
            venue=data["venue"],
            join_link=data["join_link"],
            reasons=form.reasons(),
        )

    def service_done(self, form, meeting):
        messages.success(self.request, "The meeting is changed. Everyone invited has been told.")
        return redirect(reverse("meetings:meeting_organise", args=[self.area.slug, meeting.pk]))


class MeetingOrganiseView(MeetingRecordMixin, TemplateView):
    """Replies and access needs together, acknowledged warnings, the dispatch log."""

    permission_required = "meetings.organise_meeting"
    template_name = "meetings/meeting_organise.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.meeting_organiser_page(meeting=self.meeting))
        return context


class AgendaItemAddView(MeetingRecordMixin, ServiceFormMixin, FormView):
    permission_required = "meetings.organise_meeting"
    template_name = "meetings/simple_form.html"
    form_class = forms.AgendaItemForm
    extra_context = {"heading": "Add an agenda item"}

    def call_service(self, form):
        return services.agenda_item_add(meeting=self.meeting, **form.cleaned_data)

    def service_done(self, form, item):
        messages.success(self.request, f"{item.title} is on the agenda.")
        return redirect(
            reverse("meetings:meeting_organise", args=[self.area.slug, self.meeting.pk])
        )


class PaperAddView(MeetingRecordMixin, ServiceFormMixin, FormView):
    permission_required = "meetings.organise_meeting"
    template_name = "meetings/simple_form.html"
    form_class = forms.PaperForm

    @cached_property
    def item(self):
        return found(
            self.meeting.agenda_items.filter(pk=self.kwargs["item_pk"]).first(),
            "There is no such agenda item for this meeting.",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = f"Add a paper to “{self.item.title}”"
        return context

    def call_service(self, form):
        return paper_services.paper_add(
            agenda_item=self.item,
            by=self.request.user,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            upload=form.cleaned_data["file"],
        )

    def service_done(self, form, version):
        late = " It is marked late: the chair has been told." if version.paper.is_late else ""
        messages.success(self.request, f"{version.paper.title} is uploaded.{late}")
        return redirect(
            reverse("meetings:meeting_organise", args=[self.area.slug, self.meeting.pk])
        )


class PaperReplaceView(MeetingRecordMixin, ServiceFormMixin, FormView):
    permission_required = "meetings.organise_meeting"
    template_name = "meetings/simple_form.html"
    form_class = forms.PaperForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["replace"] = True
        return kwargs

    @cached_property
    def paper(self):
        return found(
            selectors.paper_get(meeting=self.meeting, pk=self.kwargs["paper_pk"]),
            "There is no such paper for this meeting.",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = f"Upload a new version of “{self.paper.title}”"
        return context

    def call_service(self, form):
        return paper_services.paper_replace(
            paper=self.paper,
            by=self.request.user,
            upload=form.cleaned_data["file"],
            summary=form.cleaned_data.get("summary") or "",
        )

    def service_done(self, form, version):
        messages.success(
            self.request,
            f"Version {version.number} is uploaded. People who had the papers get one "
            "“updated papers” email.",
        )
        return redirect(
            reverse("meetings:meeting_organise", args=[self.area.slug, self.meeting.pk])
        )


class MeetingCancelView(MeetingRecordMixin, View):
    permission_required = "meetings.organise_meeting"

    def post(self, request, *args, **kwargs):
        from django.core.exceptions import ValidationError

        try:
            services.meeting_cancel(meeting=self.meeting, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "The meeting is cancelled. Everyone invited has been told.")
        return redirect(self.meeting.get_absolute_url())


# Calendar feeds and preferences -----------------------------------------------------------


class BodyFeedView(BodyRecordMixin, View):
    """A body's meetings as a calendar, for people in the area (signed in)."""

    permission_required = "meetings.view_body_meetings"

    def get(self, request, *args, **kwargs):
        return _ics_response(
            ics.meetings_feed(selectors.body_meetings(body=self.record), self.record.name),
            "meetings.ics",
        )


def person_feed(request, token: str):
    """The person's meetings at their secret address (no sign-in: calendar apps cannot).
    A reset token is a 404."""
    preferences = (
        MeetingPreferences.objects.filter(calendar_token=token).select_related("person").first()
    )
    if preferences is None or not preferences.person.is_active:
        raise Http404("This calendar address is not in use.")
    meetings = selectors.person_meetings(person=preferences.person).select_related("body")
    return _ics_response(ics.meetings_feed(meetings, "My meetings"), "my-meetings.ics")


class PreferencesView(LoginRequiredMixin, ServiceFormMixin, FormView):
    """The person's meeting settings: venue needs, reminders, calendar feed address."""

    template_name = "meetings/preferences.html"
    form_class = forms.PreferencesForm

    @cached_property
    def preferences(self):
        return services.preferences_for(person=self.request.user)

    def get_initial(self):
        return {
            "needed_features": self.preferences.needed_features,
            "reminders": self.preferences.reminders,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["feed_url"] = self.request.build_absolute_uri(
            reverse("meetings:person_feed", args=[self.preferences.calendar_token])
        )
        return context

    def call_service(self, form):
        return services.preferences_update(person=self.request.user, **form.cleaned_data)

    def service_done(self, form, preferences):
        messages.success(self.request, "Your meeting settings are saved.")
        return redirect(reverse("meetings:preferences"))


class FeedResetView(LoginRequiredMixin, View):
    def post(self, request):
        services.calendar_token_reset(person=request.user)
        messages.success(request, "Your calendar has a new address. The old one no longer works.")
        return redirect(reverse("meetings:preferences"))


class MeetingSettingsView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "meetings.manage_settings"
    permission_required = "meetings.manage_settings"
    template_name = "meetings/settings.html"
    form_class = forms.MeetingSettingsForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.meeting_settings_for(area=self.area)
        return kwargs

    def call_service(self, form):
        return services.meeting_settings_update(
            area=self.area,
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
        )

    def service_done(self, form, settings):
        messages.success(self.request, "The meeting rules are saved.")
        return redirect(reverse("meetings:settings", args=[self.area.slug]))


# After the meeting ------------------------------------------------------------------------


class InviteePeopleMixin:
    """The people invited to `self.meeting` who have accounts, as a queryset (for choices)."""

    def invitee_people(self):
        from coproduction.people.models import Person

        ids = [i.person.pk for i in selectors.meeting_invitees(meeting=self.meeting) if i.person]
        return Person.objects.filter(pk__in=ids).order_by("display_name")


class MeetingRecordView(MeetingRecordMixin, InviteePeopleMixin, ServiceFormMixin, FormView):
    """Attendance, outcomes and draft minutes, once the meeting has started."""

    permission_required = "meetings.organise_meeting"
    template_name = "meetings/simple_form.html"
    form_class = forms.RecordForm
    extra_context = {"heading": "Record the meeting"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["people"] = list(self.invitee_people())
        kwargs["agenda"] = list(self.meeting.agenda_items.all())
        return kwargs

    def get_initial(self):
        initial = {"minutes": self.meeting.minutes}
        for row in self.meeting.attendance.all():
            initial[f"attendance_{row.person_id}"] = row.status
        for item in self.meeting.agenda_items.all():
            initial[f"outcome_{item.pk}"] = item.outcome
        return initial

    def call_service(self, form):
        return services.meeting_record_held(
            meeting=self.meeting,
            attendance=form.attendance(),
            outcomes=form.outcomes(),
            minutes=form.cleaned_data["minutes"],
        )

    def service_done(self, form, meeting):
        messages.success(self.request, "The record of the meeting is saved.")
        return redirect(reverse("meetings:meeting_organise", args=[self.area.slug, meeting.pk]))


class ActionAddView(MeetingRecordMixin, InviteePeopleMixin, ServiceFormMixin, FormView):
    permission_required = "meetings.organise_meeting"
    template_name = "meetings/simple_form.html"
    form_class = forms.ActionForm
    extra_context = {"heading": "Add an action"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["people"] = self.invitee_people()
        return kwargs

    def call_service(self, form):
        return services.action_add(meeting=self.meeting, **form.cleaned_data)

    def service_done(self, form, action):
        messages.success(
            self.request, "The action is added. It carries to the next meetings until done."
        )
        return redirect(
            reverse("meetings:meeting_organise", args=[self.area.slug, self.meeting.pk])
        )


class ActionDoneView(MeetingRecordMixin, View):
    """Mark an action of this body's meetings done (from the meeting it carries to)."""

    permission_required = "meetings.organise_meeting"

    def post(self, request, *args, **kwargs):
        action = found(
            selectors.body_action_get(meeting=self.meeting, pk=kwargs["action_pk"]),
            "There is no such action for this body.",
        )
        services.action_mark_done(action=action)
        messages.success(request, "The action is marked done.")
        return redirect(
            reverse("meetings:meeting_organise", args=[self.area.slug, self.meeting.pk])
        )


class DeclarationAddView(MeetingRecordMixin, InviteePeopleMixin, ServiceFormMixin, FormView):
    permission_required = "meetings.organise_meeting"
    template_name = "meetings/simple_form.html"
    form_class = forms.DeclarationForm
    extra_context = {"heading": "Record a declared interest"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["people"] = self.invitee_people()
        kwargs["items"] = self.meeting.agenda_items.all()
        return kwargs

    def call_service(self, form):
        return services.declaration_add(**form.cleaned_data)

    def service_done(self, form, declaration):
        messages.success(self.request, "The declared interest is recorded.")
        return redirect(
            reverse("meetings:meeting_organise", args=[self.area.slug, self.meeting.pk])
        )


class MinutesApproveView(MeetingRecordMixin, View):
    """At this meeting, approve the minutes of the body's previous meeting."""

    permission_required = "meetings.organise_meeting"

    def post(self, request, *args, **kwargs):
        from django.core.exceptions import ValidationError

        previous = found(
            selectors.previous_meeting_awaiting_approval(meeting=self.meeting),
            "There are no minutes waiting for approval.",
        )
        try:
            services.minutes_approve(meeting=previous, at_meeting=self.meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"The minutes of {previous.title} are approved.")
        return redirect(
            reverse("meetings:meeting_organise", args=[self.area.slug, self.meeting.pk])
        )


# Venues -----------------------------------------------------------------------------------


class VenueListView(AreaPermissionMixin, TemplateView):
    area_permission_required = "meetings.manage_venues"
    template_name = "meetings/venue_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["venues"] = selectors.area_venues(area=self.area)
        return context


class VenueFormView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "meetings.manage_venues"
    template_name = "meetings/simple_form.html"
    form_class = forms.VenueForm

    @cached_property
    def instance(self):
        from forums.meetings.models import Venue

        if "venue_pk" in self.kwargs:
            return found(selectors.area_venue_get(area=self.area, pk=self.kwargs["venue_pk"]))
        return Venue(area=self.area)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = f"Change {self.instance.name}" if self.instance.pk else "Add a venue"
        return context

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.instance
        return kwargs

    def call_service(self, form):
        venue = form.instance
        venue.features = form.cleaned_data["features"]
        return services.venue_save(venue=venue)

    def service_done(self, form, venue):
        messages.success(self.request, f"{venue.name} is saved.")
        return redirect(reverse("meetings:venue_list", args=[self.area.slug]))
