"""Recording requests made of groups and people. Every app records its requests here."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db.models import Model

from coproduction.consultation.models import ConsultationRequest
from coproduction.people.models import (
    LocalArea,
    Person,
)
from coproduction.people.selectors import area_membership_get


def consultation_request_record(
    *,
    area: LocalArea,
    kind: str,
    asked_on: date,
    hours_asked: Decimal,
    title: str,
    made_by: Person | None,
    group: Model | None = None,
    person: Person | None = None,
) -> ConsultationRequest:
    """Record one request made of a participation group (forums' ParticipationGroup, given
    here as a model so this shared app does not import forums) or a person, or both.

        For any app: the initiatives app records its opportunities with kind "opportunity".
        Recording is never refused for being over the area's limit; pages warn first with
        `coproduction.consultation.selectors.consultation_load_warnings`. Raises ValidationError
        (at `group` or `person`) for a group or person from another area, or when neither is given.
    """
    if group is None and person is None:
        raise ValidationError({"group": "Choose the group or the person you asked."})
    if group is not None and cast(Any, group).area_id != area.pk:
        raise ValidationError({"group": "Choose a group from this local area."})
    if person is not None and area_membership_get(area=area, person_id=person.pk) is None:
        raise ValidationError({"person": f"{person} is not a member of this local area."})
    request = ConsultationRequest(
        area=area,
        group=cast(Any, group),
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
