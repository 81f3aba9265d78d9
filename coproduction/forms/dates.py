"""The portal's one GOV.UK date input: day, month and year boxes with the Design System's messages.

Every date a person types goes through `GovUKDateField`. It builds on crispy-forms-gds'
`DateInputField` (whose widget renders the three boxes) but checks the parts itself, so that:

- the messages are the ones the Design System gives for a date input
  (https://design-system.service.gov.uk/components/date-input/#error-messages):
  "Enter the start date", "The start date must include a month", "The start date must be a
  real date" ...;
- only the boxes that are wrong get the error class, and the error summary links to the first
  of them (see `summary_target` and `includes/error_summary.html`);
- what was typed is shown again unchanged.
"""

import calendar
from datetime import date
from typing import TYPE_CHECKING

from crispy_forms_gds.widgets import DateInputWidget
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import capfirst

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise  # a lazy string (django-stubs only)

PARTS = ("day", "month", "year")

# People write months as words too ("Feb", "february"); the Design System asks us to accept them.
MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTH_NAMES["sept"] = 9


class GovUKDateWidget(DateInputWidget):
    """crispy-forms-gds' three boxes, asking phones for a number keyboard (GOV.UK advice)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for widget in self.widgets:
            widget.attrs["inputmode"] = "numeric"
        self.wrong_parts: list[int] = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.wrong_parts:  # Django marks every box invalid; only the wrong ones are
            for index, subwidget in enumerate(context["widget"]["subwidgets"]):
                if index not in self.wrong_parts:
                    subwidget["attrs"].pop("aria-invalid", None)
        return context


def _example(when: str) -> str:
    today = timezone.localdate()
    year = today.year - 1 if when == "past" else today.year + 1
    return f"For example, 27 3 {year}"


def date_hint(when: str):
    """The hint under a date field, its example on the right side of today: `when` is "past"
    (an example last year, for dates that have happened) or "future" (next year, for due and
    closing dates). Lazy: worked out each time the form is shown, so it never goes stale."""
    if when not in ("past", "future"):
        raise ValueError(f"when must be 'past' or 'future', not {when!r}")
    return lazy(_example, str)(when)


def _joined(parts: list[str]) -> str:
    return " and ".join(parts) if len(parts) < 3 else "day, month and year"


class GovUKDateField(forms.MultiValueField):
    """A date typed as day, month and year, checked as the GOV.UK Design System says.

    `label` is the question shown above the boxes. `name` is how messages call the date, mid
    sentence (for example "the start date"); it defaults to the label. Years must have 4 numbers
    and lie from `min_year` to `max_year`. Cleans to a `datetime.date`, or None when the field
    is optional and left empty. `when` ("past" or "future") gives the default hint an
    example on that side of today (see `date_hint`); without it the hint is the fixed
    "For example, 27 3 2027". A `help_text` given wins over both.

    Errors are raised as a `ValidationError` naming what is wrong; the boxes that are wrong are
    listed in `wrong_parts` (indexes 0 day, 1 month, 2 year) and on each box's widget as
    `errors`, which is what crispy-forms-gds reads to mark a box with the error class.
    """

    widget = GovUKDateWidget

    def __init__(
        self,
        *,
        label: str,
        name: str | None = None,
        required: bool = True,
        help_text: "str | _StrPromise | None" = None,
        when: str | None = None,
        min_year: int = 1900,
        max_year: int = 2200,
        **kwargs,
    ):
        if help_text is None:
            help_text = date_hint(when) if when else "For example, 27 3 2027"
        self.name = name or label
        self.min_year = min_year
        self.max_year = max_year
        self.wrong_parts: list[int] = []
        fields = tuple(forms.CharField(required=False, label=capfirst(part)) for part in PARTS)
        super().__init__(
            fields=fields,
            label=label,
            required=required,
            help_text=help_text,
            require_all_fields=False,
            **kwargs,
        )

    def _message(self, text: str) -> str:
        return text.format(name=self.name, Name=capfirst(self.name))

    def _fail(self, wrong: list[int], text: str, code: str):
        message = self._message(text)
        self.wrong_parts = wrong
        self.widget.wrong_parts = wrong
        for index in wrong:
            self.fields[index].widget.errors = [message]
        raise ValidationError(message, code=code)

    def clean(self, value):
        """Turn the three typed parts into a date, or raise the Design System's message."""
        self.wrong_parts = self.widget.wrong_parts = []
        for field in self.fields:
            field.widget.errors = []
        if isinstance(value, date):  # a disabled field gives back its initial date
            return value
        parts = [str(part or "").strip() for part in (list(value or []) + ["", "", ""])[:3]]
        if not any(parts):
            if self.required:
                self._fail([], "Enter {name}", "required")
            return None
        missing = [index for index, part in enumerate(parts) if not part]
        if missing:
            self._fail(
                missing,
                "{Name} must include a " + _joined([PARTS[index] for index in missing]),
                "incomplete",
            )
        day_text, month_text, year_text = parts
        month_text = str(MONTH_NAMES.get(month_text.lower(), month_text))
        not_numbers = [
            index
            for index, part in enumerate((day_text, month_text, year_text))
            if not part.isascii() or not part.isdigit()
        ]
        if not_numbers:
            self._fail(not_numbers, "{Name} must be a real date", "invalid")
        day, month, year = int(day_text), int(month_text), int(year_text)
        if len(year_text) != 4:
            self._fail([2], "{Name} must include a year with 4 numbers, like 2027", "invalid")
        if not 1 <= month <= 12:
            self._fail([1], "{Name} must be a real date", "invalid")
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            self._fail([0], "{Name} must be a real date", "invalid")
        if not self.min_year <= year <= self.max_year:
            self._fail(
                [2],
                f"{{Name}} must be in a year from {self.min_year} to {self.max_year}",
                "out_of_range",
            )
        out = date(year, month, day)
        self.validate(out)
        self.run_validators(out)
        return out

    def compress(self, data_list):
        """Not used: `clean` reads the parts itself. Kept for MultiValueField's contract."""
        if not data_list or not all(data_list):
            return None
        day, month, year = data_list
        return date(int(year), int(month), int(day))


def summary_target(bound_field) -> str:
    """The id the error summary links to for a field: the first wrong box of a date, the first
    box of a date wrong as a whole (for example "must be after the start date"), the first
    checkbox or radio, or the input itself."""
    field = bound_field.field
    auto_id = bound_field.auto_id
    if isinstance(field.widget, forms.MultiWidget):
        wrong = getattr(field, "wrong_parts", None) or [0]
        return f"{auto_id}_{wrong[0]}"
    if isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        return f"{auto_id}_1"
    return auto_id
