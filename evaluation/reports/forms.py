"""The "make a report" form: which report, what about, and over which period."""

from __future__ import annotations

import re
from datetime import date

from django import forms

from coproduction.forms.dates import GovUKDateField
from coproduction.people.calendar import area_terms
from coproduction.people.forms import GovUKFormMixin
from evaluation.figures import academic_year
from evaluation.reports import selectors
from evaluation.reports.models import ReportKind
from evaluation.reports.services import FUTURE_START

LOCAL_OFFER = "local_offer"
KIND_CHOICES = [
    (ReportKind.YOU_SAID_WE_DID.value, "You said, we did"),
    (LOCAL_OFFER, "The yearly Local Offer publication (you said, we did about the Local Offer)"),
    (ReportKind.SELF_EVALUATION.value, "Board self-evaluation summary"),
    (ReportKind.INSPECTION_PACK.value, "Inspection evidence pack"),
]
CUSTOM = "custom"
# The dashboard's slug for a school year ("2025-26"); the form calls it "year-2025".
DASHBOARD_YEAR = re.compile(r"^(\d{4})-\d{2}$")
YEARS_OFFERED = 3
TERMS_OFFERED = 6


class ReportRequestForm(GovUKFormMixin, forms.Form):
    submit_label = "Make the report"

    kind = forms.ChoiceField(
        label="Which report",
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which report you want"},
    )
    scope = forms.ChoiceField(
        label="What it is about",
        help_text="Initiatives only have “You said, we did” reports.",
        error_messages={"required": "Choose what the report is about"},
    )
    period = forms.ChoiceField(
        label="Which period",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the period the report covers"},
    )
    period_start = GovUKDateField(
        label="First day (only for your own dates)",
        name="the first day",
        required=False,
        help_text="For example, 1 9 2025",
    )
    period_end = GovUKDateField(
        label="Last day (only for your own dates)",
        name="the last day",
        required=False,
        help_text="For example, 31 8 2026",
    )

    def __init__(self, *args, area, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.area, self.today = area, today
        bodies, initiatives = selectors.scope_choices(area=area)
        self.bodies = {f"body-{body.pk}": body for body in bodies}
        self.initiatives = {f"initiative-{i.pk}": i for i in initiatives}
        self.fields["scope"].choices = [  # type: ignore[attr-defined]  # a ChoiceField
            ("area", f"The whole of {area.name}"),
            *[(key, f"Board or work stream: {body.name}") for key, body in self.bodies.items()],
            *[
                (key, f"Initiative: {initiative.code} {initiative.title}")
                for key, initiative in self.initiatives.items()
            ],
        ]
        self.periods = {}
        year = academic_year(today)
        for _ in range(YEARS_OFFERED):
            self.periods[f"year-{year.starts_on.year}"] = (
                year.starts_on,
                year.ends_on,
                year.label,
            )
            year = academic_year(year.starts_on.replace(year=year.starts_on.year - 1))
        past_terms = [term for term in area_terms(area=area) if term.starts_on <= today]
        choices = [(key, value[2]) for key, value in self.periods.items()]
        for term in reversed(past_terms[-TERMS_OFFERED:]):
            self.periods[f"term-{term.pk}"] = (term.starts_on, term.ends_on, term.name)
            choices.append(
                (
                    f"term-{term.pk}",
                    f"{term.name} ({term.starts_on:%-d %B %Y} to {term.ends_on:%-d %B %Y})",
                )
            )
        self.fields["period"].choices = [  # type: ignore[attr-defined]
            *choices,
            (CUSTOM, "Your own dates (type them below)"),
        ]

        self._keep_known_initial()

    def _keep_known_initial(self) -> None:
        """Drop prefilled values that are not among this area's choices (a link from the
        board dashboard to a term the form does not offer, or an edited address)."""
        for name in ("kind", "scope", "period"):
            choices = {str(value) for value, _label in self.fields[name].choices}  # type: ignore[attr-defined]
            if name in self.initial and str(self.initial[name]) not in choices:
                del self.initial[name]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == LOCAL_OFFER:
            data["kind"], data["local_offer"] = ReportKind.YOU_SAID_WE_DID.value, True
        else:
            data["local_offer"] = False
        scope = data.get("scope")
        data["body"] = self.bodies.get(scope)
        data["initiative"] = self.initiatives.get(scope)
        period = data.get("period")
        if period == CUSTOM:
            start, end = data.get("period_start"), data.get("period_end")
            if start is None and "period_start" not in self.errors:
                self.add_error("period_start", "Enter the first day")
            if end is None and "period_end" not in self.errors:
                self.add_error("period_end", "Enter the last day")
            if start and start > self.today and "period_start" not in self.errors:
                self.add_error("period_start", FUTURE_START)
            elif start and end:
                data["period_label"] = f"{start:%-d %B %Y} to {end:%-d %B %Y}"
        elif period in self.periods:
            data["period_start"], data["period_end"], data["period_label"] = self.periods[period]
        return data


def prefill(query) -> dict[str, str]:
    """What the address asks the form to show chosen (the board dashboard's "Make a report
    of these figures" link): `kind`, `scope` (`area`, `body-<id>`, `initiative-<id>`) and
    `period` (the form's own choice, or the dashboard's school year slug such as
    `2025-26`, or its `term-<id>`). Values the area does not offer are dropped by the form;
    nothing here is trusted beyond choosing what is shown selected."""
    initial = {name: str(query.get(name, ""))[:40] for name in ("kind", "scope", "period")}
    year = DASHBOARD_YEAR.match(initial["period"])
    if year:
        initial["period"] = f"year-{year.group(1)}"
    return {name: value for name, value in initial.items() if value}
