"""The forums pages end to end: joining a work stream, bad input, warnings and privacy."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from coproduction.consultation.models import ConsultationRequest
from coproduction.people.models import Role, Sector
from forums.models import (
    Body,
    BodyMembership,
    BodyRole,
    EqualityRecord,
    GroupMembership,
    JoinRequest,
    PartnershipAgreement,
)
from tests.consultation.factories import ConsultationRequestFactory
from tests.forums.factories import (
    BodyFactory,
    BodyMembershipFactory,
    EqualityRecordFactory,
    GroupMembershipFactory,
    JoinRequestFactory,
    ParticipationGroupFactory,
    body_member,
)
from tests.people.factories import OrganisationFactory, TermFactory, member

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return response.content.decode()


def date_fields(name: str, day: date) -> dict:
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_a_parent_finds_an_open_work_stream_asks_to_join_and_is_accepted(
    client, area, run_on_commit
):
    """The issue's "done when": parent@ asks, the chair accepts, it is under their work
    streams."""
    board = BodyFactory(area=area, name="SEND Local Area Partnership Board", kind="board")
    work_stream = BodyFactory(
        area=area, name="Objective 1: SEND strategy", parent=board, open_to_requests=True
    )
    chair = body_member(
        work_stream,
        Role.OFFICER,
        role=BodyRole.CHAIR,
        email="chair@example.org",
        display_name="Helen Ward",
    )
    BodyFactory(area=area, name="Closed work stream", open_to_requests=False)
    parent = member(area, Role.PARENT_CARER, email="parent@example.org", display_name="Sam Okafor")

    client.force_login(parent)
    home = page(client.get("/"))
    assert "You are not on any boards or work streams yet." in home
    joinable = page(client.get("/birmingham/governance/join/"))
    assert "Objective 1: SEND strategy" in joinable
    assert "Closed work stream" not in joinable
    with run_on_commit():
        response = client.post(
            f"/birmingham/governance/{work_stream.pk}/join/",
            {"note": "I would like to help shape the strategy."},
        )
    assert response.status_code == 302
    assert "Your requests to join" in page(client.get("/"))
    assert mail.outbox[-1].to == ["chair@example.org"]

    client.force_login(chair)
    home = page(client.get("/"))
    assert "Requests waiting for you" in home
    assert "Sam Okafor asks to join Objective 1: SEND strategy" in home
    requests_page = page(client.get(f"/birmingham/governance/{work_stream.pk}/requests/"))
    assert "I would like to help shape the strategy." in requests_page
    join_request = JoinRequest.objects.get()
    with run_on_commit():
        response = client.post(f"/birmingham/join-requests/{join_request.pk}/accept/")
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["parent@example.org"]

    client.force_login(parent)
    home = page(client.get("/"))
    your_work_streams = home[home.index("Your work streams") :]
    assert "Objective 1: SEND strategy" in your_work_streams
    assert "Your requests to join" not in home
    joinable = page(client.get("/birmingham/governance/join/"))
    assert '<h2 class="govuk-summary-card__title">Objective 1' not in joinable
    assert "Accepted" in joinable


def test_the_area_table_shows_bodies_lacking_parent_carers_or_a_commissioner(client, area):
    complete = BodyFactory(area=area, name="Complete board")
    body_member(complete, Role.OFFICER, role=BodyRole.CHAIR)
    body_member(complete, Role.COMMISSIONER)
    body_member(complete, Role.PARENT_CARER)
    no_parents = BodyFactory(area=area, name="Board without parents")
    body_member(no_parents, Role.OFFICER, role=BodyRole.CHAIR)
    body_member(no_parents, Role.COMMISSIONER)
    no_commissioner = BodyFactory(area=area, name="Work stream without a commissioner")
    body_member(no_commissioner, Role.OFFICER, role=BodyRole.LEAD)
    body_member(no_commissioner, Role.PARENT_CARER)

    client.force_login(member(area, Role.BOARD_MEMBER))
    table = page(client.get("/birmingham/governance/representation/"))
    assert "Of 3 boards and work streams, 2 have gaps and 1 has everyone it needs." in table
    assert "Complete board" not in table
    rows = table[table.index("<tbody") :]
    parents_row = rows[rows.index("Board without parents") :].split("</tr>")[0]
    commissioner_row = rows[rows.index("Work stream without a commissioner") :].split("</tr>")[0]
    assert parents_row.count("Missing") == 1
    assert '<td class="govuk-table__cell"><strong>Missing</strong></td>' in parents_row
    assert commissioner_row.count("Missing") == 1


def test_the_body_page_groups_members_by_what_they_represent(client, area):
    body = BodyFactory(area=area, sectors=[Sector.HEALTH])
    body_member(body, Role.OFFICER, role=BodyRole.LEAD, sector=Sector.EDUCATION, display_name="Ed")
    body_member(body, Role.OFFICER, sector=Sector.HEALTH, display_name="Nurse")
    body_member(body, Role.OFFICER, role=BodyRole.COPIED, display_name="Head of service")
    gone = member(area, Role.PARENT_CARER, display_name="Former parent")
    BodyMembershipFactory(
        body=body, person=gone, started_on=date(2025, 1, 1), ended_on=date(2025, 7, 1)
    )
    client.force_login(member(area, Role.PARENT_CARER))
    html = page(client.get(f"/birmingham/governance/{body.pk}/"))
    assert "Representing education (1)" in html
    assert "Representing health (1)" in html
    assert "Heads of service copied in (1)" in html
    assert "Past members (1)" in html
    assert "No parent carer representatives" in html
    assert "No commissioner" in html


# Bad input: a clear message at the field, nothing saved -----------------------------------


@pytest.fixture
def officer(client, area):
    person = member(area, Role.OFFICER)
    client.force_login(person)
    return person


def test_an_end_date_before_the_start_date_is_explained(client, area, officer):
    body = BodyFactory(area=area)
    someone = member(area, Role.OFFICER)
    response = client.post(
        f"/birmingham/governance/{body.pk}/members/add/",
        {
            "person": someone.pk,
            "role": "member",
            "represents_sector": "",
            **date_fields("started_on", date(2026, 9, 1)),
            **date_fields("ended_on", date(2026, 8, 1)),
        },
    )
    assert response.status_code == 200
    assert "The end date must be on or after the start date" in page(response)
    assert not BodyMembership.objects.exists()


def test_adding_a_current_member_again_is_explained(client, area, officer):
    body = BodyFactory(area=area)
    someone = body_member(body, Role.OFFICER, display_name="Dana Hill")
    response = client.post(
        f"/birmingham/governance/{body.pk}/members/add/",
        {
            "person": someone.pk,
            "role": "co_chair",
            "represents_sector": "",
            **date_fields("started_on", timezone.localdate()),
        },
    )
    assert response.status_code == 200
    assert f"Dana Hill is already a member of {body.name} then." in page(response)
    assert BodyMembership.objects.count() == 1


def test_adding_a_group_member_twice_is_explained(client, area, officer):
    group = ParticipationGroupFactory(area=area)
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    GroupMembershipFactory(group=group, person=parent)
    response = client.post(
        f"/birmingham/groups/{group.pk}/members/add/", {"person": parent.pk, "role": "member"}
    )
    assert "Sam Okafor is already a member of" in page(response)
    assert GroupMembership.objects.count() == 1


def test_making_a_body_its_own_ancestor_is_explained(client, area, officer):
    trust = BodyFactory(area=area, name="Trust", kind="board", level="strategic")
    child = BodyFactory(area=area, name="Partnership", parent=trust)
    response = client.post(
        f"/birmingham/governance/{trust.pk}/edit/",
        {
            "name": "Trust",
            "kind": "board",
            "level": "strategic",
            "parent": child.pk,
            "purpose": "Lead",
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert "Partnership reports to Trust already, so Trust cannot report to it." in page(response)
    trust.refresh_from_db()
    assert trust.parent is None


def test_declining_without_a_reason_is_explained(client, area):
    body = BodyFactory(area=area, open_to_requests=True)
    chair = body_member(body, Role.OFFICER, role=BodyRole.CHAIR)
    join_request = JoinRequestFactory(body=body, person=member(area, Role.PARENT_CARER))
    client.force_login(chair)
    response = client.post(f"/birmingham/join-requests/{join_request.pk}/decline/", {"reason": ""})
    assert response.status_code == 200
    assert "Enter the reason. The person who asked will see it" in page(response)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING


def test_a_review_date_before_the_start_is_explained(client, area, officer):
    party = OrganisationFactory(area=area)
    response = client.post(
        "/birmingham/agreements/add/",
        {
            "title": "Partnership agreement",
            "parties": [party.pk],
            **date_fields("starts_on", date(2026, 4, 1)),
            **date_fields("review_on", date(2026, 1, 1)),
        },
    )
    assert response.status_code == 200
    assert "The review date must be after the start date" in page(response)
    assert not PartnershipAgreement.objects.exists()


def test_a_new_body_is_saved_with_its_sectors(client, area, officer):
    response = client.post(
        "/birmingham/governance/add/",
        {
            "name": "Working Together Well",
            "kind": "work_stream",
            "level": "operational",
            "purpose": "A co-production framework",
            "status": "active",
            "sectors": ["health", "education"],
            "open_to_requests": "on",
            "hours_per_term": "10",
        },
    )
    body = Body.objects.get()
    assert response.status_code == 302
    assert (body.sectors, body.open_to_requests) == (["education", "health"], True)


# Consultation load warnings ---------------------------------------------------------------


def test_recording_a_request_warns_at_the_limit_and_the_officer_can_go_ahead(client, area, officer):
    today = timezone.localdate()
    TermFactory(area=area, starts_on=today - timedelta(days=30), ends_on=today + timedelta(30))
    area.group_requests_per_term = 2
    area.save()
    forum = ParticipationGroupFactory(area=area, name="Parent Carer Forum")
    ConsultationRequestFactory.create_batch(2, area=area, group=forum, asked_on=today)
    data = {
        "group": forum.pk,
        "person": "",
        "kind": "survey",
        "title": "Short breaks survey",
        **date_fields("asked_on", today),
        "hours_asked": "1",
    }
    response = client.post("/birmingham/consultation/record/", data)
    assert response.status_code == 200
    html = page(response)
    assert "Parent Carer Forum has already had 2 requests in" in html
    assert "Record the request anyway" in html
    assert ConsultationRequest.objects.count() == 2

    response = client.post("/birmingham/consultation/record/", {**data, "go_ahead": "on"})
    assert response.status_code == 302
    assert ConsultationRequest.objects.filter(title="Short breaks survey").exists()
    load = page(client.get(f"/birmingham/consultation/groups/{forum.pk}/"))
    assert "Over the limit" in load


def test_a_request_must_name_a_group_or_a_person(client, area, officer):
    response = client.post(
        "/birmingham/consultation/record/",
        {
            "group": "",
            "person": "",
            "kind": "survey",
            "title": "Survey",
            "hours_asked": "1",
            **date_fields("asked_on", date(2026, 10, 1)),
        },
    )
    assert "Choose the group or the person you asked" in page(response)
    assert not ConsultationRequest.objects.exists()


# Equality monitoring: only ever the person's own answers ----------------------------------


def test_a_person_answers_changes_and_withdraws_their_equality_answers(client, area):
    parent = member(area, Role.PARENT_CARER)
    client.force_login(parent)
    response = client.post("/account/equality-monitoring/", {"ethnicity": "asian"})
    assert "Tick the box to agree" in page(response)
    assert not EqualityRecord.objects.exists()

    client.post("/account/equality-monitoring/", {"ethnicity": "asian", "consent": "on"})
    assert EqualityRecord.objects.get(person=parent).ethnicity == "asian"
    assert "Asian or Asian British" in page(client.get("/account/equality-monitoring/"))

    client.post("/account/equality-monitoring/withdraw/")
    assert not EqualityRecord.objects.exists()


def test_nobody_else_sees_a_persons_answers(client, area):
    group = ParticipationGroupFactory(area=area)
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    GroupMembershipFactory(group=group, person=parent)
    EqualityRecordFactory(person=parent, ethnicity="mixed")
    client.force_login(member(area, Role.AREA_ADMIN))
    group_page = page(client.get(f"/birmingham/groups/{group.pk}/"))
    assert "Sam Okafor" in group_page  # they are a member
    assert "Not shown: fewer than 5 members have answered." in group_page
    assert "Mixed or multiple ethnic groups" not in group_page
    own_page = page(client.get("/account/equality-monitoring/"))
    assert "Mixed or multiple ethnic groups</dd>" not in own_page
    assert "Delete my answers" not in own_page


def test_the_home_page_lists_at_most_20_work_streams(client, area):
    person = member(area, Role.OFFICER)
    for _ in range(21):
        BodyMembershipFactory(body=BodyFactory(area=area), person=person)
    client.force_login(person)
    home = page(client.get("/"))
    assert home.count("/governance/") - home.count("/governance/join/") == 20
    assert "These are the first 20." in home
