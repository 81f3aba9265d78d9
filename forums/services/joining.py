"""Requests to join boards and work streams, and their answers."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.consultation.models import RequestKind
from coproduction.consultation.services import consultation_request_record
from coproduction.outbox.services import email_queue_template
from coproduction.people.models import (
    FAMILY_ROLES,
    Person,
    Role,
    Sector,
)
from coproduction.people.selectors import area_membership_get
from forums.details import BodyMembershipDetails
from forums.models import (
    CHAIR_ROLES,
    Body,
    BodyMembership,
    BodyRole,
    BodyStatus,
    GroupKind,
    GroupMembership,
    JoinRequest,
    current_on,
)
from forums.services.bodies import body_membership_save

# Join requests ----------------------------------------------------------------------------


def _leaders_emails(body: Body) -> list[str]:
    """The addresses of the body's chairs and leads who still belong to its area."""
    return list(
        BodyMembership.objects.filter(
            current_on(timezone.localdate()),
            body=body,
            role__in=list(CHAIR_ROLES),
            person__memberships__area_id=body.area_id,
        ).values_list("person__email", flat=True)
    )


@transaction.atomic
def join_request_create(*, body: Body, person: Person, note: str) -> JoinRequest:
    """A parent carer representative or young person asks to join an open body.

    Its chairs and leads are emailed. Refused when the body is closed or ended, has nobody to
    answer, when the person is on it already, or when they have a request waiting (a unique
    constraint too).
    """
    body = Body.objects.select_for_update().select_related("area").get(pk=body.pk)
    membership = area_membership_get(area=body.area_id, person_id=person.pk)
    if membership is None or not set(membership.roles) & FAMILY_ROLES:
        raise ValidationError("Only parent carer representatives and young people can ask to join.")
    if not body.open_to_requests or body.status == BodyStatus.ENDED:
        raise ValidationError(f"{body} is not taking requests to join at the moment.")
    if BodyMembership.objects.filter(
        current_on(timezone.localdate()), body=body, person=person
    ).exists():
        raise ValidationError(f"You are already a member of {body}.")
    if JoinRequest.objects.filter(
        body=body, person=person, status=JoinRequest.Status.PENDING
    ).exists():
        raise ValidationError(f"You have already asked to join {body}. The chair will answer soon.")
    leaders = _leaders_emails(body)
    if not leaders:
        raise ValidationError(
            f"{body} has no chair or lead to answer requests yet. Ask again when it has one."
        )
    join_request = JoinRequest(body=body, person=person, note=note.strip())
    join_request.full_clean()
    join_request.save()
    for email in leaders:
        email_queue_template(
            to=email,
            template="forums/email/join_request_received",
            context={"join_request": join_request, "body": body},
            purpose="join request received",
            area=body.area,
        )
    return join_request


def _locked_pending(join_request: JoinRequest) -> JoinRequest:
    join_request = (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("body", "body__area", "person")
        .get(pk=join_request.pk)
    )
    if join_request.status != JoinRequest.Status.PENDING:
        raise ValidationError(
            f"This request has already been {join_request.get_status_display().lower()}."
        )
    return join_request


@transaction.atomic
def join_request_withdraw(*, join_request: JoinRequest) -> JoinRequest:
    """The person who asked takes the request back (only while it waits)."""
    join_request = _locked_pending(join_request)
    join_request.status = JoinRequest.Status.WITHDRAWN
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_at"])
    return join_request


def _representing(*, person: Person, area_id: int) -> dict:
    """Whom a family member represents when they join: their role's sector, their
    organisation, and their parent carer forum or youth forum."""
    membership = area_membership_get(area=area_id, person_id=person.pk)
    roles = set(membership.roles) if membership else set()
    if Role.PARENT_CARER in roles:
        sector, kinds = Sector.PARENT_CARERS, [GroupKind.PARENT_CARER_FORUM]
    elif Role.YOUNG_PERSON in roles:
        sector, kinds = Sector.YOUNG_PEOPLE, [GroupKind.YOUTH_FORUM]
    else:
        sector, kinds = "", []
    group_membership = (
        GroupMembership.objects.filter(
            person=person, left_on=None, group__area_id=area_id, group__kind__in=kinds
        )
        .select_related("group")
        .order_by("group__name")
        .first()
    )
    return {
        "represents_sector": sector,
        "represents_organisation": membership.organisation if membership else None,
        "represents_group": group_membership.group if group_membership else None,
    }


@transaction.atomic
def join_request_accept(*, join_request: JoinRequest, decided_by: Person) -> BodyMembership:
    """The chair, co-chair or lead accepts: the person becomes a member from today, the seat
    is recorded as a request of them (consultation load) and they are emailed.

    The caller has checked `forums.decide_join_request`.
    """
    join_request = _locked_pending(join_request)
    body, person = join_request.body, join_request.person
    if BodyMembership.objects.filter(
        current_on(timezone.localdate()), body=body, person=person
    ).exists():
        raise ValidationError(
            f"{person} is already a member of {body}. Decline this request instead."
        )
    membership = body_membership_save(
        body=body,
        details=BodyMembershipDetails(
            person=person,
            role=BodyRole.MEMBER,
            started_on=timezone.localdate(),
            **_representing(person=person, area_id=body.area_id),
        ),
    )
    join_request.status = JoinRequest.Status.ACCEPTED
    join_request.decided_at = timezone.now()
    join_request.decided_by = decided_by
    join_request.membership = membership
    join_request.save(update_fields=["status", "decided_at", "decided_by", "membership"])
    consultation_request_record(
        area=body.area,
        person=person,
        kind=RequestKind.WORK_STREAM_SEAT,
        asked_on=timezone.localdate(),
        hours_asked=body.hours_per_term or Decimal(0),
        title=f"Seat on {body}",
        made_by=decided_by,
    )
    email_queue_template(
        to=person.email,
        template="forums/email/join_request_accepted",
        context={"join_request": join_request, "body": body, "decided_by": decided_by},
        purpose="join request accepted",
        area=body.area,
    )
    return membership


@transaction.atomic
def join_request_decline(
    *, join_request: JoinRequest, decided_by: Person, reason: str
) -> JoinRequest:
    """The chair, co-chair or lead declines, with a reason the person is emailed."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": "Enter the reason. The person who asked will see it in an email."}
        )
    join_request = _locked_pending(join_request)
    join_request.status = JoinRequest.Status.DECLINED
    join_request.decided_at = timezone.now()
    join_request.decided_by = decided_by
    join_request.decline_reason = reason
    join_request.save(update_fields=["status", "decided_at", "decided_by", "decline_reason"])
    email_queue_template(
        to=join_request.person.email,
        template="forums/email/join_request_declined",
        context={"join_request": join_request, "body": join_request.body},
        purpose="join request declined",
        area=join_request.body.area,
    )
    return join_request
