"""Forms for rounds, ratings, actions and the yearly self-evaluation. Dates are the GOV.UK
date input; each create form carries the one-time token (GovUKFormMixin), so a double click
makes one record."""

from __future__ import annotations

from crispy_forms_gds.layout import Fieldset, Layout, Size
from django import forms
from django.utils import timezone
from django.utils.text import format_lazy

from coproduction.forms.dates import GovUKDateField, date_hint
from coproduction.people.forms import GovUKFormMixin
from coproduction.people.models import Person, Role
from evaluation.conditions import selectors
from evaluation.conditions.constants import ActionStatus, Condition, Theme
from evaluation.conditions.services.rounds import ConditionRating
from evaluation.date_limits import (
    closing_too_late_message,
    latest_closing,
    latest_round_date,
    not_before_reforms,
    not_too_far_ahead,
    round_date_too_late_message,
)
from evaluation.figures import academic_year
from evaluation.scale import EngagementLevel, level_choices
from forums.models import Body


class RoundOpenForm(GovUKFormMixin, forms.Form):
    submit_label = "Open the round"

    body = forms.ModelChoiceField(
        label="What the round is about",
        queryset=Body.objects.none(),
        required=False,
        empty_label="The whole area",
        help_text="Choose a board or work stream, or leave it as the whole area.",
        error_messages={"invalid_choice": "Choose a board or work stream from the list"},
    )
    held_on = GovUKDateField(
        label="Date of the round",
        name="the date of the round",
        help_text="For example, 14 10 2026",
        validators=[not_before_reforms("the date of the round")],
    )
    closes_on = GovUKDateField(
        label="Closing date",
        name="the closing date",
        help_text=format_lazy(
            "Raters can give and change their scores until the end of this day, at most "
            "3 months after the date of the round. {}",
            date_hint("future"),
        ),
        validators=[not_before_reforms("the closing date")],
    )
    roles = forms.MultipleChoiceField(
        label="Invite everyone in the area with these roles",
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    people = forms.ModelMultipleChoiceField(
        label="Invite these people (optional)",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose people from the list"},
    )

    def __init__(self, *args, area, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["people"].queryset = selectors.area_people(area=area)

    def clean(self):
        data = super().clean()
        held_on, closes_on = data.get("held_on"), data.get("closes_on")
        if held_on and held_on > latest_round_date():
            self.add_error("held_on", round_date_too_late_message())
        elif held_on and closes_on and closes_on > latest_closing(held_on):
            self.add_error("closes_on", closing_too_late_message(held_on))
        if not data.get("roles") and not data.get("people") and not self.has_error("people"):
            self.add_error("roles", "Choose who is invited to rate: a role, some people, or both")
        return data


class RatingForm(GovUKFormMixin, forms.Form):
    """A score from 1 to 10 for each condition, with an optional comment and "share it"."""

    submit_label = "Save my scores"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for condition in Condition:
            n = condition.value
            self.fields[f"score_{n}"] = forms.IntegerField(
                label=f"Your score for condition {n}",
                help_text="From 1 (not in place at all) to 10 (fully in place)",
                widget=forms.TextInput(
                    attrs={"class": "govuk-input--width-2", "inputmode": "numeric"}
                ),
                error_messages={
                    "required": f"Enter a score from 1 to 10 for “{condition.label}”",
                    "invalid": (
                        f"The score for “{condition.label}” must be a whole number from 1 to 10"
                    ),
                },
            )
            self.fields[f"comment_{n}"] = forms.CharField(
                label=f"Comment on condition {n} (optional)",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"share_{n}"] = forms.BooleanField(
                label="Share my comment (without my name) in the results",
                required=False,
            )
        self.helper.layout = Layout(
            *(
                Fieldset(
                    f"score_{c.value}",
                    f"comment_{c.value}",
                    f"share_{c.value}",
                    legend=f"{c.value}. {c.label}",
                    legend_size=Size.MEDIUM,
                )
                for c in Condition
            )
        )

    def clean(self):
        data = super().clean()
        for condition in Condition:
            score = data.get(f"score_{condition.value}")
            if score is not None and not 1 <= score <= 10:
                self.add_error(
                    f"score_{condition.value}",
                    f"The score for “{condition.label}” must be a whole number from 1 to 10",
                )
        return data

    def ratings(self) -> dict[int, ConditionRating]:
        data = self.cleaned_data
        return {
            c.value: ConditionRating(
                score=data.get(f"score_{c.value}"),
                comment=data.get(f"comment_{c.value}", ""),
                share_comment=bool(data.get(f"share_{c.value}")),
            )
            for c in Condition
        }

    @staticmethod
    def initial_from(scores) -> dict:
        initial = {}
        for number, score in scores.items():
            initial[f"score_{number}"] = score.score
            initial[f"comment_{number}"] = score.comment
            initial[f"share_{number}"] = score.share_comment
        return initial


LEVEL_CHOICES = [("", "No move chosen"), *EngagementLevel.choices]


class PlanActionForm(GovUKFormMixin, forms.Form):
    submit_label = "Save the action"

    theme = forms.ChoiceField(
        label="Theme",
        choices=Theme.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the theme the action belongs to"},
    )
    description = forms.CharField(
        label="What will be done",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what will be done"},
    )
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=Person.objects.none(),
        error_messages={
            "required": "Choose who owns the action",
            "invalid_choice": "Choose an owner from the list",
        },
    )
    due_on = GovUKDateField(
        label="Due date",
        name="the due date",
        help_text=format_lazy("At most 3 years ahead. {}", date_hint("future")),
        validators=[not_before_reforms("the due date"), not_too_far_ahead("the due date")],
    )
    status = forms.ChoiceField(
        label="Status", choices=ActionStatus.choices, initial=ActionStatus.NOT_STARTED
    )
    level_from = forms.TypedChoiceField(
        label="Move up the scale: from",
        choices=LEVEL_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    level_to = forms.TypedChoiceField(
        label="Move up the scale: to",
        choices=LEVEL_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    conditions = forms.TypedMultipleChoiceField(
        label="Conditions of success it addresses (optional)",
        choices=Condition.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, area, edit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors.area_people(area=area)  # type: ignore[attr-defined]
        if edit:
            self.helper.inputs[0].value = "Save changes"


class YearOpenForm(GovUKFormMixin, forms.Form):
    submit_label = "Open the year"

    year = forms.ChoiceField(
        label="Which school year",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a school year"},
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = today or timezone.localdate()
        this = academic_year(today)
        following = academic_year(this.ends_on.replace(day=1, month=9))
        self.fields["year"].choices = [
            (period.starts_on.isoformat(), period.label) for period in (this, following)
        ]


class YearActivityForm(GovUKFormMixin, forms.Form):
    submit_label = "Add the activity"

    title = forms.CharField(
        label="Activity", max_length=200, error_messages={"required": "Enter the activity"}
    )
    level_sought = forms.TypedChoiceField(
        label="Level it strives for",
        coerce=int,
        choices=level_choices(lowest=EngagementLevel.INFORMING),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the level the activity strives for"},
    )
    strategic_outcomes = forms.CharField(
        label="Its strategic outcomes",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the activity's strategic outcomes"},
    )

    def __init__(self, *args, ladder=None, **kwargs):
        super().__init__(*args, **kwargs)
        if ladder:
            self.fields["level_sought"].choices = level_choices(
                ladder=ladder, lowest=EngagementLevel.INFORMING
            )


class ImpactForm(GovUKFormMixin, forms.Form):
    submit_label = "Save the impact"

    impact = forms.CharField(
        label="What impact did it make?",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the impact the activity made"},
    )
    evidence = forms.CharField(
        label="Evidence of the impact",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, what families said, numbers, papers or minutes.",
        error_messages={"required": "Enter the evidence of its impact"},
    )
