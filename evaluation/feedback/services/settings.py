"""An area's feedback settings."""

from django.db import transaction

from coproduction.people.models import LocalArea
from evaluation.feedback.models import FeedbackSettings


@transaction.atomic
def feedback_settings_update(*, area: LocalArea, **values) -> FeedbackSettings:
    """Save the area's settings (`weeks_to_respond`, `visibility`); made on first save.
    New due dates use the new number of weeks; items already recorded keep theirs."""
    settings, _created = FeedbackSettings.objects.select_for_update().get_or_create(area=area)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return settings
