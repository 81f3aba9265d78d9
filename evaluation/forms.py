"""The dashboard's filter: a period (school year or term) and, on the area dashboard, a body.

Read from the address (GET), so a filtered dashboard can be bookmarked and works without
JavaScript. Choices come from the view (the area's periods and bodies).
"""

from typing import cast

from django import forms

from evaluation.figures import Period
from forums.models import BodyStatus

UNKNOWN_PERIOD = "Choose a school year or term from the list"


class DashboardFilterForm(forms.Form):
    period = forms.ChoiceField(
        label="Period",
        error_messages={"invalid_choice": UNKNOWN_PERIOD, "required": UNKNOWN_PERIOD},
    )
    body = forms.ChoiceField(label="Board or work stream", required=False)

    def __init__(self, *args, years: list[Period], terms: list[Period], bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices: list = [("School years", [(p.slug, p.label) for p in years])]
        if terms:
            choices.append(("Terms", [(p.slug, p.label) for p in terms]))
        cast(forms.ChoiceField, self.fields["period"]).choices = choices
        if bodies is None:
            del self.fields["body"]
        else:
            cast(forms.ChoiceField, self.fields["body"]).choices = [("", "The whole area")] + [
                (str(body.pk), body.name + (" (ended)" if body.status == BodyStatus.ENDED else ""))
                for body in bodies
            ]
