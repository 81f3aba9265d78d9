"""When someone is taken out of an area, what they held there ends with it.

The reported case (hardening issue, item 3): after removal with the "Remove" page, an officer
who led a Leeds work stream still saw "... asks to join ..." on their home page and was
emailed new join-request notes and interest messages.
"""

import re

import pytest
from django.core import mail
from django.utils import timezone

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import AreaMembership, Role
from forums.models import BodyMembership, BodyRole, GroupMembership, JoinRequest
from initiatives.models import Interest
from tests.forums.factories import (
    BodyFactory,
    BodyMembershipFactory,
    GroupMembershipFactory,
    JoinRequestFactory,
    ParticipationGroupFactory,
    body_member,
)
from tests.initiatives.factories import InitiativeFactory, InterestFactory, OpportunityFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def leeds(other_area):
    return other_area


@pytest.fixture
def lead(area, leeds):
    """An officer in Birmingham and Leeds, who leads a Leeds work stream."""
    officer = member(leeds, Role.OFFICER, email="lead@example.org", display_name="Pat Lead")
    AreaMembership.objects.create(person=officer, area=area, roles=[Role.OFFICER])
    return officer


@pytest.fixture
def work_stream(leeds, lead):
    body = BodyFactory(area=leeds, name="Local Offer work stream", open_to_requests=True)
    BodyMembershipFactory(body=body, person=lead, role=BodyRole.LEAD)
    body_member(body, Role.OFFICER, role=BodyRole.CO_CHAIR, email="cochair@example.org")
    return body


def remove_from_area(client, area, person):
    """Take `person` out of `area` through the people "Remove" page, as its administrator."""
    client.force_login(member(area, Role.AREA_ADMIN))
    membership = AreaMembership.objects.get(area=area, person=person)
    response = client.post(f"/{area.slug}/people/{membership.pk}/remove/")
    assert response.status_code == 302
    assert not AreaMembership.objects.filter(pk=membership.pk).exists()


def test_a_removed_lead_no_longer_sees_or_hears_of_requests_to_join(
    client, leeds, lead, work_stream, run_on_commit
):
    waiting = member(leeds, Role.PARENT_CARER, display_name="Ali Waiting")
    JoinRequestFactory(body=work_stream, person=waiting)
    client.force_login(lead)
    assert "Ali Waiting asks to join Local Offer work stream" in page_text(client.get("/"))

    remove_from_area(client, leeds, lead)

    client.force_login(lead)
    home = page_text(client.get("/"))
    assert "asks to join" not in home
    assert "Local Offer work stream" not in home

    newcomer = member(leeds, Role.PARENT_CARER, display_name="Sam New")
    client.force_login(newcomer)
    with run_on_commit():
        response = client.post(
            f"/leeds/governance/{work_stream.pk}/join/", {"note": "I use the Local Offer."}
        )
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["cochair@example.org"]]
    assert "Sam New asks to join" in mail.outbox[0].subject


def test_a_removed_officer_is_not_emailed_about_interest_in_their_opportunity(
    client, leeds, lead, run_on_commit
):
    initiative = InitiativeFactory(area=leeds)
    opportunity = OpportunityFactory(initiative=initiative, opened_by=lead)

    remove_from_area(client, leeds, lead)

    parent = member(leeds, Role.PARENT_CARER, email="parent@example.org")
    client.force_login(parent)
    url = f"/leeds/initiatives/{initiative.code}/opportunities/{opportunity.pk}/"
    with run_on_commit():
        response = client.post(url, {"message": "I can do mornings."})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["parent@example.org"]]
    # Then they withdraw it: the officer who left hears nothing of that either.
    with run_on_commit():
        client.post(f"{url}withdraw/")
    assert [message.to for message in mail.outbox] == [["parent@example.org"]]


def test_emails_about_an_area_are_checked_against_it_when_sent(
    client, leeds, lead, work_stream, run_on_commit
):
    """Every email the forums and initiatives queue about an area names the area, so the
    outbox does not send it to someone who has left by the time it goes."""
    parent = member(leeds, Role.PARENT_CARER, email="parent@example.org")
    initiative = InitiativeFactory(area=leeds)
    opportunity = OpportunityFactory(initiative=initiative, opened_by=lead)
    client.force_login(parent)
    client.post(f"/leeds/governance/{work_stream.pk}/join/", {"note": "Please."})
    client.post(f"/leeds/initiatives/{initiative.code}/opportunities/{opportunity.pk}/", {})
    emails = OutboundEmail.objects.all()
    assert {email.purpose for email in emails} == {
        "join request received",
        "interest received",
        "interest confirmation",
    }
    assert {email.area_id for email in emails} == {leeds.pk}

    remove_from_area(client, leeds, lead)
    # Queued before the removal: not sent to the lead who left.
    assert not OutboundEmail.objects.filter(
        to="lead@example.org", status=OutboundEmail.Status.SENT
    ).exists()


def test_removal_ends_places_groups_requests_and_interest_in_that_area_only(
    client, area, leeds, work_stream
):
    today = timezone.localdate()
    parent = member(leeds, Role.PARENT_CARER, email="parent@example.org")
    AreaMembership.objects.create(person=parent, area=area, roles=[Role.PARENT_CARER])
    chair_place = BodyMembershipFactory(body=work_stream, person=parent, role=BodyRole.CHAIR)
    birmingham_body = BodyFactory(area=area, open_to_requests=True)
    birmingham_place = BodyMembershipFactory(body=birmingham_body, person=parent)
    forum = GroupMembershipFactory(group=ParticipationGroupFactory(area=leeds), person=parent)
    birmingham_forum = GroupMembershipFactory(
        group=ParticipationGroupFactory(area=area), person=parent
    )
    leeds_request = JoinRequestFactory(body=BodyFactory(area=leeds), person=parent)
    birmingham_request = JoinRequestFactory(body=BodyFactory(area=area), person=parent)
    leeds_interest = InterestFactory(
        opportunity=OpportunityFactory(initiative=InitiativeFactory(area=leeds)), person=parent
    )
    birmingham_interest = InterestFactory(
        opportunity=OpportunityFactory(initiative=InitiativeFactory(area=area)), person=parent
    )

    remove_from_area(client, leeds, parent)

    assert BodyMembership.objects.get(pk=chair_place.pk).ended_on == today
    assert BodyMembership.objects.get(pk=birmingham_place.pk).ended_on is None
    assert GroupMembership.objects.get(pk=forum.pk).left_on == today
    assert GroupMembership.objects.get(pk=birmingham_forum.pk).left_on is None
    assert JoinRequest.objects.get(pk=leeds_request.pk).status == JoinRequest.Status.WITHDRAWN
    assert JoinRequest.objects.get(pk=birmingham_request.pk).status == JoinRequest.Status.PENDING
    assert Interest.objects.get(pk=leeds_interest.pk).status == Interest.Status.WITHDRAWN
    assert Interest.objects.get(pk=birmingham_interest.pk).status == Interest.Status.PENDING
    # Their Birmingham home page still shows Birmingham, and nothing of Leeds.
    client.force_login(parent)
    home = page_text(client.get("/"))
    assert birmingham_body.name in home
    assert work_stream.name not in home


def test_ending_twice_changes_nothing_more_and_places_not_yet_started_go(leeds, work_stream):
    from datetime import timedelta

    from forums import services as forums_services

    today = timezone.localdate()
    parent = member(leeds, Role.PARENT_CARER)
    current = BodyMembershipFactory(body=work_stream, person=parent, started_on=today)
    later = BodyMembershipFactory(
        body=BodyFactory(area=leeds), person=parent, started_on=today + timedelta(days=10)
    )
    membership = AreaMembership.objects.get(area=leeds, person=parent)
    forums_services.area_membership_ended(membership)
    forums_services.area_membership_ended(membership)
    assert BodyMembership.objects.get(pk=current.pk).ended_on == today
    assert not BodyMembership.objects.filter(pk=later.pk).exists()
