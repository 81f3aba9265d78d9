"""Forms for equality monitoring: a member's own answers and the area's population figures."""

from decimal import Decimal

from crispy_forms_gds.layout import Fieldset, Layout, Size, Submit
from django import forms

from coproduction.people.forms import GovUKFormMixin
from forums.forms.common import required
from forums.models import (
    EQUALITY_QUESTIONS,
)
from forums.services import population_field_name


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
