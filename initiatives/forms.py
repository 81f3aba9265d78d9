"""Forms of the initiatives app (crispy-forms' GOV.UK pack). They only parse what people type:
the rules are in models.clean() and services.py, and views show their errors on these forms.
"""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size
from django import forms

from coproduction.forms.dates import GovUKDateField
from coproduction.forms.uploads import SpreadsheetUploadForm
from coproduction.people.forms import GovUKFormMixin
from coproduction.people.models import Organisation, Person, Sector
from coproduction.training.models import Course
from initiatives.models import (
    Audience,
    Co,
    EngagementLevel,
    FundingKind,
    InitiativeLevel,
    InitiativeStatus,
    Interest,
    Opportunity,
)
from initiatives.services import InitiativeDetails, OpportunityDetails

LEVEL_CHOICES = [
    Choice(InitiativeLevel.INDIVIDUAL, "Individual", hint="Direct work with one family at a time."),
    Choice(InitiativeLevel.SERVICE, "Service", hint="Shapes how a service or team works."),
    Choice(
        InitiativeLevel.STRATEGIC,
        "Strategic",
        hint="Shapes plans, commissioning or policy across the area.",
    ),
]
ENGAGEMENT_HINTS = {
    EngagementLevel.INFORMING: "Families are told what is happening.",
    EngagementLevel.CONSULTATION: "Families are asked for views on plans already made.",
    EngagementLevel.ENGAGEMENT: "Families help shape plans, but others decide.",
    EngagementLevel.CO_DESIGN: "Families and professionals design it together.",
    EngagementLevel.CO_PRODUCTION: "Families share power and decisions from start to finish.",
}


def _engagement_choices(empty_label: str):
    return [
        Choice(value, label, hint=ENGAGEMENT_HINTS[value])
        for value, label in EngagementLevel.choices
    ] + [Choice("", empty_label)]


def _checkboxes(choices, label, required_message, **kwargs):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": required_message},
        **kwargs,
    )


def _radios(choices, label, required_message=None, **kwargs):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        required=required_message is not None,
        error_messages={"required": required_message or ""},
        **kwargs,
    )


class InitiativeForm(GovUKFormMixin, forms.Form):
    """Register an initiative, or change one: every detail on one page, in groups."""

    submit_label = "Register initiative"

    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={
            "required": "Enter a title.",
            "max_length": "Enter a title of 200 characters or fewer.",
        },
    )
    summary = forms.CharField(
        label="Summary",
        required=False,
        help_text="What it is, who takes part and what it is for. Use plain English.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    cos = _checkboxes(
        Co.choices,
        "Which of the 4 Co's does it involve?",
        "Choose at least one of the 4 Co's.",
        help_text="Select all that apply.",
    )
    main_co = _radios(
        Co.choices,
        "Which is the main Co?",
        "Choose the main Co.",
        help_text="The code starts with it, for example CoDesign for co-design.",
    )
    sectors = _checkboxes(
        Sector.choices,
        "Sectors",
        "Choose at least one sector.",
        help_text="Select all that take part.",
    )
    level = _radios(LEVEL_CHOICES, "Level", "Choose the level it works at.")
    lead_organisations = forms.ModelMultipleChoiceField(
        label="Lead organisations",
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that lead it.",
    )
    status = _radios(InitiativeStatus.choices, "Status", "Choose a status.")
    start_date = GovUKDateField(
        label="Start date", name="the start date", required=False, help_text="For example, 1 9 2026"
    )
    end_date = GovUKDateField(
        label="End date",
        name="the end date",
        required=False,
        help_text="Leave empty if it has no end date yet.",
    )
    funding_source = forms.CharField(
        label="Where the funding comes from (optional)",
        max_length=200,
        required=False,
        help_text="For example, the High Needs Block or a National Lottery grant.",
    )
    funding_amount = forms.DecimalField(
        label="Amount in pounds (optional)",
        required=False,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "invalid": "Enter the amount as a number, like 12500 or 12500.50.",
            "max_digits": "Enter an amount under £10,000,000,000.",
            "max_decimal_places": "Enter pence with 2 numbers at most, like 12500.50.",
        },
    )
    funding_kind = _radios(
        [*FundingKind.choices, Choice("", "Not known or no funding")],
        "Is the funding recurring or time-limited?",
    )
    funding_ends_on = GovUKDateField(
        label="When does time-limited funding end?", name="the funding end date", required=False
    )
    engagement_aimed = _radios(_engagement_choices("Not decided yet"), "Level it aims for")
    engagement_reached = _radios(_engagement_choices("Not known yet"), "Level it has reached")
    register_anyway = forms.BooleanField(
        label="Yes, this is a different initiative with the same title",
        required=False,
    )

    def __init__(self, *args, area, ask_about_title: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_organisations"].queryset = Organisation.objects.filter(
            area=area
        ).order_by("name")
        self.fields["title"].widget.attrs["autocomplete"] = "off"
        self.ask_about_title = ask_about_title
        if not ask_about_title:
            del self.fields["register_anyway"]
        self.helper.layout = Layout(
            Fieldset(
                Field.text("title"),
                *(
                    [
                        HTML('<input type="hidden" name="asked_about_title" value="1">'),
                        Field.checkbox("register_anyway"),
                    ]
                    if ask_about_title
                    else []
                ),
                Field.textarea("summary", rows=5),
                legend="About the initiative",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.checkboxes("cos"),
                Field.radios("main_co"),
                legend="The 4 Co's",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.checkboxes("sectors", small=True),
                Field.radios("level"),
                Field.checkboxes("lead_organisations", small=True),
                legend="Who it involves",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("status", inline=True),
                "start_date",
                "end_date",
                legend="Status and dates",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("funding_source"),
                "funding_amount",
                Field.radios("funding_kind"),
                "funding_ends_on",
                legend="Funding",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                HTML(
                    '<p class="govuk-body">Where the initiative sits on the engagement dial, '
                    "from informing families to full co-production. Not every piece of work "
                    "needs full co-production.</p>"
                ),
                Field.radios("engagement_aimed", small=True),
                Field.radios("engagement_reached", small=True),
                legend="Engagement level",
                legend_size=Size.MEDIUM,
            ),
        )

    @classmethod
    def initial_from(cls, initiative) -> dict:
        initial = {name: getattr(initiative, name) for name in InitiativeDetails.ROW_FIELDS}
        initial["lead_organisations"] = list(initiative.lead_organisations.all())
        return initial

    def details(self) -> InitiativeDetails:
        data = self.cleaned_data
        return InitiativeDetails(
            lead_organisations=list(data["lead_organisations"]),
            **{name: data[name] for name in InitiativeDetails.ROW_FIELDS},
        )


class StatusForm(GovUKFormMixin, forms.Form):
    submit_label = "Save status"

    status = _radios(InitiativeStatus.choices, "Status", "Choose a status.")
    start_date = GovUKDateField(label="Start date", name="the start date", required=False)
    end_date = GovUKDateField(
        label="End date",
        name="the end date",
        required=False,
        help_text="Needed when the initiative has ended.",
    )


class OptionsForm(GovUKFormMixin, forms.Form):
    """One group of checkboxes per theme of the area's options."""

    submit_label = "Save options"

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.options_by_pk = {}
        themes: dict[int, tuple[str, list]] = {}
        for option in options:
            self.options_by_pk[str(option.pk)] = option
            themes.setdefault(option.theme_number, (option.theme, []))[1].append(
                (str(option.pk), f"{option.reference} {option.text}")
            )
        for number, (theme, choices) in themes.items():
            self.fields[f"theme_{number}"] = forms.MultipleChoiceField(
                label=f"{number}. {theme}",
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        self.helper.layout = Layout(
            *[Field.checkboxes(name, legend_size=Size.SMALL, small=True) for name in self.fields]
        )

    @classmethod
    def initial_from(cls, initiative) -> dict:
        initial: dict[str, list[str]] = {}
        for option in initiative.options.all():
            initial.setdefault(f"theme_{option.theme_number}", []).append(str(option.pk))
        return initial

    def chosen_options(self) -> list:
        return [self.options_by_pk[pk] for values in self.cleaned_data.values() for pk in values]


class OutcomeForm(GovUKFormMixin, forms.Form):
    submit_label = "Save outcome"

    description = forms.CharField(
        label="Outcome",
        help_text="What the end result will be, for children, young people and families.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the outcome."},
    )
    indicators = forms.CharField(
        label="Indicators (optional)",
        required=False,
        help_text="What you will measure to know you are achieving it.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    timescale = forms.CharField(
        label="Timescale (optional)",
        required=False,
        max_length=200,
        help_text="When it will be done by, for example By July 2027.",
        error_messages={"max_length": "Enter 200 characters or fewer."},
    )
    responsible = forms.CharField(
        label="Who is responsible (optional)",
        required=False,
        max_length=200,
        help_text="A team, role or group, for example the Local Offer working group.",
        error_messages={"max_length": "Enter 200 characters or fewer."},
    )


class ContactForm(GovUKFormMixin, forms.Form):
    submit_label = "Add contact"

    person = forms.ModelChoiceField(
        label="Someone in the portal",
        queryset=Person.objects.none(),
        required=False,
        empty_label="Choose a person",
        help_text="People who belong to this local area.",
    )
    name = forms.CharField(
        label="Or someone outside the portal: their name",
        max_length=150,
        required=False,
        error_messages={"max_length": "Enter a name of 150 characters or fewer."},
    )
    email = forms.EmailField(
        label="Their email address (optional)",
        required=False,
        error_messages={"invalid": "Enter an email address like name@example.org."},
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
    )
    role = forms.CharField(
        label="Role or job title (optional)",
        max_length=150,
        required=False,
        help_text="For example, Project lead or SEND commissioning manager.",
        error_messages={"max_length": "Enter 150 characters or fewer."},
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(
            memberships__area=area, is_active=True
        ).order_by("display_name", "email")


class OpportunityForm(GovUKFormMixin, forms.Form):
    submit_label = "Open opportunity"

    title = forms.CharField(
        label="What is it?",
        max_length=200,
        help_text="A short name families will recognise, "
        "for example Join the Local Offer website group.",
        error_messages={
            "required": "Enter what the opportunity is.",
            "max_length": "Enter 200 characters or fewer.",
        },
    )
    kind = _radios(Opportunity.Kind.choices, "Type", "Choose the type of opportunity.")
    description = forms.CharField(
        label="What would people do?",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Describe what people would do."},
    )
    audience = _radios(Audience.choices, "Who is it for?", "Choose who it is for.")
    time_asked = forms.CharField(
        label="How much time does it take?",
        max_length=200,
        help_text="For example, Four 2-hour meetings between March and June.",
        error_messages={
            "required": "Say how much time it takes.",
            "max_length": "Enter 200 characters or fewer.",
        },
    )
    hours_asked = forms.DecimalField(
        label="About how many hours is that in all?",
        min_value=0,
        max_value=999,
        decimal_places=1,
        help_text="Include reading and travel. When you accept someone's interest, this counts "
        "towards how much they are asked this term, so families are not asked too often.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter about how many hours it takes in all, like 2 or 1.5.",
            "invalid": "Enter the hours as a number, like 2 or 1.5.",
            "min_value": "Enter 0 hours or more.",
            "max_value": "Enter 999 hours or fewer.",
            "max_decimal_places": "Enter the hours to one decimal place at most, like 1.5.",
        },
    )
    support_offered = forms.MultipleChoiceField(
        label="What support do you offer?",
        choices=Opportunity.Support.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply.",
    )
    reward = forms.CharField(
        label="Reward (optional)",
        max_length=200,
        required=False,
        help_text="For example, a £20 voucher for each meeting. Money can affect benefits, "
        "so say if there is a choice.",
        error_messages={"max_length": "Enter 200 characters or fewer."},
    )
    closes_on = GovUKDateField(
        label="Closing date",
        name="the closing date",
        help_text="The last day people can say they are interested. For example, 30 4 2027",
    )
    places = forms.IntegerField(
        label="Number of places (optional)",
        required=False,
        min_value=1,
        max_value=999,
        help_text="Leave empty if there is no limit, for example for a survey.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": "Enter the number of places as a whole number, like 6.",
            "min_value": "Enter 1 place or more, or leave it empty for no limit.",
            "max_value": "Enter 999 places or fewer.",
        },
    )

    course = forms.ModelChoiceField(
        label="Course it offers (optional)",
        queryset=Course.objects.none(),
        required=False,
        empty_label="No course",
        help_text="A course from the area's training register that this opportunity offers a "
        "place on. Its page shows the course and a link to sign up.",
        error_messages={"invalid_choice": "Choose a course from the list."},
    )

    def __init__(self, *args, area=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = (
            Course.objects.filter(area=area).order_by("-starts_on", "title")
            if area is not None
            else Course.objects.none()
        )
        self.fields["closes_on"].error_messages["required"] = "Enter the closing date."
        self.helper.layout = Layout(
            Field.text("title"),
            Field.radios("kind"),
            Field.textarea("description", rows=5),
            Field.radios("audience"),
            Field.text("time_asked"),
            Field.text("hours_asked"),
            Field.checkboxes("support_offered"),
            Field.text("reward"),
            "closes_on",
            "places",
            "course",
        )

    @classmethod
    def initial_from(cls, opportunity) -> dict:
        return {
            name: getattr(opportunity, name) for name in OpportunityDetails.__dataclass_fields__
        }

    def details(self) -> OpportunityDetails:
        return OpportunityDetails(
            **{name: self.cleaned_data[name] for name in OpportunityDetails.__dataclass_fields__}
        )


class InterestForm(GovUKFormMixin, forms.Form):
    submit_label = "I am interested"

    message = forms.CharField(
        label="Anything you would like them to know? (optional)",
        required=False,
        max_length=2000,
        help_text="For example, times that suit you or support you need to take part.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Enter 2000 characters or fewer."},
    )


class InterestResponseForm(GovUKFormMixin, forms.Form):
    submit_label = "Send answer"

    decision = _radios(
        [
            (Interest.Status.ACCEPTED, "Accept"),
            (Interest.Status.DECLINED, "Decline"),
        ],
        "Your answer",
        "Choose accept or decline.",
    )
    response = forms.CharField(
        label="Message to them",
        help_text="We email it with your answer. If you accept, say what happens next. "
        "If you decline, say why and suggest something else if you can.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        error_messages={
            "required": "Write a message to them. We email it with your answer.",
            "max_length": "Enter 4000 characters or fewer.",
        },
    )


class ImportUploadForm(SpreadsheetUploadForm):
    """Step 1 of importing initiatives (the shared upload form)."""


class ImportConfirmForm(GovUKFormMixin, forms.Form):
    submit_label = "Import initiatives"

    publish = forms.TypedChoiceField(
        label="Who should see them?",
        help_text="For rows that do not say in their publication column.",
        choices=[
            ("yes", "Everyone in the area: publish them in the register"),
            ("no", "Only officers: keep them as drafts to check first"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who should see them."},
    )
