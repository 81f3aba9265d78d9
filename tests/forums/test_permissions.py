"""Every page of the forums app against every role, an officer of another area and nobody;
then the powers that come from a body's chair, from asking, and from being oneself."""

from datetime import date

import pytest

from coproduction.people.models import Role
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    BodyRole,
    PartnershipAgreement,
)
from tests.forums.factories import (
    BodyFactory,
    BodyMembershipFactory,
    GroupMembershipFactory,
    JoinRequestFactory,
    ParticipationGroupFactory,
    PartnershipAgreementFactory,
    body_member,
)
from tests.people.factories import OrganisationFactory, member
from tests.permissions import (
    ADMINS,
    EVERYONE,
    FAMILIES,
    MEMBERS,
    OFFICERS,
    assert_matrix_status,
    expect,
)

pytestmark = pytest.mark.django_db

MANAGERS = [*OFFICERS, *ADMINS]
OVERSEERS = [*OFFICERS, Role.BOARD_MEMBER, *ADMINS]
NOBODY = []

# name: (method, url template, expected statuses). Placeholders are filled from `records`.
MATRIX = {
    "groups": ("get", "/{area}/groups/", expect(MEMBERS)),
    "add group": ("get", "/{area}/groups/add/", expect(MANAGERS)),
    "group": ("get", "/{area}/groups/{group}/", expect(MEMBERS)),
    "change group": ("get", "/{area}/groups/{group}/edit/", expect(MANAGERS)),
    "add group member": ("get", "/{area}/groups/{group}/members/add/", expect(MANAGERS)),
    "change group member": (
        "get",
        "/{area}/groups/{group}/members/{group_membership}/",
        expect(MANAGERS),
    ),
    "group member leaves": (
        "post",
        "/{area}/groups/{group}/members/{group_membership}/leave/",
        expect(MANAGERS, ok=302),
    ),
    "population figures": ("get", "/{area}/population/", expect(ADMINS)),
    "governance": ("get", "/{area}/governance/", expect(MEMBERS)),
    "add body": ("get", "/{area}/governance/add/", expect(MANAGERS)),
    "work streams you can join": ("get", "/{area}/governance/join/", expect(FAMILIES)),
    "representation gaps": ("get", "/{area}/governance/representation/", expect(OVERSEERS)),
    "body": ("get", "/{area}/governance/{body}/", expect(MEMBERS)),
    "change body": ("get", "/{area}/governance/{body}/edit/", expect(MANAGERS)),
    "ask to join": ("get", "/{area}/governance/{body}/join/", expect(FAMILIES)),
    "requests to join a body": ("get", "/{area}/governance/{body}/requests/", expect(NOBODY)),
    "add body member": ("get", "/{area}/governance/{body}/members/add/", expect(MANAGERS)),
    "change body member": (
        "get",
        "/{area}/governance/{body}/members/{body_membership}/",
        expect(MANAGERS),
    ),
    "end body membership": (
        "get",
        "/{area}/governance/{body}/members/{body_membership}/end/",
        expect(MANAGERS),
    ),
    "accept join request": ("get", "/{area}/join-requests/{join_request}/accept/", expect(NOBODY)),
    "decline join request": (
        "get",
        "/{area}/join-requests/{join_request}/decline/",
        expect(NOBODY),
    ),
    "withdraw join request": (
        "post",
        "/{area}/join-requests/{join_request}/withdraw/",
        expect(NOBODY),
    ),
    "consultation load": ("get", "/{area}/consultation/", expect(OVERSEERS)),
    "record a request": ("get", "/{area}/consultation/record/", expect(OFFICERS)),
    "group load": ("get", "/{area}/consultation/groups/{group}/", expect(OVERSEERS)),
    "person load": ("get", "/{area}/consultation/people/{parent}/", expect(OVERSEERS)),
    "agreements": ("get", "/{area}/agreements/", expect(MEMBERS)),
    "add agreement": ("get", "/{area}/agreements/add/", expect(MANAGERS)),
    "agreement": ("get", "/{area}/agreements/{draft}/", expect(MEMBERS)),
    "change draft agreement": ("get", "/{area}/agreements/{draft}/edit/", expect(MANAGERS)),
    "change signed agreement": ("get", "/{area}/agreements/{signed}/edit/", expect(NOBODY)),
    "sign agreement": ("get", "/{area}/agreements/{draft}/sign/", expect(MANAGERS)),
    "renew agreement": (
        "post",
        "/{area}/agreements/{signed}/renew/",
        expect(MANAGERS, ok=302),
    ),
    "add payment": ("get", "/{area}/agreements/{draft}/payments/add/", expect(MANAGERS)),
    "change payment": (
        "get",
        "/{area}/agreements/{draft}/payments/{payment}/",
        expect(MANAGERS),
    ),
    "delete payment": (
        "get",
        "/{area}/agreements/{draft}/payments/{payment}/delete/",
        expect(MANAGERS),
    ),
    "add schedule item": ("get", "/{area}/agreements/{draft}/schedule/add/", expect(MANAGERS)),
    "change schedule item": (
        "get",
        "/{area}/agreements/{draft}/schedule/{schedule_item}/",
        expect(MANAGERS),
    ),
    "delete schedule item": (
        "get",
        "/{area}/agreements/{draft}/schedule/{schedule_item}/delete/",
        expect(MANAGERS),
    ),
    "add outcome": ("get", "/{area}/agreements/{draft}/outcomes/add/", expect(MANAGERS)),
    "change outcome": (
        "get",
        "/{area}/agreements/{draft}/outcomes/{draft_outcome}/",
        expect(MANAGERS),
    ),
    "delete outcome": (
        "get",
        "/{area}/agreements/{draft}/outcomes/{draft_outcome}/delete/",
        expect(MANAGERS),
    ),
    "add payment to a signed agreement": (
        "get",
        "/{area}/agreements/{signed}/payments/add/",
        expect(NOBODY),
    ),
    "record outcome progress": (
        "get",
        "/{area}/agreements/{signed}/outcomes/{signed_outcome}/progress/",
        expect(MANAGERS),
    ),
    "your equality answers": (
        "get",
        "/account/equality-monitoring/",
        expect(MEMBERS, other_area=200),
    ),
    "delete your equality answers": (
        "post",
        "/account/equality-monitoring/withdraw/",
        expect(MEMBERS, ok=302, other_area=302),
    ),
}


@pytest.fixture
def records(area):
    group = ParticipationGroupFactory(area=area)
    parent = member(area, Role.PARENT_CARER)
    group_membership = GroupMembershipFactory(group=group, person=parent)
    body = BodyFactory(area=area, open_to_requests=True)
    chair = body_member(body, Role.OFFICER, role=BodyRole.CHAIR)
    join_request = JoinRequestFactory(body=body, person=member(area, Role.PARENT_CARER))
    draft = PartnershipAgreementFactory(area=area)
    signed = PartnershipAgreementFactory(
        area=area, status=PartnershipAgreement.Status.SIGNED, signed_on=date(2026, 3, 1)
    )
    signed.parties.add(OrganisationFactory(area=area))
    return {
        "area": area.slug,
        "group": group.pk,
        "group_membership": group_membership.pk,
        "parent": parent.pk,
        "body": body.pk,
        "body_membership": body.memberships.get(person=chair).pk,
        "join_request": join_request.pk,
        "draft": draft.pk,
        "signed": signed.pk,
        "payment": AgreementPayment.objects.create(
            agreement=draft, kind="expenses", description="Mileage", unit="at_cost"
        ).pk,
        "schedule_item": AgreementScheduleItem.objects.create(
            agreement=draft, kind="meeting", title="Board", planned_on=date(2026, 6, 1)
        ).pk,
        "draft_outcome": AgreementOutcome.objects.create(agreement=draft, outcome="One").pk,
        "signed_outcome": AgreementOutcome.objects.create(agreement=signed, outcome="Two").pk,
    }


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


# Powers that come from a body, a request or oneself ----------------------------------------


@pytest.fixture
def chaired(area):
    body = BodyFactory(area=area, open_to_requests=True)
    chair = body_member(body, Role.OFFICER, role=BodyRole.CO_CHAIR)
    parent = member(area, Role.PARENT_CARER)
    return body, chair, parent, JoinRequestFactory(body=body, person=parent)


@pytest.mark.parametrize("role", [BodyRole.CHAIR, BodyRole.CO_CHAIR, BodyRole.LEAD])
def test_a_bodys_chairs_and_lead_answer_its_requests_and_manage_it(client, area, role):
    body = BodyFactory(area=area, open_to_requests=True)
    # Even a parent carer who chairs a body runs it.
    leader = body_member(body, Role.PARENT_CARER, role=role)
    join_request = JoinRequestFactory(body=body, person=member(area, Role.PARENT_CARER))
    client.force_login(leader)
    for url in [
        f"/birmingham/governance/{body.pk}/requests/",
        f"/birmingham/join-requests/{join_request.pk}/accept/",
        f"/birmingham/join-requests/{join_request.pk}/decline/",
        f"/birmingham/governance/{body.pk}/edit/",
        f"/birmingham/governance/{body.pk}/members/add/",
    ]:
        assert client.get(url).status_code == 200, url


def test_members_and_chairs_of_other_bodies_cannot_answer_requests(client, area, chaired):
    body, _chair, _parent, join_request = chaired
    plain_member = body_member(body, Role.OFFICER)
    other_chair = body_member(BodyFactory(area=area), Role.OFFICER, role=BodyRole.CHAIR)
    for person in [plain_member, other_chair]:
        client.force_login(person)
        assert client.get(f"/birmingham/join-requests/{join_request.pk}/accept/").status_code == 403
        assert (
            client.post(f"/birmingham/join-requests/{join_request.pk}/accept/").status_code == 403
        )
        assert client.get(f"/birmingham/governance/{body.pk}/requests/").status_code == 403


def test_a_chair_who_has_stepped_down_has_no_powers(client, area, chaired):
    body, chair, _parent, join_request = chaired
    body.memberships.filter(person=chair).update(ended_on=date(2026, 1, 1), started_on="2025-01-01")
    client.force_login(chair)
    assert client.get(f"/birmingham/join-requests/{join_request.pk}/accept/").status_code == 403


def test_only_the_person_who_asked_can_withdraw(client, area, chaired):
    _body, chair, parent, join_request = chaired
    client.force_login(chair)
    assert client.post(f"/birmingham/join-requests/{join_request.pk}/withdraw/").status_code == 403
    client.force_login(parent)
    response = client.post(f"/birmingham/join-requests/{join_request.pk}/withdraw/")
    assert response.status_code == 302
    # Once withdrawn it cannot be answered.
    client.force_login(chair)
    assert client.get(f"/birmingham/join-requests/{join_request.pk}/accept/").status_code == 403


def test_a_closed_body_cannot_be_asked(client, area):
    body = BodyFactory(area=area, open_to_requests=False)
    client.force_login(member(area, Role.PARENT_CARER))
    assert client.get(f"/birmingham/governance/{body.pk}/join/").status_code == 403


def test_people_see_their_own_consultation_load_but_not_others(client, area):
    parent = member(area, Role.PARENT_CARER)
    other = member(area, Role.PARENT_CARER)
    client.force_login(parent)
    assert client.get(f"/birmingham/consultation/people/{parent.pk}/").status_code == 200
    assert client.get(f"/birmingham/consultation/people/{other.pk}/").status_code == 403


def test_another_areas_records_are_not_found_from_your_area(client, area, other_area):
    officer = member(area, Role.OFFICER, Role.AREA_ADMIN)
    leeds_body = BodyFactory(area=other_area)
    leeds_group = ParticipationGroupFactory(area=other_area)
    leeds_agreement = PartnershipAgreementFactory(area=other_area)
    leeds_request = JoinRequestFactory(
        body=leeds_body, person=member(other_area, Role.PARENT_CARER)
    )
    leeds_person = member(other_area, Role.PARENT_CARER)
    membership = BodyMembershipFactory(body=leeds_body, person=leeds_person)
    client.force_login(officer)
    for url in [
        f"/birmingham/governance/{leeds_body.pk}/",
        f"/birmingham/governance/{leeds_body.pk}/members/{membership.pk}/",
        f"/birmingham/groups/{leeds_group.pk}/",
        f"/birmingham/agreements/{leeds_agreement.pk}/",
        f"/birmingham/join-requests/{leeds_request.pk}/decline/",
        f"/birmingham/consultation/people/{leeds_person.pk}/",
        f"/birmingham/consultation/groups/{leeds_group.pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.get(f"/leeds/governance/{leeds_body.pk}/").status_code == 403
