"""What every forums form shares: the date field, required messages, area choices."""

from coproduction.forms.dates import GovUKDateField
from coproduction.people.models import LocalArea


def date_field(label: str, *, required: bool = True, hint: str = "", name: str = "date"):
    """The portal's GOV.UK date input; messages call it "the <name>"."""
    return GovUKDateField(
        label=label,
        name=f"the {name}",
        required=required,
        help_text=hint or "For example, 2 9 2026",
    )


def required(message: str) -> dict:
    return {"required": message}


class AreaChoiceMixin:
    """Forms whose choices are rows of one area: the view passes `area`."""

    def __init__(self, *args, area: LocalArea, **kwargs):
        self.area = area
        super().__init__(*args, **kwargs)
