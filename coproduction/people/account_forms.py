"""django-allauth's forms with GOV.UK wording: labels and hints, no placeholder text."""

from allauth.account.forms import (
    AddEmailForm,
    ChangePasswordForm,
    LoginForm,
    ResetPasswordForm,
    ResetPasswordKeyForm,
    SignupForm,
)


class PlainFieldsMixin:
    """For allauth's forms: GOV.UK labels and hints instead of placeholder text."""

    labels: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.labels:
                field.label = self.labels[name]
            if name.startswith("password") or name == "oldpassword":
                field.help_text = ""


class SignInForm(PlainFieldsMixin, LoginForm):
    labels = {
        "login": "Email address",
        "password": "Password",
        "remember": "Keep me signed in on this device",
    }


class SignUpForm(PlainFieldsMixin, SignupForm):
    labels = {
        "email": "Email address",
        "password1": "Create a password",
        "password2": "Type the password again",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "password1"
        ].help_text = "At least 8 characters. Avoid common words or a password you use elsewhere."


class PasswordResetRequestForm(PlainFieldsMixin, ResetPasswordForm):
    labels = {"email": "Email address"}


class PasswordResetForm(PlainFieldsMixin, ResetPasswordKeyForm):
    labels = {"password1": "New password", "password2": "Type the new password again"}


class PasswordChangeForm(PlainFieldsMixin, ChangePasswordForm):
    labels = {
        "oldpassword": "Current password",
        "password1": "New password",
        "password2": "Type the new password again",
    }


class EmailAddForm(PlainFieldsMixin, AddEmailForm):
    labels = {"email": "New email address"}
