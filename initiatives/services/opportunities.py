"""Opportunities to get involved, and the interest people express in them."""

import logging
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from coproduction.consultation.models import RequestKind
from coproduction.consultation.services import consultation_request_record
from coproduction.outbox.services import email_queue_template
from coproduction.people.models import Person
from coproduction.people.selectors import area_membership_get
from initiatives.details import OpportunityDetails
from initiatives.models import Initiative, Interest, Opportunity
from initiatives.services.history import Action, record_change

logger = logging.getLogger(__name__)


def _check_closing_date(closes_on: date) -> None:
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": "The closing date must be today or in the future."})


@transaction.atomic
def opportunity_open(
    *, initiative: Initiative, by: Person, details: OpportunityDetails
) -> Opportunity:
    """Open a way to get involved in `initiative`; `by` answers the interest it gets."""
    _check_closing_date(details.closes_on)
    opportunity = Opportunity(area_id=initiative.area_id, initiative=initiative, opened_by=by)
    details.apply_to(opportunity)
    opportunity.full_clean()
    opportunity.save()
    record_change(initiative, by, Action.OPPORTUNITY_OPENED, new_value=opportunity.title)
    return opportunity


@transaction.atomic
def opportunity_update(
    *, opportunity: Opportunity, by: Person, details: OpportunityDetails
) -> Opportunity:
    """Change an opportunity. A closing date in the past is refused unless it is unchanged."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if details.closes_on != opportunity.closes_on:
        _check_closing_date(details.closes_on)
    accepted = opportunity.interests.filter(status=Interest.Status.ACCEPTED).count()
    if details.places is not None and details.places < accepted:
        raise ValidationError(
            {
                "places": f"You have already accepted {accepted} people. "
                f"Enter {accepted} places or more."
            }
        )
    details.apply_to(opportunity)
    opportunity.full_clean()
    opportunity.save()
    record_change(
        opportunity.initiative, by, Action.OPPORTUNITY_CHANGED, new_value=opportunity.title
    )
    return opportunity


@transaction.atomic
def opportunity_close(*, opportunity: Opportunity, by: Person) -> Opportunity:
    """Stop taking interest before the closing date. Safe to repeat."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if opportunity.closed_early_at is None:
        opportunity.closed_early_at = timezone.now()
        opportunity.save(update_fields=["closed_early_at"])
        record_change(
            opportunity.initiative, by, Action.OPPORTUNITY_CLOSED, old_value=opportunity.title
        )
    return opportunity


# Interest ------------------------------------------------------------------------------------


def _opportunity_url(opportunity: Opportunity) -> str:
    return settings.SITE_URL + reverse(
        "initiatives:opportunity",
        kwargs={
            "area_slug": opportunity.area.slug,
            "code": opportunity.initiative.code,
            "pk": opportunity.pk,
        },
    )


def _accepted_count(opportunity: Opportunity) -> int:
    return opportunity.interests.filter(status=Interest.Status.ACCEPTED).count()


def _email_owner(opportunity: Opportunity, interest: Interest, template: str, purpose: str):
    owner = opportunity.opened_by
    if (
        owner is None
        or not owner.is_active
        or area_membership_get(area=opportunity.area_id, person_id=owner.pk) is None
    ):
        logger.info("Opportunity %s has no officer to tell about %s", opportunity.pk, purpose)
        return
    email_queue_template(
        to=owner.email,
        template=f"initiatives/email/{template}",
        context={
            "opportunity": opportunity,
            "interest": interest,
            "url": _opportunity_url(opportunity),
        },
        purpose=purpose,
        area=opportunity.area,
    )


def _email_person(interest: Interest, template: str, purpose: str):
    email_queue_template(
        to=interest.person.email,
        template=f"initiatives/email/{template}",
        context={
            "opportunity": interest.opportunity,
            "interest": interest,
            "url": _opportunity_url(interest.opportunity),
        },
        purpose=purpose,
        area=interest.opportunity.area,
    )


@transaction.atomic
def interest_express(*, opportunity: Opportunity, person: Person, message: str = "") -> Interest:
    """Record that `person` would like to take part, and email them and the officer.

    One interest per person and opportunity (a unique constraint): someone who withdrew may
    ask again while the opportunity is open. Refused when the closing date has passed, the
    officer closed it, every place is taken, or it is not for people in the person's role.
    """
    opportunity = (
        Opportunity.objects.select_for_update(of=("self",))
        .select_related("area", "initiative", "opened_by")
        .get(pk=opportunity.pk)
    )
    if not opportunity.is_for_roles(person.area_roles().get(opportunity.area_id, ())):
        raise ValidationError(
            f"This opportunity is for {opportunity.get_audience_display().lower()}."
        )
    if opportunity.has_closed():
        raise ValidationError("This opportunity has closed. It is not taking interest any more.")
    if opportunity.is_full(_accepted_count(opportunity)):
        raise ValidationError("Every place has been taken. It is not taking interest any more.")
    interest = Interest.objects.filter(opportunity=opportunity, person=person).first()
    if interest is not None and interest.status != Interest.Status.WITHDRAWN:
        raise ValidationError("You have already said you are interested.")
    if interest is None:
        interest = Interest(opportunity=opportunity, person=person)
    interest.message = message.strip()
    interest.status = Interest.Status.PENDING
    interest.response, interest.responded_by, interest.responded_at = "", None, None
    interest.updated_at = timezone.now()
    interest.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            interest.save()
    except IntegrityError:
        # A second click that raced the first one: the first one counts.
        raise ValidationError("You have already said you are interested.") from None
    _email_owner(opportunity, interest, "interest_received", "interest received")
    _email_person(interest, "interest_confirmation", "interest confirmation")
    return interest


@transaction.atomic
def interest_withdraw(*, interest: Interest, by: Person) -> Interest:
    """The person takes back their interest (waiting or accepted). Safe to repeat."""
    interest = (
        Interest.objects.select_for_update(of=("self",))
        .select_related("opportunity__area", "opportunity__initiative", "opportunity__opened_by")
        .get(pk=interest.pk)
    )
    if interest.person_id != by.pk:
        raise ValidationError("Only the person who expressed interest can withdraw it.")
    if interest.status == Interest.Status.WITHDRAWN:
        return interest
    if interest.status == Interest.Status.DECLINED:
        raise ValidationError("This interest was not accepted, so there is nothing to withdraw.")
    interest.status = Interest.Status.WITHDRAWN
    interest.updated_at = timezone.now()
    interest.save(update_fields=["status", "updated_at"])
    _email_owner(interest.opportunity, interest, "interest_withdrawn", "interest withdrawn")
    return interest


def _respond(interest: Interest, by: Person, message: str, status: str) -> Interest:
    interest = (
        Interest.objects.select_for_update(of=("self",))
        .select_related(
            "person", "opportunity__area", "opportunity__initiative", "opportunity__opened_by"
        )
        .get(pk=interest.pk)
    )
    if interest.status != Interest.Status.PENDING:
        raise ValidationError(
            f"This interest is no longer waiting for an answer "
            f"({interest.get_status_display().lower()})."
        )
    message = message.strip()
    if not message:
        raise ValidationError(
            {"response": "Write a message to them. We email it with your answer."}
        )
    if status == Interest.Status.ACCEPTED:
        # Lock the opportunity so two officers cannot both fill the last place.
        opportunity = Opportunity.objects.select_for_update().get(pk=interest.opportunity_id)
        if opportunity.is_full(_accepted_count(opportunity)):
            raise ValidationError(
                {
                    "decision": f"All {opportunity.places} places are filled. "
                    "Decline, or give the opportunity more places first."
                }
            )
    interest.status = status
    interest.response = message
    interest.responded_by = by
    interest.responded_at = interest.updated_at = timezone.now()
    interest.save(
        update_fields=["status", "response", "responded_by", "responded_at", "updated_at"]
    )
    return interest


@transaction.atomic
def interest_accept(*, interest: Interest, by: Person, message: str) -> Interest:
    """Accept interest that is waiting for an answer and email the person `message`.

    Refused when every place is already filled. The opportunity's row is locked meanwhile.
    """
    interest = _respond(interest, by, message, Interest.Status.ACCEPTED)
    opportunity = interest.opportunity
    # Taking part is a request of the person's time: it counts in their consultation load.
    consultation_request_record(
        area=opportunity.area,
        kind=RequestKind.OPPORTUNITY,
        asked_on=timezone.localdate(),
        hours_asked=opportunity.hours_asked,
        title=opportunity.title,
        made_by=by,
        person=interest.person,
    )
    _email_person(interest, "interest_accepted", "interest accepted")
    return interest


@transaction.atomic
def interest_decline(*, interest: Interest, by: Person, message: str) -> Interest:
    """Decline interest that is waiting for an answer and email the person `message`."""
    interest = _respond(interest, by, message, Interest.Status.DECLINED)
    _email_person(interest, "interest_declined", "interest declined")
    return interest
