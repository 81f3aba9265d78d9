"""The portal's one time-of-day input: a text box for hours and minutes, typed as 14:30.

Meetings and training courses both ask for start and end times this way; the field lives here
so that forums and the shared apps use the same rules and messages.
"""

import re
from datetime import time

from django import forms
from django.core.exceptions import ValidationError

TIME_PATTERN = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


class TimeOfDayField(forms.CharField):
    """A time of day typed as hours and minutes, for example 14:30 or 9.05 (24-hour clock).

    `name` is how messages call the field ("start time"). Cleans to a `datetime.time`;
    shows a `time` given as initial data as 14:30. Errors: "Enter the start time",
    "Enter the start time as hours and minutes, for example 14:30", "The start time must be a
    real time, like 14:30" (hours over 23 or minutes over 59).
    """

    def __init__(self, *, label: str, name: str, **kwargs):
        self.name_in_messages = name
        super().__init__(
            label=label,
            help_text="Use the 24-hour clock, for example 10:00 or 14:30",
            max_length=5,
            error_messages={"required": f"Enter the {name}"},
            widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
            **kwargs,
        )

    def prepare_value(self, value):
        if isinstance(value, time):
            return value.strftime("%H:%M")
        return value

    def clean(self, value):
        value = super().clean(value)
        match = TIME_PATTERN.match(value or "")
        if not match:
            raise ValidationError(
                f"Enter the {self.name_in_messages} as hours and minutes, for example 14:30"
            )
        hour, minute = int(match[1]), int(match[2])
        if hour > 23 or minute > 59:
            raise ValidationError(f"The {self.name_in_messages} must be a real time, like 14:30")
        return time(hour, minute)
