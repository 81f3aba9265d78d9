"""Self-evaluation pages: the dial and each subject's timeline, declared against experienced
levels, the characteristics check and the stakeholder map. Thin: parse, check permission,
call one service or selector, answer."""

from __future__ import annotations

from functools import cached_property

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView, View

from coproduction.people.mixins import (
    AreaFormMixin,
    AreaPermissionMixin,
    AreaRecordMixin,
    ServiceFormMixin,
)
from coproduction.people.models import LocalArea
from coproduction.people.rules import is_area_young_person
from evaluation.dial import forms, selectors, services
from evaluation.dial.models import (
    REFLECTIVE_QUESTIONS,
    Characteristic,
    CharacteristicStatus,
    Dial,
)
from evaluation.scale import (
    LEVEL_MEANINGS,
    WEST_SUSSEX_STEPS,
    Ladder,
    level_choices,
    level_name,
)
from forums.selectors import body_get


class LadderMixin:
    """The area's ladder (the words for the levels), read once per request."""

    area: LocalArea

    @cached_property
    def ladder(self) -> str:
        return selectors.area_ladder(area=self.area)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ladder"] = self.ladder
        meanings = dict(LEVEL_MEANINGS)
        if self.ladder == Ladder.WEST_SUSSEX:
            meanings.update({value: meaning for value, _, meaning in WEST_SUSSEX_STEPS})
        context["levels"] = [
            {"words": words, "meaning": meanings[value]}
            for value, words in level_choices(ladder=self.ladder)
        ]
        return context

    def words(self, level) -> str:
        return level_name(level, ladder=self.ladder) if level else ""


# Settings ----------------------------------------------------------------------------------


class SettingsView(AreaPermissionMixin, LadderMixin, ServiceFormMixin, FormView):
    area_permission_required = "dial.manage_settings"
    template_name = "dial/form.html"
    form_class = forms.SettingsForm
    extra_context = {"heading": "Words for the engagement levels"}

    def get_initial(self):
        return {"ladder": self.ladder}

    def call_service(self, form):
        return services.evaluation_settings_update(
            area=self.area, ladder=form.cleaned_data["ladder"]
        )

    def service_done(self, form, result):
        messages.success(self.request, "The words for the levels are saved.")
        return redirect(reverse("dial:overview", args=[self.area.slug]))


# The dial ----------------------------------------------------------------------------------


class OverviewView(AreaPermissionMixin, LadderMixin, TemplateView):
    """Every subject on the two dials with where it sits now and what it aims for."""

    area_permission_required = "dial.view_self_evaluation"
    template_name = "dial/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        subjects = list(selectors.subjects_overview(area=self.area))
        for subject in subjects:
            subject.level_words = self.words(subject.latest_level)
            subject.aim_words = self.words(subject.latest_aim)
        context["dials"] = [
            {"label": label, "subjects": [s for s in subjects if s.dial == value]}
            for value, label in Dial.choices
        ]
        return context


class SubjectRecordMixin(AreaRecordMixin):
    record_name = "subject"
    not_found_message = "There is no such subject on this area's dials."

    def find_record(self):
        return selectors.subject_get(area=self.area, pk=self.kwargs["pk"])


class SubjectAddView(AreaPermissionMixin, AreaFormMixin, ServiceFormMixin, FormView):
    area_permission_required = "dial.record_self_evaluation"
    template_name = "dial/form.html"
    form_class = forms.SubjectForm
    extra_context = {"heading": "Add a subject to a dial"}

    def call_service(self, form):
        data = form.cleaned_data
        return services.dial_subject_add(
            area=self.area,
            dial=data["dial"],
            kind=data["kind"],
            name=data["name"],
            body=data["body"],
        )

    def service_done(self, form, subject):
        messages.success(self.request, f"{subject.name} is on the dial. Record where it sits.")
        return redirect(reverse("dial:assess", args=[self.area.slug, subject.pk]))


class SubjectView(SubjectRecordMixin, LadderMixin, TemplateView):
    """The subject's history: every assessment, newest first, with the move it made."""

    area_permission_required = "dial.view_self_evaluation"
    permission_required = "dial.view_record"
    template_name = "dial/subject.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["timeline"] = selectors.subject_timeline(subject=self.record, ladder=self.ladder)
        return context


class AssessmentFormMixin(LadderMixin, ServiceFormMixin):
    """Record and change share the form; the subject's dial gives its questions."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(area=self.area, subject=self.subject, ladder=self.ladder)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subject"] = self.subject
        return context


class AssessmentRecordView(SubjectRecordMixin, AssessmentFormMixin, FormView):
    area_permission_required = "dial.record_self_evaluation"
    permission_required = "dial.change_record"
    template_name = "dial/assessment_form.html"
    form_class = forms.AssessmentForm
    extra_context = {"heading": "Record an assessment"}

    @property
    def subject(self):
        return self.record

    def call_service(self, form):
        return services.dial_assessment_record(
            subject=self.subject, by=self.request.user, **form.service_arguments()
        )

    def service_done(self, form, assessment):
        messages.success(
            self.request,
            f"Saved: {assessment.subject.name} sits at {self.words(assessment.level).lower()}.",
        )
        return redirect(assessment.subject.get_absolute_url())


class AssessmentEditView(AreaRecordMixin, AssessmentFormMixin, FormView):
    area_permission_required = "dial.record_self_evaluation"
    permission_required = "dial.change_record"
    record_name = "assessment"
    not_found_message = "There is no such assessment in this area."
    template_name = "dial/assessment_form.html"
    form_class = forms.AssessmentForm
    extra_context = {"heading": "Change an assessment"}

    def find_record(self):
        return selectors.assessment_get(area=self.area, pk=self.kwargs["pk"])

    @property
    def subject(self):
        return self.record.subject

    def get_initial(self):
        a = self.record
        initial = {
            "level": a.level,
            "aimed_level": a.aimed_level,
            "aim_reason": a.aim_reason,
            "evidence": a.evidence,
            "participants": list(a.participants.all()),
            "others_count": a.others_count,
            "assessed_on": a.assessed_on,
        }
        for key, _ in REFLECTIVE_QUESTIONS[a.subject.dial]:
            initial[f"answer_{key}"] = a.answers.get(key, "")
        return initial

    def call_service(self, form):
        return services.dial_assessment_update(
            assessment=self.record, by=self.request.user, **form.service_arguments()
        )

    def service_done(self, form, assessment):
        messages.success(self.request, "The assessment is changed.")
        return redirect(self.subject.get_absolute_url())


# Declared against experienced --------------------------------------------------------------


def _summary_rows(declarations, ladder):
    rows = []
    for declaration in declarations:
        summary = selectors.experienced_summary(
            selectors.declaration_counts(declaration), ladder=ladder
        )
        rows.append(
            {
                "declaration": declaration,
                "aim_words": level_name(declaration.aimed_level, ladder=ladder),
                "reached_words": level_name(declaration.reached_level, ladder=ladder),
                "summary": summary,
            }
        )
    return rows


class ActivityListView(AreaPermissionMixin, LadderMixin, TemplateView):
    area_permission_required = "dial.view_self_evaluation"
    template_name = "dial/activity_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = _summary_rows(selectors.declarations_list(area=self.area), self.ladder)
        return context


class DeclareView(AreaPermissionMixin, LadderMixin, ServiceFormMixin, FormView):
    area_permission_required = "dial.record_self_evaluation"
    template_name = "dial/form.html"
    form_class = forms.DeclarationForm
    extra_context = {"heading": "Declare the level of an activity"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(area=self.area, ladder=self.ladder)
        return kwargs

    def get_initial(self):
        initial = {}
        for name in ("initiative", "meeting", "body"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                initial[name] = int(value)
        return initial

    def call_service(self, form):
        data = form.cleaned_data
        return services.activity_declare(
            area=self.area,
            by=self.request.user,
            aimed_level=data["aimed_level"],
            reached_level=data["reached_level"],
            initiative=data["initiative"],
            meeting=data["meeting"],
            body=data["body"],
        )

    def service_done(self, form, declaration):
        messages.success(
            self.request,
            "The levels are declared. Families who took part can now say which level they felt.",
        )
        return redirect(declaration.get_absolute_url())


class DeclarationRecordMixin(AreaRecordMixin):
    record_name = "declaration"
    not_found_message = "There is no such activity in this area."

    def find_record(self):
        return selectors.declaration_get(area=self.area, pk=self.kwargs["pk"])


class ActivityView(DeclarationRecordMixin, LadderMixin, TemplateView):
    """Declared against experienced for one activity; the person's own answer, if any."""

    area_permission_required = "dial.view_self_evaluation"
    permission_required = "dial.view_record"
    template_name = "dial/activity.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["row"] = _summary_rows([self.record], self.ladder)[0]
        answer = selectors.own_answer(declaration=self.record, person=self.request.user)
        context["own_answer"] = answer
        if answer is not None:
            context["own_words"] = self._answer_words(answer.level)
        return context

    def _answer_words(self, level):
        if is_area_young_person(self.request.user, self.area):
            return forms.YOUNG_PEOPLE_WORDS[level]
        return self.words(level)


class DeclarationEditView(DeclarationRecordMixin, LadderMixin, ServiceFormMixin, FormView):
    area_permission_required = "dial.record_self_evaluation"
    permission_required = "dial.change_record"
    template_name = "dial/form.html"
    form_class = forms.DeclarationChangeForm
    extra_context = {"heading": "Change the declared levels"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["ladder"] = self.ladder
        return kwargs

    def get_initial(self):
        return {"aimed_level": self.record.aimed_level, "reached_level": self.record.reached_level}

    def call_service(self, form):
        return services.activity_declaration_update(
            declaration=self.record, by=self.request.user, **form.cleaned_data
        )

    def service_done(self, form, declaration):
        messages.success(self.request, "The declared levels are changed.")
        return redirect(self.record.get_absolute_url())


class ExperiencedView(DeclarationRecordMixin, LadderMixin, ServiceFormMixin, FormView):
    """One short question for a parent carer or young person who took part."""

    permission_required = "dial.answer_experienced"
    template_name = "dial/experienced.html"
    form_class = forms.ExperiencedForm

    @cached_property
    def young_person(self) -> bool:
        return is_area_young_person(self.request.user, self.area)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(ladder=self.ladder, young_person=self.young_person)
        return kwargs

    def get_initial(self):
        answer = selectors.own_answer(declaration=self.record, person=self.request.user)
        return {"level": answer.level} if answer else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["young_person"] = self.young_person
        return context

    def call_service(self, form):
        return services.experienced_answer_give(
            declaration=self.record, person=self.request.user, level=form.cleaned_data["level"]
        )

    def service_done(self, form, answer):
        messages.success(self.request, "Thank you. Your answer is saved. Only you can see it.")
        return redirect(self.record.get_absolute_url())


# Characteristics ---------------------------------------------------------------------------


class CharacteristicsView(AreaPermissionMixin, TemplateView):
    """The latest check of the eight characteristics, for the area or one body, and the
    checks before it."""

    area_permission_required = "dial.view_self_evaluation"
    template_name = "dial/characteristics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        body = None
        value = self.request.GET.get("body", "")
        if value:
            body = body_get(area=self.area, pk=int(value)) if value.isdigit() else None
            if body is None:
                raise Http404("There is no such board or work stream in this area.")
        checks = selectors.characteristic_checks(area=self.area, body=body)
        context.update(
            body=body,
            latest=checks[0] if checks else None,
            earlier=checks[1:],
            bodies=selectors.declarable_bodies(area=self.area),
            characteristics=Characteristic.choices,
            present=CharacteristicStatus.PRESENT,
        )
        return context


class CharacteristicsCheckView(AreaPermissionMixin, AreaFormMixin, ServiceFormMixin, FormView):
    area_permission_required = "dial.record_self_evaluation"
    template_name = "dial/form.html"
    form_class = forms.CharacteristicsForm
    extra_context = {"heading": "Check the characteristics of co-production"}

    def get_initial(self):
        value = self.request.GET.get("body", "")
        return {"body": int(value)} if value.isdigit() else {}

    def call_service(self, form):
        return services.characteristics_check_record(
            area=self.area,
            by=self.request.user,
            body=form.cleaned_data["body"],
            checked_on=form.cleaned_data["checked_on"],
            ratings=form.ratings(),
        )

    def service_done(self, form, check):
        messages.success(self.request, "The check is saved.")
        url = reverse("dial:characteristics", args=[self.area.slug])
        return redirect(f"{url}?body={check.body_id}" if check.body_id else url)


# Stakeholders ------------------------------------------------------------------------------


class StakeholdersView(AreaPermissionMixin, TemplateView):
    area_permission_required = "dial.view_self_evaluation"
    template_name = "dial/stakeholders.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["stakeholders"] = selectors.stakeholders(area=self.area)
        context["missing"] = selectors.missing_stakeholders(area=self.area)
        return context


class StakeholderAddView(AreaPermissionMixin, AreaFormMixin, ServiceFormMixin, FormView):
    area_permission_required = "dial.record_self_evaluation"
    template_name = "dial/form.html"
    form_class = forms.StakeholderForm
    extra_context = {"heading": "Add a stakeholder"}

    def call_service(self, form):
        return services.stakeholder_add(area=self.area, **form.cleaned_data)

    def service_done(self, form, stakeholder):
        messages.success(self.request, f"{stakeholder.display_name} is on the map.")
        return redirect(reverse("dial:stakeholders", args=[self.area.slug]))


class StakeholderEditView(AreaRecordMixin, AreaFormMixin, ServiceFormMixin, FormView):
    area_permission_required = "dial.record_self_evaluation"
    permission_required = "dial.change_record"
    record_name = "stakeholder"
    not_found_message = "There is no such stakeholder in this area."
    template_name = "dial/form.html"
    form_class = forms.StakeholderForm
    extra_context = {"heading": "Change a stakeholder"}

    def find_record(self):
        return selectors.stakeholder_get(area=self.area, pk=self.kwargs["pk"])

    def get_initial(self):
        s = self.record
        return {
            "organisation": s.organisation_id,
            "group": s.group_id,
            "name": s.name,
            "kind": s.kind,
            "brings": s.brings,
            "notes": s.notes,
        }

    def call_service(self, form):
        return services.stakeholder_update(stakeholder=self.record, **form.cleaned_data)

    def service_done(self, form, stakeholder):
        messages.success(self.request, "The stakeholder is changed.")
        return redirect(reverse("dial:stakeholders", args=[self.area.slug]))


class MissingAddView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "dial.record_self_evaluation"
    template_name = "dial/form.html"
    form_class = forms.MissingStakeholderForm
    extra_context = {"heading": "Add someone who is missing"}

    def call_service(self, form):
        return services.missing_stakeholder_add(area=self.area, **form.cleaned_data)

    def service_done(self, form, missing):
        messages.success(self.request, f"{missing.name} is on the list of who is missing.")
        return redirect(reverse("dial:stakeholders", args=[self.area.slug]))


class MissingRemoveView(AreaRecordMixin, View):
    area_permission_required = "dial.record_self_evaluation"
    permission_required = "dial.change_record"
    not_found_message = "There is no such entry in this area."

    def find_record(self):
        return selectors.missing_stakeholder_get(area=self.area, pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        name = self.record.name
        services.missing_stakeholder_remove(missing=self.record)
        messages.success(request, f"{name} is off the list of who is missing.")
        return redirect(reverse("dial:stakeholders", args=[self.area.slug]))
