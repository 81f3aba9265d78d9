"""Forms of the forums app (GOV.UK pattern through crispy-forms' gds pack).

Forms parse and check the shape of input; the rules (same area, no overlaps, no cycles) are
in services.py, whose errors the views show on these forms.
"""

from decimal import Decimal

from crispy_forms_gds.layout import Fieldset, Layout, Size, Submit
from django import forms
from django.utils import timezone

from coproduction.consultation.models import RequestKind
from coproduction.forms.dates import GovUKDateField
from coproduction.people.forms import GovUKFormMixin
from coproduction.people.models import LocalArea, Sector
from forums import selectors
from forums.models import (
    EQUALITY_QUESTIONS,
    SERVICE_SECTORS,
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    Body,
    BodyKind,
    BodyLevel,
    BodyMembership,
    BodyRole,
    BodyStatus,
    FundingPeriod,
    GroupKind,
    GroupRole,
    ParticipationGroup,
    PartnershipAgreement,
    PaymentKind,
    RagStatus,
    RateUnit,
)
from forums.services import population_field_name


def date_field(label: str, *, required: bool = True, hint: str = "", name: str = "date"):
    """The portal's GOV.UK date input; messages call it "the <name>"."""
    return GovUKDateField(
        label=label,
        name=f"the {name}",
        required=required,
        help_text=hint or "For example, 2 9 2026",
    )


def required(message: str) -> dict:
    return {"required": message}


class AreaChoiceMixin:
    """Forms whose choices are rows of one area: the view passes `area`."""

    def __init__(self, *args, area: LocalArea, **kwargs):
        self.area = area
        super().__init__(*args, **kwargs)


# Participation groups ---------------------------------------------------------------------


class GroupForm(AreaChoiceMixin, GovUKFormMixin, forms.ModelForm):
    submit_label = "Save group"

    class Meta:
        model = ParticipationGroup
        fields = [
            "name",
            "kind",
            "organisation",
            "description",
            "how_to_contact",
            "how_to_join",
            "networks_reached",
        ]
        labels = {
            "name": "Name of the group",
            "kind": "What kind of group is it?",
            "organisation": "Organisation (optional)",
            "description": "What the group is and who it is for",
            "how_to_contact": "How to contact the group",
            "how_to_join": "How to join (optional)",
            "networks_reached": "Networks it reaches (optional)",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "how_to_contact": forms.Textarea(attrs={"rows": 2}),
            "how_to_join": forms.Textarea(attrs={"rows": 3}),
            "networks_reached": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": required("Enter the name of the group"),
            "kind": required("Choose what kind of group it is"),
            "description": required("Describe the group and who it is for"),
            "how_to_contact": required("Enter how families can contact the group"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = GroupKind.choices
        self.fields["organisation"].queryset = selectors.area_organisations(area=self.area)
        self.fields["organisation"].empty_label = "None"


class GroupMemberForm(AreaChoiceMixin, GovUKFormMixin, forms.Form):
    submit_label = "Add to the group"

    person = forms.ModelChoiceField(
        label="Person",
        queryset=None,
        help_text="People must belong to the local area first.",
        error_messages=required("Choose the person to add"),
    )
    role = forms.ChoiceField(
        label="Their role in the group",
        choices=GroupRole.choices,
        widget=forms.RadioSelect,
        initial=GroupRole.MEMBER,
        error_messages=required("Choose their role in the group"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = selectors.area_people(area=self.area)


class GroupRoleForm(GovUKFormMixin, forms.Form):
    submit_label = "Save role"

    role = forms.ChoiceField(
        label="Their role in the group",
        choices=GroupRole.choices,
        widget=forms.RadioSelect,
        error_messages=required("Choose their role in the group"),
    )


# Equality monitoring ----------------------------------------------------------------------


class EqualityRecordForm(GovUKFormMixin, forms.Form):
    submit_label = "Save my answers"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, question, choices in EQUALITY_QUESTIONS:
            self.fields[name] = forms.ChoiceField(
                label=f"{question} (optional)",
                choices=choices.choices,
                widget=forms.RadioSelect,
                required=False,
            )
        self.fields["consent"] = forms.BooleanField(
            label=(
                "I agree that the portal keeps these answers and counts them, without my name, "
                "in figures about the groups I belong to"
            ),
            error_messages=required("Tick the box to agree, or leave this page to share nothing"),
        )


class PopulationFiguresForm(GovUKFormMixin, forms.Form):
    """One optional percentage per equality category."""

    submit_label = "Save figures"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = []
        for question, label, choices in EQUALITY_QUESTIONS:
            names = []
            for value, choice_label in choices.choices:
                if value == "prefer_not":
                    continue
                name = population_field_name(question, value)
                self.fields[name] = forms.DecimalField(
                    label=f"{choice_label} (%)",
                    required=False,
                    min_value=Decimal(0),
                    max_value=Decimal(100),
                    decimal_places=1,
                    max_digits=4,
                    error_messages={
                        "invalid": "Enter a percentage, like 12.5",
                        "min_value": "Enter a percentage from 0 to 100",
                        "max_value": "Enter a percentage from 0 to 100",
                        "max_decimal_places": "Enter a percentage with at most 1 decimal place",
                        "max_digits": "Enter a percentage from 0 to 100",
                    },
                    widget=forms.TextInput(
                        attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}
                    ),
                )
                names.append(name)
            self.questions.append((label, names))
        self.helper.layout = Layout(
            *[
                Fieldset(*names, legend=label, legend_size=Size.MEDIUM, legend_tag="h2")
                for label, names in self.questions
            ],
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []

    def figures(self) -> dict[tuple[str, str], Decimal | None]:
        return {tuple(name.split("__", 1)): value for name, value in self.cleaned_data.items()}


# Bodies -----------------------------------------------------------------------------------


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


# Consultation load ------------------------------------------------------------------------


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


# Partnership agreements -------------------------------------------------------------------


class AgreementForm(AreaChoiceMixin, GovUKFormMixin, forms.ModelForm):
    submit_label = "Save agreement"

    starts_on = date_field("Start date", name="start date", hint="For example, 1 4 2026")
    review_on = date_field(
        "Annual review date", name="annual review date", hint="For example, 1 4 2027"
    )
    parties = forms.ModelMultipleChoiceField(
        label="Parties",
        help_text="The organisations that agree it, including the parent carer forum.",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages=required("Choose the organisations that are party to it"),
    )
    signatories = forms.ModelMultipleChoiceField(
        label="Signatories (optional until it is signed)",
        help_text="They get the review reminders. Hold Ctrl (or Cmd) to choose several.",
        queryset=None,
        required=False,
    )

    class Meta:
        model = PartnershipAgreement
        fields = [
            "title",
            "parties",
            "signatories",
            "starts_on",
            "review_on",
            "reviewing_body",
            "core_funding_amount",
            "core_funding_period",
        ]
        labels = {
            "title": "Title",
            "reviewing_body": "Board that reviews it each term (optional)",
            "core_funding_amount": "Core funding for the forum, in pounds (optional)",
            "core_funding_period": "Core funding is for",
        }
        widgets = {
            "core_funding_amount": forms.TextInput(
                attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}
            ),
            "core_funding_period": forms.RadioSelect,
        }
        error_messages = {
            "title": required("Enter the title of the agreement"),
            "core_funding_amount": {
                "invalid": "Enter the amount in pounds, like 25000",
                "min_value": "Enter an amount of £0 or more",
                "max_digits": "Enter an amount under £100,000,000",
                "max_decimal_places": "Enter the amount in pounds and pence, like 25000.50",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = selectors.area_organisations(area=self.area)
        self.fields["signatories"].queryset = selectors.area_people(area=self.area)
        self.fields["reviewing_body"].queryset = selectors.area_bodies(area=self.area)
        self.fields["reviewing_body"].empty_label = "None"
        self.fields["core_funding_period"].choices = [("", "Not set"), *FundingPeriod.choices]
        self.fields["core_funding_period"].required = False

    def clean(self):
        cleaned = super().clean()
        starts, review = cleaned.get("starts_on"), cleaned.get("review_on")
        if starts and review and review <= starts:
            self.add_error("review_on", "The review date must be after the start date")
        if cleaned.get("core_funding_amount") is not None and not cleaned.get(
            "core_funding_period"
        ):
            self.add_error("core_funding_period", "Choose what period the core funding is for")
        return cleaned


class PaymentForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save"

    class Meta:
        model = AgreementPayment
        fields = ["kind", "description", "rate", "unit"]
        labels = {
            "kind": "What is paid or reimbursed?",
            "description": "Description",
            "rate": "Rate, in pounds (optional when paid at cost)",
            "unit": "How it is paid",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "unit": forms.RadioSelect,
            "rate": forms.TextInput(
                attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}
            ),
        }
        error_messages = {
            "kind": required("Choose what is paid or reimbursed"),
            "description": required("Enter a description, like Mileage to meetings"),
            "unit": required("Choose how it is paid"),
            "rate": {
                "invalid": "Enter the rate in pounds, like 0.45",
                "min_value": "Enter a rate of £0 or more",
                "max_digits": "Enter a rate under £1,000,000",
                "max_decimal_places": "Enter the rate in pounds and pence, like 15.50",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = PaymentKind.choices
        self.fields["unit"].choices = RateUnit.choices

    def clean(self):
        cleaned = super().clean()
        unit = cleaned.get("unit")
        rate_missing = cleaned.get("rate") is None and not self.has_error("rate")
        if unit and unit != RateUnit.AT_COST and rate_missing:
            self.add_error("rate", "Enter the rate, or choose at cost")
        return cleaned


class ScheduleItemForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save"

    planned_on = date_field("Date, or the day it starts", name="date")

    class Meta:
        model = AgreementScheduleItem
        fields = ["kind", "title", "planned_on", "notes"]
        labels = {"kind": "Meeting or project?", "title": "Title", "notes": "Notes (optional)"}
        widgets = {"kind": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "kind": required("Choose whether it is a meeting or a project"),
            "title": required("Enter the title"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = AgreementScheduleItem.Kind.choices


class OutcomeForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save"

    class Meta:
        model = AgreementOutcome
        fields = ["outcome", "status", "evidence"]
        labels = {"outcome": "Outcome agreed for the year", "evidence": "Evidence (optional)"}
        widgets = {"status": forms.RadioSelect, "evidence": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "outcome": required("Enter the outcome"),
            "status": required("Choose how it is going"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = RagStatus.choices


class OutcomeProgressForm(GovUKFormMixin, forms.Form):
    submit_label = "Save progress"

    status = forms.ChoiceField(
        label="How is it going?",
        choices=RagStatus.choices,
        widget=forms.RadioSelect,
        error_messages=required("Choose how it is going"),
    )
    evidence = forms.CharField(
        label="Evidence (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class SignForm(GovUKFormMixin, forms.Form):
    submit_label = "Record as signed"

    signed_on = date_field("Date it was signed", name="date it was signed")
