"""The demo data places each demo account where it sees something of the forums."""

import pytest
from django.core.management import call_command

from coproduction.people.models import Person
from forums.models import (
    Body,
    BodyMembership,
    JoinRequest,
    ParticipationGroup,
    PartnershipAgreement,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)


def test_chair_chairs_a_birmingham_work_stream_with_a_request_from_parent(demo):
    chaired = Body.objects.get(
        area__slug="birmingham",
        kind="work_stream",
        memberships__person__email="chair@example.org",
        memberships__role="chair",
    )
    assert chaired.name == "Objective 3: Working Together Well"
    request = JoinRequest.objects.get(body=chaired)
    assert (request.person.email, request.status) == ("parent@example.org", "pending")
    other_open = Body.objects.filter(area__slug="birmingham", open_to_requests=True).exclude(
        pk=chaired.pk
    )
    assert [body.name for body in other_open] == ["Objective 1: SEND strategy"]


def test_leeds_has_its_governance_levels(demo):
    partnership = Body.objects.get(area__slug="leeds", name="Complex Needs Partnership Board")
    assert partnership.parent.name == "Children's Trust Board"
    co_chairs = BodyMembership.objects.filter(body=partnership, role="co_chair")
    assert co_chairs.count() == 2
    work_streams = Body.objects.filter(parent=partnership)
    assert work_streams.count() == 4
    leads = BodyMembership.objects.filter(body__in=work_streams, role="lead")
    assert {lead.person.display_name for lead in leads} == {"Mark Ellis"}
    assert ParticipationGroup.objects.filter(area__slug="leeds", name="Epic Leeds").exists()


def test_west_sussex_has_its_forum_agreement_and_termly_board(demo):
    versions = PartnershipAgreement.objects.filter(area__slug="west-sussex").order_by("version")
    assert [v.status for v in versions] == ["superseded", "signed"]
    signed = versions.last()
    assert signed.reviewing_body.name == "Parent Carer Forum Partnership Board"
    assert signed.parties.filter(name="West Sussex Parent Carer Forum").exists()
    assert signed.outcomes.count() == 3
    assert ParticipationGroup.objects.filter(
        area__slug="west-sussex", kind="parent_carer_forum"
    ).exists()


def test_birmingham_has_its_forum_and_two_youth_forums(demo):
    kinds = list(
        ParticipationGroup.objects.filter(area__slug="birmingham").values_list("kind", flat=True)
    )
    assert sorted(kinds) == ["parent_carer_forum", "youth_forum", "youth_forum"]


def test_the_demo_journey_parent_joins_an_open_birmingham_work_stream(demo, client):
    parent = Person.objects.get(email="parent@example.org")
    client.force_login(parent)
    joinable = client.get("/birmingham/governance/join/").content.decode()
    assert "Objective 1: SEND strategy" in joinable
    strategy = Body.objects.get(area__slug="birmingham", name="Objective 1: SEND strategy")
    response = client.post(
        f"/birmingham/governance/{strategy.pk}/join/", {"note": "I would like to help."}
    )
    assert response.status_code == 302

    client.force_login(Person.objects.get(email="officer@example.org"))  # its project lead
    join_request = JoinRequest.objects.get(body=strategy, person=parent)
    response = client.post(f"/birmingham/join-requests/{join_request.pk}/accept/")
    assert response.status_code == 302

    client.force_login(parent)
    home = client.get("/").content.decode()
    assert "Objective 1: SEND strategy" in home[home.index("Your work streams") :]

    client.force_login(Person.objects.get(email="board@example.org"))
    gaps = client.get("/birmingham/governance/representation/").content.decode()
    assert "Objective 3: Working Together Well" in gaps  # it lacks a commissioner
