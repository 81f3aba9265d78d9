"""Recording, answering, leaving out, anonymising and publishing feedback."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.feedback import selectors, services
from evaluation.feedback.anonymise import NAME_MASK
from evaluation.feedback.models import FeedbackItem, LeaveOutReason, Source, Topic
from tests.feedback.factories import FeedbackItemFactory, answered, published
from tests.forums.factories import BodyFactory
from tests.initiatives.factories import InitiativeFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def record(area, officer, **fields):
    values = {
        "text": "The Local Offer has nothing on short breaks.",
        "source": Source.SURVEY,
        "topic": Topic.LOCAL_OFFER_CONTENT,
        "said_on": TODAY - timedelta(days=3),
    }
    values.update(fields)
    return services.feedback_record(area=area, by=officer, **values)


@pytest.fixture
def officer(area):
    return member(area, Role.OFFICER, display_name="Helen Ward")


def test_a_response_is_due_eight_weeks_after_the_feedback_by_default(area, officer):
    item = record(area, officer)
    assert item.due_on == item.said_on + timedelta(weeks=8)
    assert [change.status for change in item.changes.all()] == ["Received"]


def test_the_area_setting_changes_weeks_to_respond(area, officer):
    services.feedback_settings_update(area=area, weeks_to_respond=4)
    assert record(area, officer).due_on == TODAY - timedelta(days=3) + timedelta(weeks=4)


def test_an_item_with_no_text_is_refused(area, officer):
    with pytest.raises(ValidationError) as error:
        record(area, officer, text="   ")
    assert "text" in error.value.error_dict
    assert not FeedbackItem.objects.exists()


def test_a_named_service_needs_its_name(area, officer):
    with pytest.raises(ValidationError) as error:
        record(area, officer, topic=Topic.SERVICE)
    assert "service_name" in error.value.error_dict
    item = record(area, officer, topic=Topic.SERVICE, service_name="Short breaks team")
    assert item.topic_label == "Short breaks team (a named service)"


def test_links_must_be_of_the_same_area(area, other_area, officer):
    with pytest.raises(ValidationError) as error:
        record(
            area,
            officer,
            body=BodyFactory(area=other_area),
            initiative=InitiativeFactory(area=other_area),
        )
    assert {"body", "initiative"} <= set(error.value.error_dict)
    item = record(
        area, officer, body=BodyFactory(area=area), initiative=InitiativeFactory(area=area)
    )
    assert item.body.area == area


def test_a_family_sends_their_own_feedback_said_today(area):
    parent = member(area, Role.PARENT_CARER)
    item = services.feedback_send(
        area=area,
        person=parent,
        text="Hard to find the SENDIASS number.",
        topic=Topic.ACCESSIBILITY,
    )
    assert (item.said_by, item.said_on, item.source) == (parent, TODAY, Source.PORTAL)


# Responses -------------------------------------------------------------------------------


def respond(item, officer, **fields):
    values = {"kind": "did", "text": "We added it.", "owner": officer, "due_on": item.due_on}
    values.update(fields)
    return services.feedback_respond(item=item, by=officer, **values)


def test_we_will_needs_a_date_and_we_could_not_needs_why(area, officer):
    item = FeedbackItemFactory(area=area)
    with pytest.raises(ValidationError) as error:
        respond(item, officer, kind="will")
    assert "will_by" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        respond(item, officer, kind="could_not")
    assert "could_not_why" in error.value.error_dict


def test_a_due_date_before_the_item_is_refused(area, officer):
    item = FeedbackItemFactory(area=area)
    with pytest.raises(ValidationError) as error:
        respond(item, officer, due_on=item.said_on - timedelta(days=1))
    assert "due_on" in error.value.error_dict


def test_the_owner_must_be_an_officer_of_the_area(area, other_area, officer):
    item = FeedbackItemFactory(area=area)
    with pytest.raises(ValidationError) as error:
        respond(item, officer, owner=member(other_area, Role.OFFICER))
    assert "owner" in error.value.error_dict
    with pytest.raises(ValidationError):
        respond(item, officer, owner=member(area, Role.PARENT_CARER))


def test_every_change_of_response_is_recorded_with_who_and_when(area, officer):
    item = FeedbackItemFactory(area=area)
    respond(item, officer, kind="will", will_by=TODAY + timedelta(days=30), text="We will add it.")
    respond(item, officer, kind="did", text="We added it.")
    item.refresh_from_db()
    statuses = [change.status for change in item.changes.all()]
    assert statuses[0].startswith("We will")
    assert statuses[1].startswith("We did")
    assert all(change.changed_by == officer for change in item.changes.all())
    assert item.first_answered_on == TODAY
    assert item.will_by is None  # a "we did" has no "will by" date


def test_evidence_is_of_the_same_area(area, other_area, officer):
    item = FeedbackItemFactory(area=area)
    with pytest.raises(ValidationError) as error:
        respond(item, officer, evidence_initiative=InitiativeFactory(area=other_area))
    assert "evidence_initiative" in error.value.error_dict
    respond(item, officer, evidence_url="https://www.example.org/local-offer-review.pdf")


# Leaving out -----------------------------------------------------------------------------


@pytest.mark.parametrize("reason", [LeaveOutReason.VEXATIOUS, LeaveOutReason.OWN_SERVICES])
def test_an_item_can_be_left_out_with_a_recorded_reason(area, officer, reason):
    item = published(FeedbackItemFactory(area=area))
    services.feedback_leave_out(item=item, by=officer, reason=reason, note="See the notes.")
    item.refresh_from_db()
    assert item.leave_out_reason == reason
    assert item.published_at is None  # taken down
    assert item.changes.last().status.startswith("Left out of publication")
    assert not selectors.published_queryset(area=area).exists()


def test_a_duplicate_names_the_item_it_repeats_of_the_same_area(area, other_area, officer):
    first = FeedbackItemFactory(area=area)
    second = FeedbackItemFactory(area=area)
    with pytest.raises(ValidationError):
        services.feedback_leave_out(item=second, by=officer, reason=LeaveOutReason.DUPLICATE)
    with pytest.raises(ValidationError):
        services.feedback_leave_out(
            item=second,
            by=officer,
            reason=LeaveOutReason.DUPLICATE,
            duplicate_of=FeedbackItemFactory(area=other_area),
        )
    with pytest.raises(ValidationError):
        services.feedback_leave_out(
            item=second, by=officer, reason=LeaveOutReason.DUPLICATE, duplicate_of=second
        )
    services.feedback_leave_out(
        item=second, by=officer, reason=LeaveOutReason.DUPLICATE, duplicate_of=first
    )
    second.refresh_from_db()
    assert second.duplicate_of == first
    assert f"item {first.pk}" in second.changes.last().status


def test_a_left_out_item_cannot_be_published_until_put_back(area, officer):
    item = answered(FeedbackItemFactory(area=area))
    services.feedback_anonymise_confirm(item=item, by=officer, text="Checked text.")
    services.feedback_leave_out(item=item, by=officer, reason=LeaveOutReason.VEXATIOUS)
    with pytest.raises(ValidationError):
        services.feedback_publish(item=item, by=officer)
    services.feedback_put_back(item=item, by=officer)
    assert services.feedback_publish(item=item, by=officer).is_published


# Anonymising and publishing --------------------------------------------------------------


def test_publishing_without_the_confirmed_text_is_refused_with_a_clear_message(area, officer):
    item = answered(FeedbackItemFactory(area=area))
    with pytest.raises(ValidationError) as error:
        services.feedback_publish(item=item, by=officer)
    assert error.value.messages == [services.NOT_CONFIRMED]
    item.refresh_from_db()
    assert item.published_at is None


def test_a_published_item_always_has_confirmed_text(area):
    item = FeedbackItemFactory(area=area)
    item.published_at = timezone.now()
    with pytest.raises(IntegrityError):
        item.save()


def test_the_suggestion_masks_the_names_of_the_areas_people(area, other_area, officer):
    parent = member(area, Role.PARENT_CARER, display_name="Priya Shah")
    member(other_area, Role.PARENT_CARER, display_name="Tomasz Nowak")
    item = FeedbackItemFactory(
        area=area, said_by=parent, text="Priya Shah asked Helen Ward; Tomasz Nowak did not."
    )
    assert selectors.suggested_text(item=item) == (
        f"{NAME_MASK} asked {NAME_MASK}; Tomasz Nowak did not."
    )


def test_only_the_confirmed_text_is_published(area, officer):
    item = answered(FeedbackItemFactory(area=area, text="Call me on 07700 900123."))
    suggested = selectors.suggested_text(item=item)
    services.feedback_anonymise_confirm(
        item=item, by=officer, text="Call the team (number removed).", suggested=suggested
    )
    services.feedback_publish(item=item, by=officer)
    rows = selectors.published_items(
        area=area, period_start=TODAY - timedelta(days=30), period_end=TODAY
    )
    assert [row["text"] for row in rows] == ["Call the team (number removed)."]
    assert "said_by" not in rows[0]
    item.refresh_from_db()
    assert item.masked_text == "Call me on [phone number removed]."
