"""Forms of the training register. Dates are the GOV.UK date input; times are typed as 14:30."""

from __future__ import annotations

from dataclasses import fields

from django import forms

from coproduction.forms.dates import GovUKDateField
from coproduction.forms.times import TimeOfDayField
from coproduction.people.forms import GovUKFormMixin
from coproduction.people.models import Organisation
from coproduction.training.models import CourseAudience
from coproduction.training.services import CourseDetails


class CourseForm(GovUKFormMixin, forms.Form):
    """Add a course to the register, or change one."""

    submit_label = "Add course"

    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, Co-production in practice: working with families.",
        error_messages={"required": "Enter the title of the course"},
    )
    description = forms.CharField(
        label="What the course covers",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Describe what the course covers"},
    )
    audience = forms.ChoiceField(
        label="Who is it for?",
        choices=CourseAudience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the course is for"},
    )
    delivered_by_organisation = forms.ModelChoiceField(
        label="Organisation delivering it (optional)",
        queryset=Organisation.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose an organisation from the list"},
    )
    trainers = forms.CharField(
        label="People delivering it (optional)",
        max_length=300,
        required=False,
        help_text="For example, Sam Okafor (parent carer) and Helen Ward.",
    )
    co_delivered = forms.BooleanField(
        label="Parent carers or young people help deliver this course",
        required=False,
    )
    starts_on = GovUKDateField(
        label="Date", name="the date", help_text="The first session, for example 14 1 2027"
    )
    start_time = TimeOfDayField(label="Start time", name="start time")
    end_time = TimeOfDayField(label="End time", name="end time")
    sessions = forms.CharField(
        label="More sessions (optional)",
        max_length=300,
        required=False,
        help_text="For example, also 21 and 28 January, same times.",
    )
    online = forms.BooleanField(label="The course is online", required=False)
    place = forms.CharField(
        label="Where (for courses in person)",
        max_length=300,
        required=False,
        help_text="The address, for example Northfield Library, 77 Church Road, B31 2LB.",
    )
    capacity = forms.IntegerField(
        label="Number of places",
        min_value=1,
        max_value=999,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter the number of places",
            "invalid": "Enter the number of places as a whole number, like 12",
            "min_value": "Enter 1 place or more",
            "max_value": "Enter 999 places or fewer",
        },
    )

    def __init__(self, *args, area, edit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delivered_by_organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            area=area
        ).order_by("name")
        if edit:
            self.helper.inputs[0].value = "Save changes"

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end time must be after the start time")
        if not data.get("online") and "place" in data and not data["place"].strip():
            self.add_error("place", "Enter where the course is held, or say it is online")
        return data

    @staticmethod
    def initial_from(course) -> dict:
        return {field.name: getattr(course, field.name) for field in fields(CourseDetails)}

    def details(self) -> CourseDetails:
        return CourseDetails(
            **{field.name: self.cleaned_data[field.name] for field in fields(CourseDetails)}
        )


class AttendanceForm(GovUKFormMixin, forms.Form):
    """Tick the people who came; everyone else with a place is recorded as not attending."""

    submit_label = "Save attendance"

    attended = forms.TypedMultipleChoiceField(
        label="Who came?",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select everyone who came. People not selected are recorded as not attending.",
        error_messages={"invalid_choice": "Choose people from the list"},
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (sign_up.person_id, sign_up.person.display_name) for sign_up in places
        ]
