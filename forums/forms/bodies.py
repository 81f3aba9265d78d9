"""Forms for boards and work streams, their memberships and requests to join them."""

from django import forms
from django.utils import timezone

from coproduction.people.forms import GovUKFormMixin
from coproduction.people.models import Sector
from forums import selectors
from forums.forms.common import AreaChoiceMixin, date_field, required
from forums.models import (
    SERVICE_SECTORS,
    Body,
    BodyKind,
    BodyLevel,
    BodyMembership,
    BodyRole,
    BodyStatus,
    ParticipationGroup,
)


class BodyForm(AreaChoiceMixin, GovUKFormMixin, forms.ModelForm):
    submit_label = "Save"

    class Meta:
        model = Body
        fields = [
            "name",
            "kind",
            "level",
            "parent",
            "purpose",
            "status",
            "terms_of_reference",
            "sectors",
            "needs_young_people",
            "open_to_requests",
            "hours_per_term",
        ]
        labels = {
            "name": "Name",
            "kind": "Is it a board or a work stream?",
            "level": "Level",
            "parent": "Reports to (optional)",
            "purpose": "Purpose",
            "status": "Status",
            "terms_of_reference": "Terms of reference (optional)",
            "needs_young_people": "Young people should sit on it",
            "open_to_requests": "Parent carers and young people can ask to join",
            "hours_per_term": "Time asked of members, in hours a term (optional)",
        }
        help_texts = {
            "level": "Strategic bodies set direction; operational ones plan and make changes.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "level": forms.RadioSelect,
            "status": forms.RadioSelect,
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "terms_of_reference": forms.Textarea(attrs={"rows": 8}),
            "hours_per_term": forms.TextInput(
                attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}
            ),
        }
        error_messages = {
            "name": required("Enter the name of the board or work stream"),
            "kind": required("Choose whether it is a board or a work stream"),
            "level": required("Choose whether it is strategic or operational"),
            "purpose": required("Enter its purpose"),
            "status": required("Choose its status"),
            "hours_per_term": {
                "invalid": "Enter a number of hours, like 6",
                "min_value": "Enter 0 hours or more",
                "max_value": "Enter 999 hours or fewer",
            },
        }

    sectors = forms.MultipleChoiceField(
        label="Services that should be represented on it (optional)",
        help_text="Select all that apply. Parent carers are always checked for.",
        choices=[(sector.value, sector.label) for sector in SERVICE_SECTORS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = BodyKind.choices
        self.fields["level"].choices = BodyLevel.choices
        self.fields["status"].choices = BodyStatus.choices
        parents = selectors.area_bodies(area=self.area)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = "Nothing: it is at the top"


class BodyMembershipForm(AreaChoiceMixin, GovUKFormMixin, forms.ModelForm):
    """Add someone to a body, or change a membership (the person is then fixed)."""

    submit_label = "Save"

    started_on = date_field("Start date", name="start date")
    ended_on = date_field(
        "End date (optional)",
        required=False,
        hint="Leave empty while they are a member. For example, 31 7 2027",
        name="end date",
    )

    class Meta:
        model = BodyMembership
        fields = [
            "person",
            "role",
            "represents_sector",
            "represents_organisation",
            "represents_group",
            "started_on",
            "ended_on",
        ]
        labels = {
            "person": "Person",
            "role": "Role",
            "represents_sector": "Sector they represent",
            "represents_organisation": "Organisation they represent (optional)",
            "represents_group": "Participation group they represent (optional)",
        }
        widgets = {"role": forms.RadioSelect}
        error_messages = {
            "person": required("Choose the person"),
            "role": required("Choose their role"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = selectors.area_people(area=self.area)
        if self.instance.pk:
            self.fields["person"].disabled = True
        self.fields["role"].choices = BodyRole.choices
        self.fields["represents_sector"].choices = [("", "Not stated"), *Sector.choices]
        self.fields[
            "represents_sector"
        ].help_text = "Left as not stated, it is taken from the organisation."
        self.fields["represents_organisation"].queryset = selectors.area_organisations(
            area=self.area
        )
        self.fields["represents_organisation"].empty_label = "None"
        self.fields["represents_group"].queryset = ParticipationGroup.objects.filter(
            area=self.area
        ).order_by("name")
        self.fields["represents_group"].empty_label = "None"
        if not self.instance.pk:
            self.initial.setdefault("started_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("started_on"), cleaned.get("ended_on")
        if starts and ends and ends < starts:
            self.add_error("ended_on", "The end date must be on or after the start date")
        return cleaned


class EndMembershipForm(GovUKFormMixin, forms.Form):
    submit_label = "End membership"

    ended_on = date_field("Last day as a member", name="last day")


class JoinRequestForm(GovUKFormMixin, forms.Form):
    submit_label = "Ask to join"

    note = forms.CharField(
        label="Tell the chair why you would like to join",
        help_text="A few lines are enough: what you would bring, or what matters to you.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Tell the chair why you would like to join",
            "max_length": "Keep it to 1,000 characters or fewer",
        },
    )


class DeclineForm(GovUKFormMixin, forms.Form):
    submit_label = "Decline the request"

    reason = forms.CharField(
        label="Why are you declining?",
        help_text="We email this to the person who asked. Be kind and clear.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=required("Enter the reason. The person who asked will see it"),
    )
