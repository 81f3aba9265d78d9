"""Feedback forms: recording an item, a family's own short form, a response, leaving out,
anonymising and publishing, settings, and the publication's filters."""

from __future__ import annotations

from datetime import date
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduction.forms.dates import GovUKDateField
from coproduction.people.forms import GovUKFormMixin
from coproduction.people.models import Person
from evaluation.feedback import selectors
from evaluation.feedback.models import (
    FeedbackItem,
    FeedbackSettings,
    LeaveOutReason,
    ResponseKind,
    Source,
    Topic,
)
from evaluation.figures import academic_year
from forums.meetings.models import Meeting
from forums.models import Body
from initiatives.models import Initiative

# Choice lists offer at most this many recent meetings and initiatives.
MAX_CHOICES = 300


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return person.display_name or person.email


def _area_choices(form: forms.Form, area, *names: str) -> None:
    """Fill the named body, initiative and meeting fields (or their evidence_ versions) with
    the area's rows: every body, and the MAX_CHOICES most recent initiatives and meetings."""
    for name in names:
        kind = name.removeprefix("evidence_")
        field = cast(forms.ModelChoiceField, form.fields[name])
        if kind == "body":
            field.queryset = Body.objects.filter(area=area).order_by("name")
        elif kind == "initiative":
            ids = Initiative.objects.filter(area=area).order_by("-code_number")
            field.queryset = Initiative.objects.filter(
                pk__in=list(ids.values_list("pk", flat=True)[:MAX_CHOICES])
            ).order_by("code")
        else:
            recent = Meeting.objects.filter(body__area=area).order_by("-starts_at")
            field.queryset = Meeting.objects.filter(
                pk__in=list(recent.values_list("pk", flat=True)[:MAX_CHOICES])
            ).order_by("-starts_at")


def _text_field(label: str, help_text: str = "", required_message: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": required_message or "Enter what was said.",
            "max_length": "Keep it to 4000 characters or fewer.",
        },
    )


class FeedbackItemForm(GovUKFormMixin, forms.Form):
    """An officer records one item."""

    submit_label = "Record feedback"

    text = _text_field("What was said", "In the person's own words where you can.")
    said_on = GovUKDateField(
        label="Date said", name="the date said", help_text="For example, 14 10 2026"
    )
    source = forms.ChoiceField(
        label="Where it came from",
        choices=[c for c in Source.choices if c[0] != Source.PORTAL],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where it came from."},
    )
    topic = forms.ChoiceField(
        label="What it is about",
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what it is about."},
    )
    service_name = forms.CharField(
        label="Name of the service (for a named service)", max_length=200, required=False
    )
    said_by = PersonChoiceField(
        label="Who said it (optional)",
        help_text="Never published, never shown to other families.",
        queryset=Person.objects.none(),
        required=False,
    )
    body = forms.ModelChoiceField(
        label="Board or work stream (optional)", queryset=Body.objects.none(), required=False
    )
    initiative = forms.ModelChoiceField(
        label="Initiative (optional)", queryset=Initiative.objects.none(), required=False
    )
    meeting = forms.ModelChoiceField(
        label="Meeting (optional)", queryset=Meeting.objects.none(), required=False
    )
    owner = PersonChoiceField(
        label="Who will answer it (optional)", queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        _area_choices(self, area, "body", "initiative", "meeting")
        self.fields["said_by"].queryset = Person.objects.filter(memberships__area=area).order_by(
            "display_name", "email"
        )
        self.fields["owner"].queryset = selectors.area_officers(area=area)


class SendFeedbackForm(GovUKFormMixin, forms.Form):
    """A parent carer or young person sends their own feedback (short; plainer words for
    young people)."""

    submit_label = "Send feedback"

    text = _text_field(
        "What do you want to tell us?",
        "About the Local Offer (the list of services for children and young people with "
        "special educational needs and disabilities), a service, or how we work with families. "
        "Do not include other people's names.",
        "Tell us what you want to say.",
    )
    topic = forms.ChoiceField(
        label="What is it about?",
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what it is about."},
    )
    service_name = forms.CharField(
        label="Which service? (if it is about a service)", max_length=200, required=False
    )

    YOUNG_PERSON_TOPICS = [
        (Topic.LOCAL_OFFER_CONTENT, "What help there is, or what is missing"),
        (Topic.ACCESSIBILITY, "Finding or understanding information"),
        (Topic.DEVELOPMENT, "How we asked you and your family"),
        (Topic.SERVICE, "A service you use"),
        (Topic.OTHER, "Something else"),
    ]

    def __init__(self, *args, young_person: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if young_person:
            self.submit_label = "Send"
            self.helper.inputs[0].value = "Send"
            text = self.fields["text"]
            text.label = "What do you want to tell us?"
            text.help_text = "Say it your way. Please do not use other people's names."
            text.error_messages["required"] = "Write what you want to tell us."
            topic = cast(forms.ChoiceField, self.fields["topic"])
            topic.label = "What is it about?"
            topic.choices = self.YOUNG_PERSON_TOPICS
            self.fields["service_name"].label = "Which service? (if you picked a service)"

    def clean(self):
        data = super().clean()
        if data.get("topic") == Topic.SERVICE and not data.get("service_name", "").strip():
            self.add_error("service_name", "Enter the name of the service.")
        return data


class ResponseForm(GovUKFormMixin, forms.Form):
    """Give or change the response ("we did ...")."""

    submit_label = "Save response"

    kind = forms.ChoiceField(
        label="Response",
        choices=ResponseKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the response."},
    )
    text = forms.CharField(
        label="What we did, are doing or will do",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter what we did, are doing or will do.",
            "max_length": "Keep it to 4000 characters or fewer.",
        },
    )
    will_by = GovUKDateField(
        label="We will do it by (for “we will”)", name="the date we will do it by", required=False
    )
    could_not_why = forms.CharField(
        label="Why we could not (for “we could not”)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    owner = PersonChoiceField(
        label="Owner", queryset=Person.objects.none(), required=False, empty_label="Nobody yet"
    )
    due_on = GovUKDateField(label="Response due", name="the due date")
    evidence_initiative = forms.ModelChoiceField(
        label="Evidence: an initiative (optional)",
        queryset=Initiative.objects.none(),
        required=False,
    )
    evidence_meeting = forms.ModelChoiceField(
        label="Evidence: a meeting and its minutes (optional)",
        queryset=Meeting.objects.none(),
        required=False,
    )
    evidence_url = forms.URLField(
        label="Evidence: link to a document (optional)",
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address, like https://www.example.org/report"},
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        _area_choices(self, area, "evidence_initiative", "evidence_meeting")
        self.fields["owner"].queryset = selectors.area_officers(area=area)


class LeaveOutForm(GovUKFormMixin, forms.Form):
    """Leave an item out of publication, with the reason (regulation 56 allows these)."""

    submit_label = "Leave it out"

    reason = forms.ChoiceField(
        label="Why is it left out of publication?",
        choices=LeaveOutReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why it is left out."},
    )
    duplicate_of = forms.IntegerField(
        label="For a duplicate: the number of the item it repeats",
        required=False,
        min_value=1,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the item's number, like 42.",
            "min_value": "Enter the item's number, like 42.",
        },
    )
    note = forms.CharField(
        label="Note (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, area, item: FeedbackItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.area, self.item = area, item

    def clean_duplicate_of(self) -> FeedbackItem | None:
        number = self.cleaned_data.get("duplicate_of")
        if number is None:
            return None
        other = (
            FeedbackItem.objects.filter(area=self.area, pk=number).exclude(pk=self.item.pk).first()
        )
        if other is None:
            raise ValidationError("There is no other item with that number in this area.")
        return other


class AnonymiseForm(GovUKFormMixin, forms.Form):
    """The masked text for the officer to check, edit and confirm."""

    submit_label = "Confirm this text"

    text = forms.CharField(
        label="Text to publish",
        help_text="We have masked email addresses, phone numbers, postcodes and the names of "
        "people we know. Check for anything else that could identify someone (a school, a "
        "street, a rare condition) and change it.",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter the text to publish.",
            "max_length": "Keep it to 4000 characters or fewer.",
        },
    )
    suggested = forms.CharField(widget=forms.HiddenInput, required=False)


class ConfirmForm(GovUKFormMixin, forms.Form):
    """A form that is only a button (publish, take down, put back). `action` is the URL it
    posts to: a button shown on another page (the item page) must name the page that acts
    on it, or the browser posts to the page it is on."""

    def __init__(self, *args, submit_label: str = "Confirm", action: str = "", **kwargs):
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)
        if action:
            self.helper.form_action = action


class FeedbackSettingsForm(GovUKFormMixin, forms.ModelForm):
    submit_label = "Save settings"

    class Meta:
        model = FeedbackSettings
        fields = ["weeks_to_respond", "visibility"]
        widgets = {
            "weeks_to_respond": forms.TextInput(
                attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}
            ),
            "visibility": forms.RadioSelect,
        }
        error_messages = {
            "weeks_to_respond": {
                "required": "Enter the number of weeks to respond.",
                "invalid": "Enter the number of weeks as a whole number, like 8.",
                "min_value": "Enter at least 1 week.",
                "max_value": "Enter 52 weeks or fewer.",
            }
        }


def period_choices(today: date, years: int = 5) -> list[tuple[str, str]]:
    """The academic years offered as periods: this one and the `years - 1` before."""
    choices = [("", "Any time")]
    day = today
    for _ in range(years):
        period = academic_year(day)
        choices.append((period.slug, period.label.capitalize()))
        day = period.starts_on.replace(year=period.starts_on.year - 1)
    return choices


class FilterFormMixin:
    """A filter read from the address (GET). A value that is not on a list (a link typed by
    hand or kept from an older page) is shown as an error at its field, as the board
    dashboard does, and the page lists nothing until it is put right: it is never silently
    ignored, never a 500. Every field is a select styled the GOV.UK way."""

    def style_fields(self) -> None:
        for field in cast(forms.Form, self).fields.values():
            field.widget.attrs["class"] = "govuk-select"

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        form = cast(forms.Form, self)
        for name in form.errors:
            if name in form.fields:
                attrs = form.fields[name].widget.attrs
                attrs["class"] = "govuk-select govuk-select--error"
                attrs["aria-describedby"] = f"id_{name}-error"

    @property
    def has_bad_value(self) -> bool:
        form = cast(forms.Form, self)
        return form.is_bound and not form.is_valid()


UNKNOWN_TOPIC = "Choose a topic from the list"


class PublicationFilterForm(FilterFormMixin, forms.Form):
    """The "You said, we did" page's filters (sent with GET)."""

    topic = forms.ChoiceField(
        label="Topic",
        choices=[("", "All topics"), *Topic.choices],
        required=False,
        error_messages={"invalid_choice": UNKNOWN_TOPIC},
    )
    period = forms.ChoiceField(
        label="When it was said",
        choices=[],
        required=False,
        error_messages={"invalid_choice": "Choose a school year from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = period_choices(timezone.localdate())
        self.style_fields()

    def period_bounds(self) -> tuple[date | None, date | None]:
        slug = self.cleaned_data.get("period") if self.is_valid() else ""
        if not slug:
            return None, None
        start_year = int(slug.split("-")[0])
        period = academic_year(date(start_year, 9, 1))
        return period.starts_on, period.ends_on

    def topic_value(self) -> str:
        return self.cleaned_data.get("topic", "") if self.is_valid() else ""


class OfficerFilterForm(FilterFormMixin, forms.Form):
    """The officers' list's filters (sent with GET)."""

    show = forms.ChoiceField(
        label="Show",
        required=False,
        error_messages={"invalid_choice": "Choose what to show from the list"},
        choices=[
            ("", "All feedback"),
            ("overdue", "Overdue for a response"),
            ("waiting", "Waiting for a response"),
            ("answered", "Answered"),
            ("to_publish", "Answered, not yet published"),
            ("published", "Published"),
            ("left_out", "Left out of publication"),
        ],
    )
    topic = forms.ChoiceField(
        label="Topic",
        choices=[("", "All topics"), *Topic.choices],
        required=False,
        error_messages={"invalid_choice": UNKNOWN_TOPIC},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()

    def values(self) -> dict:
        if not self.is_valid():
            return {"show": "", "topic": ""}
        return {"show": self.cleaned_data["show"], "topic": self.cleaned_data["topic"]}
