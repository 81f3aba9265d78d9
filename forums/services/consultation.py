"""Recording requests made of groups and people (consultation load)."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from coproduction.people.models import (
    LocalArea,
    Person,
)
from forums.models import (
    ConsultationRequest,
    ParticipationGroup,
)
from forums.services.common import require_area_member

# Consultation load ------------------------------------------------------------------------


def consultation_request_record(
    *,
    area: LocalArea,
    kind: str,
    asked_on: date,
    hours_asked: Decimal,
    title: str,
    made_by: Person | None,
    group: ParticipationGroup | None = None,
    person: Person | None = None,
) -> ConsultationRequest:
    """Record one request made of a participation group or a person (or both).

    For any app: the initiatives app records its opportunities with kind "opportunity".
    Recording is never refused for being over the area's limit; pages warn first with
    `selectors.consultation_load_warnings`.
    """
    if group is None and person is None:
        raise ValidationError({"group": "Choose the group or the person you asked."})
    if group is not None and group.area_id != area.pk:
        raise ValidationError({"group": "Choose a group from this local area."})
    if person is not None:
        require_area_member(area_id=area.pk, person=person, field="person")
    request = ConsultationRequest(
        area=area,
        group=group,
        person=person,
        kind=kind,
        asked_on=asked_on,
        hours_asked=hours_asked,
        title=title.strip(),
        made_by=made_by,
    )
    request.full_clean()
    request.save()
    return request
