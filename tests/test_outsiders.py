"""Someone outside an area cannot tell which records it holds.

Every page that takes an id answers a person who does not belong to the area the same way for
an id that exists there and for one that does not: the area is checked before anything is
looked up. Members without the role a page needs are refused before the look-up too.
"""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from coproduction.people.models import AreaMembership, Role
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    BodyRole,
    PartnershipAgreement,
)
from initiatives.models import Publication
from tests.conditions import test_permissions as conditions
from tests.dial import test_permissions as dial
from tests.evaluation import test_permissions as evaluation
from tests.expenses import test_permissions as expenses
from tests.feedback import test_permissions as feedback
from tests.forums.factories import (
    BodyFactory,
    GroupMembershipFactory,
    JoinRequestFactory,
    ParticipationGroupFactory,
    PartnershipAgreementFactory,
    body_member,
)
from tests.forums.test_permissions import MATRIX as FORUMS_MATRIX
from tests.initiatives.factories import (
    InitiativeFactory,
    InterestFactory,
    OpportunityFactory,
    OptionFactory,
    OutcomeFactory,
)
from tests.initiatives.test_permissions import MATRIX as INITIATIVES_MATRIX
from tests.meetings import test_permissions as meetings
from tests.people.factories import InvitationFactory, LocalAreaFactory, TermFactory, member
from tests.people.test_permissions import MATRIX as PEOPLE_MATRIX
from tests.permissions import OTHER_AREA
from tests.reports import test_permissions as reports
from tests.training import test_permissions as training

pytestmark = pytest.mark.django_db

# Pages that take an id but belong to no area (both take a secret token, not an id).
NOT_AREA_PAGES = {"people:invitation_accept", "meetings:person_feed"}


def leeds_records(leeds) -> dict:
    """One record of every kind a page takes an id of, all in Leeds."""
    group = ParticipationGroupFactory(area=leeds)
    parent = member(leeds, Role.PARENT_CARER)
    body = BodyFactory(area=leeds, open_to_requests=True)
    chair = body_member(body, Role.OFFICER, role=BodyRole.CHAIR)
    draft = PartnershipAgreementFactory(area=leeds)
    signed = PartnershipAgreementFactory(
        area=leeds, status=PartnershipAgreement.Status.SIGNED, signed_on=date(2026, 3, 1)
    )
    initiative = InitiativeFactory(area=leeds)
    opportunity = OpportunityFactory(initiative=initiative)
    return {
        "area": leeds.slug,
        "group": group.pk,
        "group_membership": GroupMembershipFactory(group=group, person=parent).pk,
        "parent": parent.pk,
        "body": body.pk,
        "body_membership": body.memberships.get(person=chair).pk,
        "join_request": JoinRequestFactory(body=body, person=member(leeds, Role.YOUNG_PERSON)).pk,
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
        "membership": AreaMembership.objects.get(person=parent).pk,
        "term": TermFactory(area=leeds).pk,
        "invitation": InvitationFactory(area=leeds).pk,
        "code": initiative.code,
        "outcome": OutcomeFactory(initiative=initiative).pk,
        "contact": initiative.contacts.create(name="A contact", role="Chair").pk,
        "opportunity": opportunity.pk,
        "interest": InterestFactory(opportunity=opportunity).pk,
        "option": OptionFactory(area=leeds).pk,
        "draft_code": InitiativeFactory(area=leeds, publication=Publication.DRAFT).code,
    }


# Every app's permission matrix (named by its URL namespace), and how to make one record of
# every kind its pages take an id of. The dashboard's matrix lists addresses only (all GET).
APPS = {
    "forums": (FORUMS_MATRIX, leeds_records),
    "people": (PEOPLE_MATRIX, leeds_records),
    "initiatives": (INITIATIVES_MATRIX, leeds_records),
    "meetings": (meetings.MATRIX, meetings.make_records),
    "training": (training.MATRIX, training.make_records),
    "expenses": (expenses.MATRIX, expenses.make_records),
    "evaluation": (
        {name: ("get", url, None) for name, url in evaluation.MATRIX.items()},
        evaluation.make_records,
    ),
    "dial": (dial.MATRIX, dial.make_records),
    "conditions": (conditions.MATRIX, conditions.make_records),
    "feedback": (feedback.MATRIX, feedback.make_records),
    "reports": (reports.MATRIX, reports.make_records),
}
PAGES = {
    f"{app}: {name}": (method, url)
    for app, (matrix, _records) in APPS.items()
    for name, (method, url, _expected) in matrix.items()
    if "{" in url.replace("{area}", "")
}


# What an officer of another area gets from each page, as its matrix says: a refusal (403),
# or "not found" on pages that would be public if the area published them.
OUTSIDER_ANSWER = {
    f"{app}: {name}": expected[OTHER_AREA] if expected else 403
    for app, (matrix, _records) in APPS.items()
    for name, (_method, _url, expected) in matrix.items()
}


def records_for(page: str, area) -> dict:
    """The records the app of `page` ("app: name") needs, made in `area`."""
    return APPS[page.split(":")[0]][1](area)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    # Meeting papers and expense receipts are files.
    settings.MEDIA_ROOT = tmp_path


def missing(records: dict) -> dict:
    """The same placeholders with ids and codes that exist nowhere."""
    return {
        name: value if name == "area" else ("CoDesign9999" if isinstance(value, str) else 999_999)
        for name, value in records.items()
    }


def fill(url: str, records: dict) -> str:
    # The initiatives matrix calls a draft initiative's code {draft}.
    if "/initiatives/{draft}" in url:
        url = url.replace("/initiatives/{draft}", "/initiatives/{draft_code}")
    return url.format(**records)


@pytest.fixture
def birmingham_parent(area):
    return member(area, Role.PARENT_CARER)


def test_an_outsider_gets_the_same_answer_for_a_leeds_person_and_a_missing_one(
    client, other_area, birmingham_parent
):
    """The reported case: a Birmingham-only parent probing Leeds people's consultation load."""
    leeds_parent = member(other_area, Role.PARENT_CARER)
    client.force_login(birmingham_parent)
    existing = client.get(f"/leeds/consultation/people/{leeds_parent.pk}/")
    nonexistent = client.get("/leeds/consultation/people/999999/")
    assert existing.status_code == nonexistent.status_code == 403


def test_an_outsider_gets_the_same_answer_on_body_and_agreement_edit_pages(
    client, other_area, birmingham_parent
):
    body = BodyFactory(area=other_area)
    agreement = PartnershipAgreementFactory(area=other_area)
    client.force_login(birmingham_parent)
    for existing, nonexistent in [
        (f"/leeds/governance/{body.pk}/edit/", "/leeds/governance/999999/edit/"),
        (f"/leeds/agreements/{agreement.pk}/edit/", "/leeds/agreements/999999/edit/"),
    ]:
        assert client.get(existing).status_code == client.get(nonexistent).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_an_outsider_cannot_tell_an_existing_id_from_a_missing_one(
    client, other_area, birmingham_parent, page
):
    method, url = PAGES[page]
    records = records_for(page, other_area)
    client.force_login(birmingham_parent)
    existing = getattr(client, method)(fill(url, records))
    nonexistent = getattr(client, method)(fill(url, missing(records)))
    assert existing.status_code == nonexistent.status_code == OUTSIDER_ANSWER[page], page


def _id_taking_url_names(resolver=None, namespace="") -> set[str]:
    """Names of the URL patterns with a parameter besides the area's slug."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _id_taking_url_names(pattern, inner)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name
            and set(pattern.pattern.converters) - {"area_slug"}
        ):
            names.add(f"{namespace}{pattern.name}")
    return names


def test_the_sweep_covers_every_page_that_takes_an_id(other_area):
    # Each app's records in an area of their own: some (expenses' claims) need the area's
    # agreements to be only theirs.
    made = {app: make(LocalAreaFactory()) for app, (_matrix, make) in APPS.items()}
    covered = {
        resolve(fill(url, made[page.split(":")[0]]).split("?")[0]).view_name
        for page, (_method, url) in PAGES.items()
    }
    id_pages = {name for name in _id_taking_url_names() if name.split(":")[0] in APPS}
    assert id_pages - NOT_AREA_PAGES <= covered, sorted(id_pages - NOT_AREA_PAGES - covered)


@pytest.mark.parametrize(
    ("url", "role"),
    [
        ("/birmingham/consultation/people/{other}/", Role.PARENT_CARER),
        ("/birmingham/agreements/{agreement}/edit/", Role.PARENT_CARER),
        ("/birmingham/groups/{group}/members/add/", Role.YOUNG_PERSON),
        ("/birmingham/consultation/groups/{group}/", Role.PARENT_CARER),
    ],
)
def test_a_member_without_the_role_gets_the_same_answer_for_any_id(client, area, url, role):
    records = {
        "other": member(area, Role.PARENT_CARER).pk,
        "agreement": PartnershipAgreementFactory(area=area).pk,
        "group": ParticipationGroupFactory(area=area).pk,
    }
    client.force_login(member(area, role))
    existing = client.get(url.format(**records))
    nonexistent = client.get(url.format(**dict.fromkeys(records, 999_999)))
    assert existing.status_code == nonexistent.status_code == 403
