"""Meeting forms. Every date is the GOV.UK date input; times are typed as 14:30."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from coproduction.forms.dates import GovUKDateField
from coproduction.forms.times import TimeOfDayField
from coproduction.people.forms import GovUKFormMixin
from coproduction.people.models import Person
from forums.meetings.models import (
    AgendaItem,
    AttendanceStatus,
    ItemPurpose,
    MeetingMode,
    MeetingSettings,
    RsvpAnswer,
    Venue,
    VenueFeature,
)


class MeetingForm(GovUKFormMixin, forms.Form):
    """Schedule or move a meeting. Warnings needing a reason are added by the view."""

    submit_label = "Schedule meeting"

    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter a title"}
    )
    day = GovUKDateField(label="Date", name="the date", help_text="For example, 16 9 2026")
    start = TimeOfDayField(label="Start time", name="start time")
    end = TimeOfDayField(label="End time", name="end time")
    mode = forms.ChoiceField(
        label="How people take part",
        choices=MeetingMode.choices,
        widget=forms.RadioSelect,
        initial=MeetingMode.IN_PERSON,
        error_messages={"required": "Choose how people take part"},
    )
    venue = forms.ModelChoiceField(
        label="Venue (for meetings in person)",
        queryset=Venue.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose a venue from the list"},
    )
    join_link = forms.URLField(
        assume_scheme="https",
        label="Online joining link (for meetings online)",
        required=False,
        help_text="Only the people invited see it.",
        error_messages={"invalid": "Enter the link in the right format, like https://…"},
    )
    guests = forms.CharField(
        label="Guests (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="People who are not members. One a line: name, email address.",
    )

    def __init__(self, *args, area, edit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = Venue.objects.filter(  # type: ignore[attr-defined]
            area=area
        ).order_by("name")
        self.warnings: list = []
        if edit:
            del self.fields["guests"]
            self.helper.inputs[0].value = "Save changes"

    def clean_guests(self) -> list[tuple[str, str]]:
        guests = []
        for number, line in enumerate(self.cleaned_data.get("guests", "").splitlines(), 1):
            if not line.strip():
                continue
            name, _, email = line.rpartition(",")
            email = email.strip()
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError(
                    f"Line {number}: enter the guest's name, a comma, then an email address "
                    "like name@example.org"
                ) from None
            guests.append((name.strip() or email, email))
        return guests

    def clean(self):
        data = super().clean()
        if data.get("day") and data.get("start") and data.get("end"):
            data["starts_at"] = timezone.make_aware(datetime.combine(data["day"], data["start"]))
            data["ends_at"] = timezone.make_aware(datetime.combine(data["day"], data["end"]))
        return data

    def add_warnings(self, warnings, reasons_sent: dict[str, str]) -> None:
        """Show each warning with a box for the reason to go ahead anyway."""
        self.warnings = warnings
        for warning in warnings:
            name = f"reason_{warning.code}"
            self.fields[name] = forms.CharField(
                label=warning.message,
                help_text="To go ahead anyway, say why. The chair sees your reason.",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
            if not reasons_sent.get(warning.code):
                self.add_error(
                    name, "Give a reason to go ahead despite this warning, or change the meeting"
                )

    def reasons(self) -> dict[str, str]:
        return {
            key.removeprefix("reason_"): value.strip()
            for key, value in self.data.items()
            if key.startswith("reason_") and value.strip()
        }


class AgendaItemForm(GovUKFormMixin, forms.Form):
    submit_label = "Add item"

    title = forms.CharField(
        label="Item", max_length=200, error_messages={"required": "Enter the item"}
    )
    purpose = forms.ChoiceField(
        label="What the meeting does with it",
        choices=ItemPurpose.choices,
        widget=forms.RadioSelect,
        initial=ItemPurpose.DISCUSSION,
    )
    presenter = forms.CharField(label="Presenter (optional)", max_length=150, required=False)
    minutes_allowed = forms.IntegerField(
        label="Time allowed in minutes (optional)",
        required=False,
        min_value=1,
        max_value=600,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={"invalid": "Enter the time allowed as a number of minutes, like 20"},
    )


class PaperForm(GovUKFormMixin, forms.Form):
    """A new paper (or, with `replace`, a new version of one)."""

    submit_label = "Upload paper"

    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the paper's title"}
    )
    summary = forms.CharField(
        label="Summary in plain English",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the paper says and what the meeting is asked to do, in a few lines. "
        "Avoid jargon and abbreviations.",
        error_messages={"required": "Enter a summary in plain English"},
    )
    file = forms.FileField(
        label="File",
        help_text="A PDF, Word (DOCX), OpenDocument text (ODT), Excel (XLSX) or image file.",
        error_messages={
            "required": "Select the file of the paper",
            "empty": "The selected file is empty. Choose a file with the paper in it.",
        },
    )

    def __init__(self, *args, replace: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if replace:
            del self.fields["title"]
            self.fields["summary"].required = False
            self.fields["summary"].label = "New summary (optional: leave empty to keep it)"
            self.helper.inputs[0].value = "Upload new version"


class RsvpForm(GovUKFormMixin, forms.Form):
    submit_label = "Send reply"

    answer = forms.ChoiceField(
        label="Are you coming?",
        choices=RsvpAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you are coming"},
    )
    needed_features = forms.MultipleChoiceField(
        label="What you need at the venue (optional)",
        choices=VenueFeature.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    access_needs = forms.CharField(
        label="Anything else you need to take part (optional)",
        help_text="For example papers in large print, breaks or an interpreter. Only you and "
        "the organisers see this.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class PreferencesForm(GovUKFormMixin, forms.Form):
    submit_label = "Save"

    needed_features = forms.MultipleChoiceField(
        label="What you need at a venue",
        help_text="We check venues against this when meetings are planned. Only you and the "
        "organisers of your meetings see it.",
        choices=VenueFeature.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reminders = forms.BooleanField(
        label="Email me a reminder the day before each meeting", required=False
    )


class VenueForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save venue"

    class Meta:
        model = Venue
        fields = ["name", "address", "travel_notes", "features", "capacity"]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "travel_notes": forms.Textarea(attrs={"rows": 3}),
            "features": forms.CheckboxSelectMultiple(choices=VenueFeature.choices),
            "capacity": forms.TextInput(
                attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}
            ),
        }
        error_messages = {
            "name": {"required": "Enter the venue's name"},
            "address": {"required": "Enter the address"},
            "capacity": {"invalid": "Enter the capacity as a number, like 30"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["features"] = forms.MultipleChoiceField(
            label="Access",
            choices=VenueFeature.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            initial=self.instance.features,
        )


class MeetingSettingsForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save settings"

    class Meta:
        model = MeetingSettings
        fields = ["venue_repeat_limit", "paper_size_limit_mb", "coproduction_standing_item"]
        widgets = {
            "venue_repeat_limit": forms.TextInput(
                attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}
            ),
            "paper_size_limit_mb": forms.TextInput(
                attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}
            ),
        }


class RecordForm(GovUKFormMixin, forms.Form):
    """After the meeting: attendance of each invitee, the outcome of each item, the minutes."""

    submit_label = "Save the record"

    minutes = forms.CharField(
        label="Minutes (draft until approved at the next meeting)",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )

    def __init__(self, *args, people, agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.people, self.agenda = people, agenda
        for person in people:
            self.fields[f"attendance_{person.pk}"] = forms.ChoiceField(
                label=person.display_name,
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
                error_messages={"required": f"Say whether {person.display_name} came"},
            )
        for item in agenda:
            self.fields[f"outcome_{item.pk}"] = forms.CharField(
                label=f"Decision or outcome: {item.title}",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def attendance(self) -> dict[int, str]:
        return {p.pk: self.cleaned_data[f"attendance_{p.pk}"] for p in self.people}

    def outcomes(self) -> dict[int, str]:
        return {i.pk: self.cleaned_data[f"outcome_{i.pk}"] for i in self.agenda}


class ActionForm(GovUKFormMixin, forms.Form):
    submit_label = "Add action"

    description = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter the action"},
    )
    owner = forms.ModelChoiceField(
        label="Who does it",
        queryset=Person.objects.none(),
        error_messages={"required": "Choose who does it"},
    )
    due_on = GovUKDateField(label="Due date (optional)", name="the due date", required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people


class DeclarationForm(GovUKFormMixin, forms.Form):
    submit_label = "Record interest"

    agenda_item = forms.ModelChoiceField(
        label="Agenda item",
        queryset=AgendaItem.objects.none(),
        error_messages={"required": "Choose the item"},
    )
    person = forms.ModelChoiceField(
        label="Who declares it",
        queryset=Person.objects.none(),
        error_messages={"required": "Choose who"},
    )
    interest = forms.CharField(
        label="The interest",
        help_text="For example: my child uses the service being commissioned.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Describe the interest"},
    )

    def __init__(self, *args, people, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["agenda_item"].queryset = items
