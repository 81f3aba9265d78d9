"""Every change to groups, bodies, memberships, join requests, consultation requests and
partnership agreements happens here.

Callers check permissions first (forums/rules.py); these functions keep the rules of the
data: same area, no overlaps, no cycles, no half-done changes.
"""

import logging
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from coproduction.outbox.services import email_queue_template
from coproduction.people.models import (
    FAMILY_ROLES,
    AreaMembership,
    LocalArea,
    Organisation,
    Person,
    Role,
    Sector,
)
from forums.models import (
    CHAIR_ROLES,
    EQUALITY_QUESTIONS,
    AgreementOutcome,
    AgreementPayment,
    AgreementReviewReminder,
    AgreementScheduleItem,
    Body,
    BodyMembership,
    BodyRole,
    BodyStatus,
    ConsultationRequest,
    EqualityRecord,
    GroupKind,
    GroupMembership,
    JoinRequest,
    ParticipationGroup,
    PartnershipAgreement,
    PopulationFigure,
    RagStatus,
    RequestKind,
    current_on,
)
from forums.selectors import body_ancestor_ids, forget_chaired_bodies

logger = logging.getLogger(__name__)


def _area_membership(*, area_id: int, person: Person) -> AreaMembership | None:
    return AreaMembership.objects.filter(area_id=area_id, person=person).first()


def _require_area_member(*, area_id: int, person: Person, field: str) -> AreaMembership:
    membership = _area_membership(area_id=area_id, person=person)
    if membership is None:
        raise ValidationError({field: f"{person} is not a member of this local area."})
    return membership


# Participation groups ---------------------------------------------------------------------


def group_save(*, group: ParticipationGroup) -> ParticipationGroup:
    """Create or update a participation group (the organisation must be of its area)."""
    if group.organisation_id and group.organisation.area_id != group.area_id:
        raise ValidationError({"organisation": "Choose an organisation from this local area."})
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def group_member_add(
    *, group: ParticipationGroup, person: Person, role: str, joined_on: date | None = None
) -> GroupMembership:
    """Add a person of the group's area to the group. They cannot be a current member twice."""
    _require_area_member(area_id=group.area_id, person=person, field="person")
    # Lock the group so two simultaneous adds of one person cannot both pass the check.
    ParticipationGroup.objects.select_for_update().get(pk=group.pk)
    if GroupMembership.objects.filter(group=group, person=person, left_on=None).exists():
        raise ValidationError({"person": f"{person} is already a member of {group}."})
    membership = GroupMembership(
        group=group, person=person, role=role, joined_on=joined_on or timezone.localdate()
    )
    membership.full_clean()
    membership.save()
    return membership


def group_membership_set_role(*, membership: GroupMembership, role: str) -> GroupMembership:
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def group_member_leave(*, membership: GroupMembership, left_on: date | None = None) -> None:
    """Record that a person left the group. The row is kept as history."""
    membership = GroupMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.left_on is not None:
        return
    left_on = left_on or timezone.localdate()
    if left_on < membership.joined_on:
        raise ValidationError({"left_on": "The date they left must be on or after they joined."})
    membership.left_on = left_on
    membership.save(update_fields=["left_on"])


# Equality monitoring ----------------------------------------------------------------------


def equality_record_save(
    *,
    person: Person,
    consent: bool,
    age_band: str = "",
    ethnicity: str = "",
    disability: str = "",
    carer: str = "",
    main_language: str = "",
) -> EqualityRecord:
    """Keep a person's equality monitoring answers. Only with their consent."""
    if not consent:
        raise ValidationError(
            {"consent": "Tick the box to agree, or leave this page to share nothing."}
        )
    record = EqualityRecord.objects.filter(person=person).first() or EqualityRecord(person=person)
    record.age_band = age_band
    record.ethnicity = ethnicity
    record.disability = disability
    record.carer = carer
    record.main_language = main_language
    record.updated_at = timezone.now()
    record.full_clean()
    record.save()
    return record


def equality_record_withdraw(*, person: Person) -> None:
    """Withdraw consent: the answers are deleted, not kept."""
    EqualityRecord.objects.filter(person=person).delete()


def population_field_name(question: str, category: str) -> str:
    return f"{question}__{category}"


@transaction.atomic
def population_figures_save(
    *, area: LocalArea, figures: dict[tuple[str, str], Decimal | None]
) -> None:
    """Replace the area's population figures. `figures` maps (question, category) to a
    percentage, or None to clear it. The figures of one question cannot add up to more than
    100% (a tenth of a point is allowed for rounding)."""
    for question, _label, choices in EQUALITY_QUESTIONS:
        total = sum(
            (figures.get((question, value)) or Decimal(0) for value in choices.values),
            Decimal(0),
        )
        if total > Decimal("100.1"):
            first = population_field_name(question, choices.values[0])
            raise ValidationError(
                {first: f"These figures add up to {total}%. They cannot be more than 100%."}
            )
    PopulationFigure.objects.filter(area=area).delete()
    rows = []
    for (question, category), percent in figures.items():
        if percent is None:
            continue
        row = PopulationFigure(area=area, question=question, category=category, percent=percent)
        row.full_clean(validate_unique=False, validate_constraints=False)
        rows.append(row)
    PopulationFigure.objects.bulk_create(rows)


# Bodies -----------------------------------------------------------------------------------


def body_check_parent(*, body: Body, parent: Body | None) -> None:
    """Refuse a parent from another area, the body itself, or one of the bodies under it
    (which would make the body its own ancestor)."""
    if parent is None:
        return
    if parent.area_id != body.area_id:
        raise ValidationError({"parent": "Choose a board from this local area."})
    if body.pk is None:
        return
    if parent.pk == body.pk:
        raise ValidationError({"parent": f"{body} cannot report to itself."})
    if body.pk in body_ancestor_ids(body_id=parent.pk):
        raise ValidationError(
            {"parent": f"{parent} reports to {body} already, so {body} cannot report to it."}
        )


@transaction.atomic
def body_save(*, body: Body) -> Body:
    """Create or update a board or work stream.

    Locks the area's row while it checks the parent, so two changes made at the same moment
    cannot build a loop between them.
    """
    LocalArea.objects.select_for_update().get(pk=body.area_id)
    body_check_parent(body=body, parent=body.parent)
    body.sectors = sorted(set(body.sectors))
    body.full_clean()
    body.save()
    return body


def _check_membership_fields(membership: BodyMembership) -> None:
    area_id = membership.body.area_id
    _require_area_member(area_id=area_id, person=membership.person, field="person")
    organisation = membership.represents_organisation
    if organisation is not None and organisation.area_id != area_id:
        raise ValidationError(
            {"represents_organisation": "Choose an organisation from this local area."}
        )
    group = membership.represents_group
    if group is not None and group.area_id != area_id:
        raise ValidationError({"represents_group": "Choose a group from this local area."})
    if not membership.represents_sector and organisation is not None:
        membership.represents_sector = organisation.sector
    if membership.ended_on and membership.ended_on < membership.started_on:
        raise ValidationError({"ended_on": "The end date must be on or after the start date."})
    # Two date ranges overlap when each starts before the other ends (no end: open-ended).
    overlapping = (
        BodyMembership.objects.filter(body_id=membership.body_id, person_id=membership.person_id)
        .exclude(pk=membership.pk)
        .filter(Q(ended_on=None) | Q(ended_on__gte=membership.started_on))
    )
    if membership.ended_on:
        overlapping = overlapping.filter(started_on__lte=membership.ended_on)
    if overlapping.exists():
        raise ValidationError(
            {"person": f"{membership.person} is already a member of {membership.body} then."}
        )


@transaction.atomic
def body_membership_save(*, membership: BodyMembership) -> BodyMembership:
    """Add someone to a body or change their membership (role, whom they represent, dates).

    A person cannot hold two memberships of a body whose dates overlap; the database refuses
    it too. Locks the body so two adds of one person at once cannot both pass the check.
    """
    Body.objects.select_for_update().get(pk=membership.body_id)
    _check_membership_fields(membership)
    membership.full_clean()
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError as error:  # the exclusion constraint, if a race got past the check
        raise ValidationError(
            {"person": f"{membership.person} is already a member of {membership.body} then."}
        ) from error
    forget_chaired_bodies(membership.person)
    return membership


@transaction.atomic
def body_membership_end(*, membership: BodyMembership, ended_on: date | None = None) -> None:
    """Someone leaves a body: the end date is set and the row kept as history."""
    membership = BodyMembership.objects.select_for_update().get(pk=membership.pk)
    ended_on = ended_on or timezone.localdate()
    if membership.ended_on is not None and membership.ended_on <= ended_on:
        return
    if ended_on < membership.started_on:
        raise ValidationError(
            {
                "ended_on": "The end date must be on or after the start date. To take out a "
                "membership that has not started, change its dates."
            }
        )
    membership.ended_on = ended_on
    membership.full_clean()
    membership.save(update_fields=["ended_on"])


# Join requests ----------------------------------------------------------------------------


def _leaders_emails(body: Body) -> list[str]:
    return list(
        BodyMembership.objects.filter(
            current_on(timezone.localdate()), body=body, role__in=list(CHAIR_ROLES)
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
    membership = _area_membership(area_id=body.area_id, person=person)
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
    membership = _area_membership(area_id=area_id, person=person)
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
    membership = BodyMembership(
        body=body,
        person=person,
        role=BodyRole.MEMBER,
        started_on=timezone.localdate(),
        **_representing(person=person, area_id=body.area_id),
    )
    if BodyMembership.objects.filter(
        current_on(timezone.localdate()), body=body, person=person
    ).exists():
        raise ValidationError(
            f"{person} is already a member of {body}. Decline this request instead."
        )
    body_membership_save(membership=membership)
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
    )
    return join_request


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
        _require_area_member(area_id=area.pk, person=person, field="person")
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


# Partnership agreements -------------------------------------------------------------------


def _require_draft(agreement: PartnershipAgreement) -> None:
    if agreement.status != PartnershipAgreement.Status.DRAFT:
        raise ValidationError(
            "A signed agreement is not changed. Renew it to make a new version to change."
        )


@transaction.atomic
def agreement_save(
    *,
    agreement: PartnershipAgreement,
    parties: list[Organisation],
    signatories: list[Person],
) -> PartnershipAgreement:
    """Create an agreement, or change a draft one, with its parties and signatories."""
    if agreement.pk:
        stored = PartnershipAgreement.objects.select_for_update().get(pk=agreement.pk)
        _require_draft(stored)
    if not parties:
        raise ValidationError({"parties": "Choose the organisations that are party to it."})
    if any(party.area_id != agreement.area_id for party in parties):
        raise ValidationError({"parties": "Choose organisations from this local area."})
    members = set(
        AreaMembership.objects.filter(
            area_id=agreement.area_id, person__in=signatories
        ).values_list("person_id", flat=True)
    )
    if any(person.pk not in members for person in signatories):
        raise ValidationError({"signatories": "Choose signatories from this local area."})
    if agreement.reviewing_body_id and agreement.reviewing_body.area_id != agreement.area_id:
        raise ValidationError({"reviewing_body": "Choose a board from this local area."})
    if agreement.starts_on and agreement.review_on and agreement.review_on <= agreement.starts_on:
        raise ValidationError({"review_on": "The review date must be after the start date."})
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties)
    agreement.signatories.set(signatories)
    return agreement


@transaction.atomic
def agreement_part_save(
    *, part: AgreementPayment | AgreementScheduleItem | AgreementOutcome
) -> AgreementPayment | AgreementScheduleItem | AgreementOutcome:
    """Add or change a payment rate, schedule item or outcome of a draft agreement."""
    _require_draft(PartnershipAgreement.objects.select_for_update().get(pk=part.agreement_id))
    if isinstance(part, AgreementOutcome):
        part.updated_at = timezone.now()
    part.full_clean()
    part.save()
    return part


@transaction.atomic
def agreement_part_delete(
    *, part: AgreementPayment | AgreementScheduleItem | AgreementOutcome
) -> None:
    _require_draft(PartnershipAgreement.objects.select_for_update().get(pk=part.agreement_id))
    part.delete()


def agreement_outcome_record_progress(
    *, outcome: AgreementOutcome, status: str, evidence: str
) -> AgreementOutcome:
    """Record how an agreed outcome is going (red, amber, green) and the evidence.

    Allowed on a signed agreement: progress is monitoring, not a change to what was agreed.
    Not on a superseded one, whose year is over.
    """
    if outcome.agreement.status == PartnershipAgreement.Status.SUPERSEDED:
        raise ValidationError("This version has been replaced. Record progress on the new one.")
    outcome.status = status
    outcome.evidence = evidence.strip()
    outcome.updated_at = timezone.now()
    outcome.full_clean()
    outcome.save(update_fields=["status", "evidence", "updated_at"])
    return outcome


@transaction.atomic
def agreement_sign(*, agreement: PartnershipAgreement, signed_on: date) -> PartnershipAgreement:
    """Record that a draft was signed. The version it renews is superseded."""
    agreement = PartnershipAgreement.objects.select_for_update().get(pk=agreement.pk)
    _require_draft(agreement)
    if not agreement.signatories.exists():
        raise ValidationError({"signed_on": "Add the signatories before recording the signing."})
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": "The date it was signed must be today or earlier."})
    agreement.status = PartnershipAgreement.Status.SIGNED
    agreement.signed_on = signed_on
    agreement.full_clean()
    agreement.save(update_fields=["status", "signed_on"])
    if agreement.previous_version_id:
        PartnershipAgreement.objects.filter(pk=agreement.previous_version_id).update(
            status=PartnershipAgreement.Status.SUPERSEDED
        )
    return agreement


@transaction.atomic
def agreement_renew(*, agreement: PartnershipAgreement) -> PartnershipAgreement:
    """Start next year's version: a draft copied from the signed one (parties, signatories,
    funding, payments, schedule a year on, outcomes to assess afresh). One renewal per
    version."""
    agreement = PartnershipAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.status != PartnershipAgreement.Status.SIGNED:
        raise ValidationError("Only the signed version of an agreement can be renewed.")
    if PartnershipAgreement.objects.filter(previous_version=agreement).exists():
        raise ValidationError("This version has been renewed already. Open the draft.")
    year = relativedelta(years=1)
    renewal = PartnershipAgreement(
        area_id=agreement.area_id,
        title=agreement.title,
        version=agreement.version + 1,
        first_version_id=agreement.first_version_id or agreement.pk,
        previous_version=agreement,
        starts_on=agreement.review_on,
        review_on=agreement.review_on + year,
        reviewing_body_id=agreement.reviewing_body_id,
        core_funding_amount=agreement.core_funding_amount,
        core_funding_period=agreement.core_funding_period,
    )
    renewal.full_clean()
    renewal.save()
    renewal.parties.set(agreement.parties.all())
    renewal.signatories.set(agreement.signatories.all())
    AgreementPayment.objects.bulk_create(
        AgreementPayment(
            agreement=renewal,
            kind=payment.kind,
            description=payment.description,
            rate=payment.rate,
            unit=payment.unit,
        )
        for payment in agreement.payments.all()
    )
    AgreementScheduleItem.objects.bulk_create(
        AgreementScheduleItem(
            agreement=renewal,
            kind=item.kind,
            title=item.title,
            planned_on=item.planned_on + year,
            notes=item.notes,
        )
        for item in agreement.schedule.all()
    )
    AgreementOutcome.objects.bulk_create(
        AgreementOutcome(agreement=renewal, outcome=outcome.outcome, status=RagStatus.NOT_STARTED)
        for outcome in agreement.outcomes.all()
    )
    return renewal


# How long after the review date an "on the day" reminder still goes, if beat missed the day.
ON_THE_DAY_GRACE = timedelta(days=7)


def _reminder_kind_due(agreement: PartnershipAgreement, today: date) -> str | None:
    if agreement.review_on <= today <= agreement.review_on + ON_THE_DAY_GRACE:
        return AgreementReviewReminder.Kind.ON_THE_DAY
    if agreement.review_on - relativedelta(months=1) <= today < agreement.review_on:
        return AgreementReviewReminder.Kind.MONTH_BEFORE
    return None


def agreement_review_reminders_send(*, today: date) -> int:
    """Email the signatories of signed agreements whose annual review is a month away or
    today. Each reminder goes once to each signatory: a row per reminder with a unique
    constraint decides, so running this twice (or in two workers) sends nothing more.
    Returns how many reminders were queued."""
    due = PartnershipAgreement.objects.filter(
        status=PartnershipAgreement.Status.SIGNED,
        review_on__gt=today - ON_THE_DAY_GRACE - timedelta(days=1),
        review_on__lte=today + relativedelta(months=1),
    ).values_list("pk", flat=True)
    sent = 0
    for agreement_id in due:
        sent += _agreement_reminders_send(agreement_id=agreement_id, today=today)
    return sent


@transaction.atomic
def _agreement_reminders_send(*, agreement_id: int, today: date) -> int:
    agreement = (
        PartnershipAgreement.objects.select_for_update(of=("self",))
        .select_related("area", "reviewing_body")
        .get(pk=agreement_id)
    )
    kind = _reminder_kind_due(agreement, today)
    if kind is None or agreement.status != PartnershipAgreement.Status.SIGNED:
        return 0
    sent = 0
    for person in agreement.signatories.all():
        _reminder, created = AgreementReviewReminder.objects.get_or_create(
            agreement=agreement, kind=kind, person=person
        )
        if not created:
            continue
        email_queue_template(
            to=person.email,
            template="forums/email/agreement_review_reminder",
            context={
                "agreement": agreement,
                "person": person,
                "on_the_day": kind == AgreementReviewReminder.Kind.ON_THE_DAY,
            },
            purpose="agreement review reminder",
        )
        sent += 1
    if sent:
        logger.info("Sent %s review reminders for agreement %s", sent, agreement.pk)
    return sent
