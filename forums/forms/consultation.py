"""The form that records a request made of a group or a person (consultation load)."""

from decimal import Decimal

from django import forms

from coproduction.consultation.models import RequestKind
from coproduction.people.forms import GovUKFormMixin
from forums import selectors
from forums.forms.common import AreaChoiceMixin, date_field, required
from forums.models import (
    ParticipationGroup,
)


class ConsultationRequestForm(AreaChoiceMixin, GovUKFormMixin, forms.Form):
    submit_label = "Record the request"

    group = forms.ModelChoiceField(
        label="Participation group asked (optional)", queryset=None, required=False
    )
    person = forms.ModelChoiceField(
        label="Parent carer or young person asked (optional)",
        help_text="Choose a group, a person, or both.",
        queryset=None,
        required=False,
    )
    kind = forms.ChoiceField(
        label="What was asked?",
        choices=RequestKind.choices,
        widget=forms.RadioSelect,
        error_messages=required("Choose what was asked"),
    )
    title = forms.CharField(
        label="Short description",
        help_text="For example, Short breaks survey.",
        max_length=200,
        error_messages={
            "required": "Enter a short description of the request",
            "max_length": "Keep the description to 200 characters or fewer",
        },
    )
    asked_on = date_field("Date asked", name="date asked")
    hours_asked = forms.DecimalField(
        label="Time asked, in hours",
        help_text="Include reading and travel. For example, 1.5",
        min_value=Decimal(0),
        max_value=Decimal(999),
        decimal_places=1,
        max_digits=5,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}),
        error_messages={
            "required": "Enter the time asked, in hours",
            "invalid": "Enter the time asked as a number of hours, like 1.5",
            "min_value": "Enter 0 hours or more",
            "max_value": "Enter 999 hours or fewer",
            "max_decimal_places": "Enter the hours with at most 1 decimal place",
            "max_digits": "Enter 999 hours or fewer",
        },
    )
    go_ahead = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = ParticipationGroup.objects.filter(area=self.area)
        self.fields["group"].empty_label = "None"
        self.fields["person"].queryset = selectors.area_family_people(area=self.area)
        self.fields["person"].empty_label = "None"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("group") and not cleaned.get("person") and not self.has_error("group"):
            self.add_error("group", "Choose the group or the person you asked")
        return cleaned
