"""Expense forms: a claim (travel, care, time, reward, receipt), an officer's decision, the
day paid, the incentives portfolio, a person's preferred reward, settings and budgets.
Amounts are typed in pounds (like 12.50), distances in miles and time in hours."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.validators import DecimalValidator, MaxValueValidator

from coproduction.forms.dates import GovUKDateField
from coproduction.people.forms import GovUKFormMixin
from forums.expenses.models import AgreementBudget, ExpenseSettings, IncentiveOption
from forums.expenses.services.claims import ClaimDetails, receipt_check

NO_BANK_DETAILS = (
    "Do not write bank details anywhere on this form. The portal never asks for or keeps them: "
    "the finance team pays you in the way you have already agreed with them."
)


def number_field(label: str, *, what: str, example: str, help_text: str = "", money=False):
    """An optional number in a narrow box (pounds when `money`), 0 to 99,999 with at most 2
    decimal places. No `max_digits`: the largest value already bounds the digits, and a
    second validator would repeat "a smaller number" at the field for one fault."""
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("99999"),
        decimal_places=2,
        help_text=help_text,
        localize=False,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-5",
                "inputmode": "decimal",
                "spellcheck": "false",
                **({"data-prefix": "£"} if money else {}),
            }
        ),
        error_messages={
            "invalid": f"Enter {what} as a number, like {example}",
            "min_value": f"Enter {what} as 0 or more",
            "max_value": f"Enter {what} as a smaller number",
            "max_decimal_places": f"Enter {what} with no more than 2 decimal places",
        },
    )


def one_limit(field: forms.DecimalField, *, largest: Decimal | None = None) -> None:
    """Let a model's amount field say "too big" once: its largest value (`largest`, when the
    model has none) bounds the digits, so the digits check (which would add a second message
    in Django's words for the same fault) keeps only the decimal places."""
    if largest is not None:
        field.max_value = largest  # type: ignore[assignment]  # django-stubs say int; Django takes a Decimal
        field.validators.append(MaxValueValidator(largest))
    field.validators = [v for v in field.validators if not isinstance(v, DecimalValidator)]
    field.validators.append(DecimalValidator(None, field.decimal_places))


class RewardChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, option):
        return option.title


class ClaimForm(GovUKFormMixin, forms.Form):
    """A claim for one activity. `activities` are the claimant's claimable activities;
    `rewards` the incentives on offer to them, their preferred one first (and chosen)."""

    submit_label = "Send claim"

    activity = forms.ChoiceField(
        label="What are you claiming for?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the meeting or opportunity you are claiming for",
            "invalid_choice": "Choose one of the meetings or opportunities listed",
        },
    )
    miles = number_field(
        "Miles travelled by car",
        what="the miles",
        example="12.5",
        help_text="There and back, in miles. Paid at the agreement's mileage rate.",
    )
    fares = number_field(
        "Fares (£)",
        what="the fares",
        example="4.80",
        help_text="Bus, train or taxi fares, in pounds, there and back.",
        money=True,
    )
    care_hours = number_field(
        "Hours of childcare or replacement care",
        what="the hours of care",
        example="3",
        help_text="Paid at the agreement's hourly rate for care, if it has one.",
    )
    care_amount = number_field(
        "Or the cost of childcare or replacement care (£)",
        what="the cost of care",
        example="25.00",
        help_text="What you paid, in pounds, if the agreement pays care at cost.",
        money=True,
    )
    time_hours = number_field(
        "Hours of your time (project work)",
        what="the hours of your time",
        example="2.5",
        help_text="Paid at the agreement's hourly rate for project work.",
    )
    reward = RewardChoiceField(
        label="How do you want to be rewarded for your time?",
        queryset=IncentiveOption.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": "Choose one of the rewards listed"},
    )
    notes = forms.CharField(
        label="Anything the officer should know (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=NO_BANK_DETAILS,
    )
    receipt = forms.FileField(
        label="Receipt (optional)",
        required=False,
        help_text="A photo or image (JPG, PNG, GIF, WEBP, HEIC) or a PDF. You can add more "
        "receipts after you send the claim.",
        error_messages={
            "empty": "The selected file is empty. Choose a file with the receipt in it."
        },
    )

    def __init__(self, *args, area=None, activities=(), rewards=(), change=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.fields["activity"].choices = [
            (a.key, f"{a.title}, {a.date:%-d %B %Y}") for a in activities
        ]
        rewards = list(rewards)
        self.fields["reward"].queryset = IncentiveOption.objects.filter(
            pk__in=[r.pk for r in rewards]
        )
        # The preferred reward first: keep the order the selector gave.
        self.fields["reward"].choices = [(r.pk, r.title) for r in rewards]
        self.reward_options = {r.pk: r for r in rewards}
        if not rewards:
            del self.fields["reward"]
        if change:
            del self.fields["activity"]
            self.helper.inputs[0].value = "Send the changed claim"

    def clean(self):
        """A bad receipt is reported with every other fault, in one round. When the other
        fields are right the service checks the receipt together with what they claim (the
        rates, the cap); when they are not, the service is not asked, so the receipt is
        checked here and shown with the fields' errors."""
        cleaned = super().clean()
        upload = cleaned.get("receipt")
        if upload and self.area is not None and self.errors:
            try:
                receipt_check(area=self.area, upload=upload)
            except forms.ValidationError as error:
                self.add_error("receipt", error.message_dict["receipt"])
        return cleaned

    def details(self) -> ClaimDetails:
        data = self.cleaned_data
        return ClaimDetails(
            miles=data.get("miles"),
            fares=data.get("fares"),
            care_hours=data.get("care_hours"),
            care_amount=data.get("care_amount"),
            time_hours=data.get("time_hours"),
            reward=data.get("reward"),
            notes=data.get("notes", ""),
        )


class ClaimantForm(GovUKFormMixin, forms.Form):
    """An administrator chooses whom to claim for."""

    submit_label = "Continue"

    person = forms.ChoiceField(
        label="Who are you claiming for?",
        error_messages={
            "required": "Choose the person you are claiming for",
            "invalid_choice": "Choose one of the people listed",
        },
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"
        self.fields["person"].choices = [("", "Choose a person")] + [
            (str(p.pk), p.display_name) for p in people
        ]


class ReceiptForm(GovUKFormMixin, forms.Form):
    submit_label = "Add receipt"

    receipt = forms.FileField(
        label="Receipt",
        help_text="A photo or image (JPG, PNG, GIF, WEBP, HEIC) or a PDF.",
        error_messages={
            "required": "Select the receipt",
            "empty": "The selected file is empty. Choose a file with the receipt in it.",
        },
    )


class DecisionForm(GovUKFormMixin, forms.Form):
    submit_label = "Save decision"

    APPROVE, CHANGE, REJECT = "approve", "change", "reject"
    decision = forms.ChoiceField(
        label="Your decision",
        widget=forms.RadioSelect,
        choices=[
            (APPROVE, "Approve it"),
            (CHANGE, "Ask the claimant to change it"),
            (REJECT, "Do not approve it"),
        ],
        error_messages={"required": "Choose whether to approve the claim"},
    )
    message = forms.CharField(
        label="What should change, or why it is not approved",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The claimant reads this in an email. Needed unless you approve it.",
    )


class PaidForm(GovUKFormMixin, forms.Form):
    submit_label = "Record payment"

    paid_on = GovUKDateField(label="When was it paid?", name="the date it was paid")


class IncentiveForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save option"

    class Meta:
        model = IncentiveOption
        fields = ["title", "kind", "audience", "description", "benefits_note", "is_available"]
        widgets = {
            "kind": forms.RadioSelect,
            "audience": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
            "benefits_note": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": "Enter the name of the option"},
            "kind": {"required": "Choose the type of reward"},
            "audience": {"required": "Choose who can choose it"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = self.fields["kind"].choices[1:]
        self.fields["audience"].choices = self.fields["audience"].choices[1:]


class PreferenceForm(GovUKFormMixin, forms.Form):
    submit_label = "Save my choice"

    option = RewardChoiceField(
        label="How would you like to be rewarded for your time?",
        queryset=IncentiveOption.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Choose how you would like to be rewarded",
            "invalid_choice": "Choose one of the rewards listed",
        },
    )

    def __init__(self, *args, options=(), **kwargs):
        super().__init__(*args, **kwargs)
        options = list(options)
        self.fields["option"].queryset = IncentiveOption.objects.filter(
            pk__in=[o.pk for o in options]
        )
        self.fields["option"].choices = [(o.pk, o.title) for o in options]


class ExpenseSettingsForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save settings"

    class Meta:
        model = ExpenseSettings
        fields = ["claim_cap", "young_people_service", "young_people_contact"]
        widgets = {
            "claim_cap": forms.TextInput(
                attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}
            )
        }
        error_messages = {
            "claim_cap": {
                "required": "Enter the largest claim, in pounds",
                "invalid": "Enter the largest claim as a number, like 500",
                "min_value": "Enter a largest claim of £1 or more",
                "max_value": "Enter a largest claim of £10,000 or less",
                "max_decimal_places": "Enter the largest claim in pounds and pence, like 500.00",
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        one_limit(self.fields["claim_cap"], largest=Decimal("10000"))


class BudgetForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save budget"

    class Meta:
        model = AgreementBudget
        fields = ["cost_code", "budget"]
        widgets = {
            "cost_code": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "budget": forms.TextInput(
                attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}
            ),
        }
        error_messages = {
            "budget": {
                "invalid": "Enter the budget as a number of pounds, like 12000",
                "min_value": "Enter a budget of £0 or more",
                "max_value": "Enter a budget of £99,999,999 or less",
                "max_decimal_places": "Enter the budget in pounds and pence, like 12000.50",
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        one_limit(self.fields["budget"], largest=Decimal("99999999"))
