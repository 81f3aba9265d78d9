"""Each forums page runs a fixed number of queries whatever the amount of data: pinned at two
sizes. The comment on each says which N+1 it guards against."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role, Sector
from forums.models import BodyRole
from tests.consultation.factories import ConsultationRequestFactory
from tests.forums.factories import (
    BodyFactory,
    BodyMembershipFactory,
    EqualityRecordFactory,
    GroupMembershipFactory,
    JoinRequestFactory,
    ParticipationGroupFactory,
    agreement_with_parts,
)
from tests.people.factories import OrganisationFactory, TermFactory, member

pytestmark = pytest.mark.django_db

SIZES = [5, 40]
ROLES = [Role.OFFICER, Role.COMMISSIONER, Role.PARENT_CARER, Role.YOUNG_PERSON]
SECTORS = [Sector.EDUCATION, Sector.HEALTH, Sector.SOCIAL_CARE, Sector.PARENT_CARERS]


def people(area, n):
    return [member(area, ROLES[i % len(ROLES)]) for i in range(n)]


def seat_everyone(body, persons):
    for index, person in enumerate(persons):
        BodyMembershipFactory(
            body=body,
            person=person,
            role=BodyRole.CHAIR if index == 0 else BodyRole.MEMBER,
            represents_sector=SECTORS[index % len(SECTORS)],
            represents_organisation=OrganisationFactory(area=body.area),
        )


def governance_tree(area, n):
    # guards: one query per body for its chairs, or per level of the tree
    persons = people(area, 3)
    parent = None
    for index in range(n):
        body = BodyFactory(area=area, parent=parent if index % 3 else None)
        seat_everyone(body, persons)
        parent = body
    return "/birmingham/governance/", persons[0]


def body_page(area, n):
    # guards: one query per member (person, organisation, group, area roles)
    trust = BodyFactory(area=area, name="Trust")
    body = BodyFactory(area=area, parent=trust, sectors=[Sector.HEALTH])
    persons = people(area, n)
    seat_everyone(body, persons)
    for _ in range(n // 5):
        BodyFactory(area=area, parent=body)
    return f"/birmingham/governance/{body.pk}/", persons[0]


def joinable(area, n):
    # guards: one query per body for its chairs or the person's pending request
    parent = member(area, Role.PARENT_CARER)
    chair = member(area, Role.OFFICER)
    for index in range(n):
        body = BodyFactory(area=area, open_to_requests=True, parent=None)
        BodyMembershipFactory(body=body, person=chair, role=BodyRole.LEAD)
        if index % 2:
            JoinRequestFactory(body=body, person=parent)
    return "/birmingham/governance/join/", parent


def representation(area, n):
    # guards: one query per body for its seats, or per seat for the holder's roles
    persons = people(area, 6)
    for _ in range(n):
        seat_everyone(BodyFactory(area=area, sectors=[Sector.HEALTH]), persons)
    return "/birmingham/governance/representation/", member(area, Role.BOARD_MEMBER)


def terms(area):
    today = timezone.localdate()
    for index in range(3):
        TermFactory(
            area=area,
            starts_on=today - timedelta(days=100 * (2 - index) + 10),
            ends_on=today - timedelta(days=100 * (2 - index) - 40),
        )


def consultation_overview(area, n):
    # guards: one query per group or person for their requests this term
    terms(area)
    for person in people(area, n):
        group = ParticipationGroupFactory(area=area)
        ConsultationRequestFactory(area=area, group=group, asked_on=timezone.localdate())
        ConsultationRequestFactory(area=area, person=person, asked_on=timezone.localdate())
    return "/birmingham/consultation/", member(area, Role.OFFICER)


def group_load(area, n):
    # guards: one query per term, or per request for who made it
    terms(area)
    group = ParticipationGroupFactory(area=area)
    officer = member(area, Role.OFFICER)
    for index in range(n):
        ConsultationRequestFactory(
            area=area,
            group=group,
            made_by=officer,
            asked_on=timezone.localdate() - timedelta(days=index * 5),
        )
    return f"/birmingham/consultation/groups/{group.pk}/", officer


def person_load(area, n):
    # guards: the same for one person's page
    terms(area)
    parent = member(area, Role.PARENT_CARER)
    for index in range(n):
        ConsultationRequestFactory(
            area=area, person=parent, asked_on=timezone.localdate() - timedelta(days=index * 5)
        )
    return f"/birmingham/consultation/people/{parent.pk}/", parent


def group_list(area, n):
    # guards: one query per group for its member count
    for person in people(area, n):
        GroupMembershipFactory(group=ParticipationGroupFactory(area=area), person=person)
    return "/birmingham/groups/", member(area, Role.PARENT_CARER)


def group_page(area, n):
    # guards: one query per member, or per equality question
    group = ParticipationGroupFactory(area=area)
    for person in people(area, n):
        GroupMembershipFactory(group=group, person=person)
        EqualityRecordFactory(person=person)
    return f"/birmingham/groups/{group.pk}/", member(area, Role.PARENT_CARER)


def body_requests(area, n):
    # guards: one query per request for the person or their roles
    body = BodyFactory(area=area, open_to_requests=True)
    chair = member(area, Role.OFFICER)
    BodyMembershipFactory(body=body, person=chair, role=BodyRole.CHAIR)
    for _ in range(n):
        JoinRequestFactory(body=body, person=member(area, Role.PARENT_CARER))
    return f"/birmingham/governance/{body.pk}/requests/", chair


def agreements(area, n):
    # guards: one query per agreement for its parties
    for _ in range(n):
        agreement_with_parts(area, 1)
    return "/birmingham/agreements/", member(area, Role.PARENT_CARER)


def agreement_page(area, n):
    # guards: one query per party, signatory, payment, schedule item or outcome
    agreement = agreement_with_parts(area, n)
    return f"/birmingham/agreements/{agreement.pk}/", member(area, Role.OFFICER)


def home_page(area, n):
    # guards: one query per group, work stream or request in the home page's sections
    parent = member(area, Role.PARENT_CARER)
    for _ in range(n):
        GroupMembershipFactory(group=ParticipationGroupFactory(area=area), person=parent)
        BodyMembershipFactory(body=BodyFactory(area=area), person=parent, role=BodyRole.CHAIR)
        JoinRequestFactory(body=BodyFactory(area=area, open_to_requests=True), person=parent)
        body = BodyFactory(area=area)
        BodyMembershipFactory(body=body, person=parent, role=BodyRole.LEAD)
        JoinRequestFactory(body=body, person=member(area, Role.PARENT_CARER))
    return "/", parent


PAGES = {
    "governance tree": (governance_tree, 6),
    "body page": (body_page, 13),
    "work streams you can join": (joinable, 8),
    "representation table": (representation, 7),
    "consultation overview": (consultation_overview, 8),
    "group consultation load": (group_load, 9),
    "person consultation load": (person_load, 9),
    "groups": (group_list, 6),
    "group page": (group_page, 9),
    "requests to join a body": (body_requests, 8),
    "agreements": (agreements, 7),
    "agreement page": (agreement_page, 13),
    # 12, and 1 for each app's home section that a parent carer can see: next meetings,
    # courses open to you, "say how it felt", conditions rounds to rate, overdue actions,
    # your claims.
    "home page": (home_page, 18),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_pages_run_a_fixed_number_of_queries(client, area, django_assert_num_queries, name, size):
    build, queries = PAGES[name]
    url, person = build(area, size)
    client.force_login(person)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
