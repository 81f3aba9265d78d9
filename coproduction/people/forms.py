"""Forms of the people app, rendered with crispy-forms' GOV.UK (gds) pack.

This module is allauth's ACCOUNT_SIGNUP_FORM_CLASS home, so it must not import allauth's
forms (allauth imports it while building its own); our versions of those are in
account_forms.py.
"""

from functools import cached_property
from typing import cast

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Size, Submit
from django import forms
from django.contrib.auth import password_validation

from coproduction.forms.dates import GovUKDateField
from coproduction.forms.tokens import FIELD_NAME, new_token, valid_token
from coproduction.people.models import LocalArea, Person, Role, Term


class GovUKFormMixin:
    """Gives a form a crispy helper with one submit button; errors go in the error summary.

    The button asks GOV.UK Frontend to ignore a second click, and the form carries a one-time
    token (`form_token`, see coproduction.forms.tokens) so that the same form sent twice at once
    is acted on once. The token is not a field: it never reaches `cleaned_data`.
    """

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        # Our copy of the pack's form template adds the one-time token after the CSRF token.
        self.helper.template = "includes/govuk_form.html"
        # The server checks every field and explains problems in the error summary.
        self.helper.attrs = {"novalidate": ""}
        self.helper.label_size = Size.SMALL
        self.helper.legend_size = Size.SMALL
        self.helper.add_input(
            Submit(
                "submit",
                self.submit_label,
                data_module="govuk-button",
                data_prevent_double_click="true",
            )
        )

    @cached_property
    def form_token(self) -> str:
        """The token sent with this form: the one it came with when shown again, else a new one."""
        form = cast(forms.BaseForm, self)
        sent = valid_token(form.data.get(FIELD_NAME)) if form.is_bound else None
        return sent or new_token()


class SignupDetailsForm(forms.Form):
    """Extra sign-up fields for allauth (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label="Your name",
        max_length=150,
        help_text="The name other people in the portal will see.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["display_name", "email", "password1", "password2"]

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])


class ProfileForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["display_name", "phone", "access_needs"]
        labels = {"display_name": "Your name", "phone": "Phone number (optional)"}
        help_texts = {"phone": "So meeting organisers can reach you on the day."}
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "access_needs": forms.Textarea(attrs={"rows": 4}),
        }


class RolesField(forms.MultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=Role.choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Choose at least one role."},
            **kwargs,
        )


class InvitationForm(GovUKFormMixin, forms.Form):
    submit_label = "Send invitation"

    email = forms.EmailField(
        label="Email address",
        error_messages={"invalid": "Enter an email address like name@example.org."},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    roles = RolesField(label="Roles", help_text="Select all that apply.")


class MembershipRolesForm(GovUKFormMixin, forms.Form):
    submit_label = "Save roles"

    roles = RolesField(label="Roles", help_text="Select all that apply.")


class AcceptInvitationForm(GovUKFormMixin, forms.Form):
    """For an invited person without an account: their name and a password."""

    submit_label = "Create account and join"

    display_name = forms.CharField(
        label="Your name",
        max_length=150,
        help_text="The name other people in the portal will see.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Confirm your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The passwords do not match. Type the same password twice.")
        elif first:
            candidate = Person(email=self.email, display_name=cleaned.get("display_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class AreaSettingsForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = LocalArea
        fields = [
            "papers_ahead_working_days",
            "family_share_percent",
            "group_requests_per_term",
            "person_requests_per_term",
        ]
        error_messages = {
            "papers_ahead_working_days": {
                "required": "Enter how many working days ahead papers go out, like 5.",
                "invalid": "Enter a whole number of working days, like 5.",
                "min_value": "Papers must go out at least 1 working day ahead.",
                "max_value": "Enter 20 working days or fewer.",
            },
            "family_share_percent": {
                "required": "Enter the share of members who should be families, like 25.",
                "invalid": "Enter a whole number from 0 to 100, like 25.",
                "min_value": "Enter a whole number from 0 to 100, like 25.",
                "max_value": "Enter a whole number from 0 to 100, like 25.",
            },
            "group_requests_per_term": {
                "required": "Enter how many requests a group should get in a term, like 6.",
                "invalid": "Enter a whole number of requests, like 6.",
                "min_value": "Enter at least 1 request per term.",
                "max_value": "Enter 100 requests or fewer.",
            },
            "person_requests_per_term": {
                "required": "Enter how many requests one person should get in a term, like 3.",
                "invalid": "Enter a whole number of requests, like 3.",
                "min_value": "Enter at least 1 request per term.",
                "max_value": "Enter 50 requests or fewer.",
            },
        }
        # GOV.UK asks for text inputs with a numeric keyboard rather than type="number".
        widgets = {
            name: forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"})
            for name in fields
        }


class TermForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save term"

    starts_on = GovUKDateField(
        label="First day", name="the first day", help_text="For example, 2 9 2026"
    )
    ends_on = GovUKDateField(
        label="Last day", name="the last day", help_text="For example, 18 12 2026"
    )

    class Meta:
        model = Term
        fields = ["name", "starts_on", "ends_on"]
        labels = {"name": "Name of the term"}

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The last day must be on or after the first day.")
        return cleaned
