"""Forms for the dial, declared and experienced levels, characteristics and stakeholders.
Level radios use the area's ladder (`evaluation.scale.level_choices`)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from coproduction.forms.dates import GovUKDateField
from coproduction.people.forms import GovUKFormMixin
from coproduction.people.models import Organisation, Role
from evaluation.date_limits import not_before_reforms
from evaluation.dial import selectors
from evaluation.dial.models import (
    LOWEST_AIM,
    REFLECTIVE_QUESTIONS,
    Asset,
    Characteristic,
    CharacteristicStatus,
    Dial,
    StakeholderKind,
    SubjectKind,
)
from evaluation.scale import EngagementLevel, Ladder, level_choices
from forums.meetings.models import Meeting
from forums.models import Body, ParticipationGroup
from initiatives.models import Initiative

# Young people's words for the levels: short and plain (the dial's ideas, IMPOWER).
YOUNG_PEOPLE_WORDS = {
    EngagementLevel.COERCION: "We were told what would happen",
    EngagementLevel.EDUCATING: "We were told why it was right, after it was decided",
    EngagementLevel.INFORMING: "We were kept up to date",
    EngagementLevel.CONSULTATION: "We were asked what we think",
    EngagementLevel.ENGAGEMENT: "What we said changed things",
    EngagementLevel.CO_DESIGN: "We planned it together",
    EngagementLevel.CO_PRODUCTION: "We did it together, from start to finish",
}


def level_field(*, label: str, ladder: str, lowest: int = EngagementLevel.COERCION, **kwargs):
    """Radios of the levels on `ladder`, from `lowest`, cleaned to the dial's number."""
    return forms.TypedChoiceField(
        label=label,
        choices=level_choices(ladder=ladder, lowest=lowest),
        coerce=int,
        widget=forms.RadioSelect,
        **kwargs,
    )


def aim_field(ladder: str, label: str = "Level aimed for"):
    return level_field(
        label=label,
        ladder=ladder,
        lowest=LOWEST_AIM,
        help_text="Not every task needs full co-production: choose what this work needs.",
        error_messages={
            "required": "Choose the level aimed for",
            "invalid_choice": "Aim for informing or above: a level below it is not engagement "
            "at all",
        },
    )


class SettingsForm(GovUKFormMixin, forms.Form):
    ladder = forms.ChoiceField(
        label="Which words should the area use for the levels?",
        choices=Ladder.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the words for the levels"},
    )


class SubjectForm(GovUKFormMixin, forms.Form):
    submit_label = "Add subject"

    dial = forms.ChoiceField(
        label="Which dial",
        choices=Dial.choices,
        widget=forms.RadioSelect,
        help_text="The strategic dial is for a directorate, service, team, partnership or "
        "board. The individual dial is for a team's direct work with families.",
        error_messages={"required": "Choose which dial"},
    )
    kind = forms.ChoiceField(
        label="What is it",
        choices=SubjectKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of subject this is"},
    )
    body = forms.ModelChoiceField(
        label="Board or work stream in the portal (optional)",
        queryset=Body.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose a board or work stream from the list"},
    )
    name = forms.CharField(
        label="Name",
        max_length=200,
        required=False,
        help_text="For example, SEND Assessment Team. Leave empty to use the board's name.",
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = selectors.declarable_bodies(area=area)

    def clean(self):
        data = super().clean()
        if not (data.get("name") or "").strip() and not data.get("body"):
            self.add_error("name", "Enter the name, or choose a board or work stream")
        return data


class AssessmentForm(GovUKFormMixin, forms.Form):
    """Place a subject on its dial. The reflective questions are the subject's dial's own."""

    submit_label = "Save assessment"

    def __init__(self, *args, area, subject, ladder, **kwargs):
        super().__init__(*args, **kwargs)
        self.subject = subject
        self.fields["level"] = level_field(
            label="Where does it sit today?",
            ladder=ladder,
            error_messages={
                "required": "Choose the level today",
                "invalid_choice": "Choose one of the levels",
            },
        )
        self.fields["aimed_level"] = aim_field(ladder)
        self.fields["aim_reason"] = forms.CharField(
            label="Why this aim",
            widget=forms.Textarea(attrs={"rows": 3}),
            error_messages={"required": "Say why this is the level to aim for"},
        )
        self.fields["evidence"] = forms.CharField(
            label="Evidence",
            help_text="What shows it sits at this level: minutes, feedback, examples of "
            "decisions families changed.",
            widget=forms.Textarea(attrs={"rows": 5}),
            error_messages={"required": "Enter the evidence for this level"},
        )
        for key, question in REFLECTIVE_QUESTIONS[subject.dial]:
            self.fields[f"answer_{key}"] = forms.CharField(
                label=f"{question} (optional)",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        labels = dict(Role.choices)
        self.fields["participants"] = forms.ModelMultipleChoiceField(
            label="Who took part",
            help_text="It counts as co-produced only with at least one parent carer or young "
            "person.",
            queryset=selectors.area_people(area=area),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Choose people of this area"},
        )

        def person_label(person) -> str:
            roles = ", ".join(labels.get(r, r) for r in person.area_roles_list or [])
            return f"{person.display_name} ({roles})"

        self.fields["participants"].label_from_instance = person_label
        self.fields["others_count"] = forms.IntegerField(
            label="How many others took part (people not in the portal)",
            min_value=0,
            max_value=500,
            initial=0,
            required=False,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
            error_messages={
                "invalid": "Enter the number of others as a whole number, like 3",
                "min_value": "The number of others must be 0 or more",
                "max_value": "The number of others must be 500 or fewer",
            },
        )
        self.fields["assessed_on"] = GovUKDateField(
            label="Date of the assessment",
            name="the date of the assessment",
            when="past",
            validators=[not_before_reforms("the date of the assessment")],
        )

    def clean_assessed_on(self):
        day = self.cleaned_data.get("assessed_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date of the assessment must be today or in the past")
        return day

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "level": data["level"],
            "aimed_level": data["aimed_level"],
            "aim_reason": data["aim_reason"],
            "evidence": data["evidence"],
            "answers": {
                key: data.get(f"answer_{key}", "")
                for key, _ in REFLECTIVE_QUESTIONS[self.subject.dial]
            },
            "participants": list(data["participants"]),
            "others_count": data.get("others_count") or 0,
            "assessed_on": data["assessed_on"],
        }


class DeclarationForm(GovUKFormMixin, forms.Form):
    submit_label = "Declare levels"

    initiative = forms.ModelChoiceField(
        label="An initiative",
        queryset=Initiative.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose an initiative from the list"},
    )
    meeting = forms.ModelChoiceField(
        label="Or a meeting",
        queryset=Meeting.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose a meeting from the list"},
    )
    body = forms.ModelChoiceField(
        label="Or the work of a board or work stream",
        queryset=Body.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose a board or work stream from the list"},
    )

    def __init__(self, *args, area, ladder, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = selectors.declarable_initiatives(area=area)
        self.fields["initiative"].label_from_instance = lambda i: f"{i.code} {i.title}"
        self.fields["meeting"].queryset = selectors.declarable_meetings(area=area)
        self.fields["body"].queryset = selectors.declarable_bodies(area=area)
        self.fields["aimed_level"] = aim_field(ladder)
        self.fields["reached_level"] = level_field(
            label="Level reached",
            ladder=ladder,
            error_messages={"required": "Choose the level reached"},
        )

    def clean(self):
        data = super().clean()
        chosen = [name for name in ("initiative", "meeting", "body") if data.get(name)]
        if not chosen and not any(
            name in self.errors for name in ("initiative", "meeting", "body")
        ):
            self.add_error("initiative", "Choose one activity: an initiative, a meeting or a board")
        elif len(chosen) > 1:
            self.add_error(chosen[1], "Choose only one activity")
        return data


class DeclarationChangeForm(GovUKFormMixin, forms.Form):
    submit_label = "Save levels"

    def __init__(self, *args, ladder, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aimed_level"] = aim_field(ladder)
        self.fields["reached_level"] = level_field(
            label="Level reached",
            ladder=ladder,
            error_messages={"required": "Choose the level reached"},
        )


class ExperiencedForm(GovUKFormMixin, forms.Form):
    """One short question: which level did it feel like. Young people get plain words."""

    submit_label = "Send answer"

    def __init__(self, *args, ladder, young_person: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if young_person:
            choices = [
                (value, YOUNG_PEOPLE_WORDS[value]) for value, _ in level_choices(ladder=ladder)
            ]
            label = "How much say did you have?"
        else:
            choices = level_choices(ladder=ladder)
            label = "Which level did it feel like to you?"
        self.fields["level"] = forms.TypedChoiceField(
            label=label,
            choices=choices,
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={
                "required": "Choose one answer",
                "invalid_choice": "Choose one of the answers",
            },
        )


class CharacteristicsForm(GovUKFormMixin, forms.Form):
    submit_label = "Save check"

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = forms.ModelChoiceField(
            label="Board or work stream (optional)",
            help_text="Leave empty to check the whole area.",
            queryset=selectors.declarable_bodies(area=area),
            required=False,
            error_messages={"invalid_choice": "Choose a board or work stream from the list"},
        )
        self.fields["checked_on"] = GovUKDateField(
            label="Date of the check",
            name="the date of the check",
            when="past",
            validators=[not_before_reforms("the date of the check")],
        )
        for value, label in Characteristic.choices:
            self.fields[f"{value}_status"] = forms.ChoiceField(
                label=label,
                choices=CharacteristicStatus.choices,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
                error_messages={"required": f"Choose present, partly or not yet for “{label}”"},
            )
            self.fields[f"{value}_evidence"] = forms.CharField(
                label=f"Evidence for “{label}”",
                help_text="Needed for present and partly.",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean_checked_on(self):
        day = self.cleaned_data.get("checked_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date of the check must be today or in the past")
        return day

    def clean(self):
        data = super().clean()
        for value, label in Characteristic.choices:
            status = data.get(f"{value}_status")
            evidence = (data.get(f"{value}_evidence") or "").strip()
            if status and status != CharacteristicStatus.NOT_YET and not evidence:
                self.add_error(f"{value}_evidence", f"Enter the evidence for “{label}”")
        return data

    def ratings(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {
            value: (data.get(f"{value}_status", ""), data.get(f"{value}_evidence", ""))
            for value in Characteristic.values
        }


class StakeholderForm(GovUKFormMixin, forms.Form):
    submit_label = "Save stakeholder"

    organisation = forms.ModelChoiceField(
        label="An organisation in the portal",
        queryset=Organisation.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose an organisation from the list"},
    )
    group = forms.ModelChoiceField(
        label="Or a participation group in the portal",
        queryset=ParticipationGroup.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose a group from the list"},
    )
    name = forms.CharField(
        label="Or its name, if it is not in the portal",
        max_length=200,
        required=False,
    )
    kind = forms.ChoiceField(
        label="What is it",
        choices=StakeholderKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose service, group or organisation"},
    )
    brings = forms.MultipleChoiceField(
        label="What it brings",
        help_text="Select all that apply.",
        choices=Asset.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    notes = forms.CharField(
        label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(area=area).order_by(
            "name"
        )
        self.fields["group"].queryset = ParticipationGroup.objects.filter(area=area).order_by(
            "name"
        )

    def clean(self):
        data = super().clean()
        chosen = [name for name in ("organisation", "group") if data.get(name)]
        if (data.get("name") or "").strip():
            chosen.append("name")
        if not chosen and not any(n in self.errors for n in ("organisation", "group")):
            self.add_error("organisation", "Choose an organisation or a group, or type a name")
        elif len(chosen) > 1:
            self.add_error(chosen[1], "Choose only one: an organisation, a group or a name")
        return data


class MissingStakeholderForm(GovUKFormMixin, forms.Form):
    submit_label = "Add to the list"

    name = forms.CharField(
        label="Who is missing",
        max_length=200,
        error_messages={"required": "Enter who is missing"},
    )
    why_it_matters = forms.CharField(
        label="Why they matter",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why they matter"},
    )
