"""Forms for partnership agreements and their parts."""

from django import forms

from coproduction.people.forms import GovUKFormMixin
from forums import selectors
from forums.forms.common import AreaChoiceMixin, date_field, required
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    FundingPeriod,
    PartnershipAgreement,
    PaymentKind,
    RagStatus,
    RateUnit,
)


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
