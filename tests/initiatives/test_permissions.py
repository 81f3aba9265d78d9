"""Every page of the initiatives app against every role, and an officer of another area."""

import pytest

from coproduction.people.models import Role
from initiatives.models import Publication
from tests.initiatives.factories import (
    InitiativeFactory,
    InterestFactory,
    OpportunityFactory,
    OptionFactory,
    OutcomeFactory,
)
from tests.people.factories import member
from tests.permissions import (
    EVERYONE,
    FAMILIES,
    MEMBERS,
    OFFICERS,
    assert_matrix_status,
    expect,
)

pytestmark = pytest.mark.django_db

INITIATIVE = "/{area}/initiatives/{code}"
OPPORTUNITY = INITIATIVE + "/opportunities/{opportunity}"

# name: (method, url template, expected statuses). Placeholders are filled from `records`.
MATRIX = {
    "register": ("get", "/{area}/initiatives/", expect(MEMBERS)),
    "export": ("get", "/{area}/initiatives/export.csv", expect(MEMBERS)),
    "summary": ("get", "/{area}/initiatives/summary/", expect(MEMBERS)),
    "options": ("get", "/{area}/options/", expect(MEMBERS)),
    "option": ("get", "/{area}/options/{option}/", expect(MEMBERS)),
    "initiative": ("get", INITIATIVE + "/", expect(MEMBERS)),
    # Drafts are not found by people who may not see them.
    "draft initiative": ("get", "/{area}/initiatives/{draft}/", expect(OFFICERS, denied=404)),
    "register an initiative": ("get", "/{area}/initiatives/register/", expect(OFFICERS)),
    "import": ("get", "/{area}/initiatives/import/", expect(OFFICERS)),
    # Without a file in the session, the check step sends officers back to the upload.
    "import check": ("get", "/{area}/initiatives/import/check/", expect(OFFICERS, ok=302)),
    "change initiative": ("get", INITIATIVE + "/change/", expect(OFFICERS)),
    "change status": ("get", INITIATIVE + "/status/", expect(OFFICERS)),
    "link options": ("get", INITIATIVE + "/options/", expect(OFFICERS)),
    "add outcome": ("get", INITIATIVE + "/outcomes/add/", expect(OFFICERS)),
    "change outcome": ("get", INITIATIVE + "/outcomes/{outcome}/", expect(OFFICERS)),
    "remove outcome": ("get", INITIATIVE + "/outcomes/{outcome}/remove/", expect(OFFICERS)),
    "add contact": ("get", INITIATIVE + "/contacts/add/", expect(OFFICERS)),
    "remove contact": (
        "post",
        INITIATIVE + "/contacts/{contact}/remove/",
        expect(OFFICERS, ok=302),
    ),
    "publish": ("post", "/{area}/initiatives/{draft}/publish/", expect(OFFICERS, ok=302)),
    "archive": ("post", INITIATIVE + "/archive/", expect(OFFICERS, ok=302)),
    "restore": ("post", INITIATIVE + "/restore/", expect(OFFICERS, ok=302)),
    "open opportunity": ("get", INITIATIVE + "/opportunities/add/", expect(OFFICERS)),
    "opportunity": ("get", OPPORTUNITY + "/", expect(MEMBERS)),
    "change opportunity": ("get", OPPORTUNITY + "/change/", expect(OFFICERS)),
    "close opportunity": ("post", OPPORTUNITY + "/close/", expect(OFFICERS, ok=302)),
    # The opportunity is for parent carers: only they can say they are interested.
    "express interest": ("post", OPPORTUNITY + "/", expect([Role.PARENT_CARER], ok=302)),
    # Families may withdraw their own interest; these people have none to withdraw.
    "withdraw interest": ("post", OPPORTUNITY + "/withdraw/", expect(FAMILIES, ok=404)),
    "answer interest": ("get", OPPORTUNITY + "/interest/{interest}/", expect(OFFICERS)),
    "get involved": ("get", "/{area}/get-involved/", expect(FAMILIES)),
}


@pytest.fixture
def records(area):
    initiative = InitiativeFactory(area=area)
    outcome = OutcomeFactory(initiative=initiative)
    contact = initiative.contacts.create(name="Outside Contact", role="Chair")
    opportunity = OpportunityFactory(initiative=initiative)
    interest = InterestFactory(opportunity=opportunity)
    return {
        "area": area.slug,
        "code": initiative.code,
        "draft": InitiativeFactory(area=area, publication=Publication.DRAFT).code,
        "outcome": outcome.pk,
        "contact": contact.pk,
        "opportunity": opportunity.pk,
        "interest": interest.pk,
        "option": OptionFactory(area=area).pk,
    }


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


def test_another_areas_initiatives_are_not_found_from_your_area(client, area, other_area):
    officer = member(area, Role.OFFICER)
    leeds = InitiativeFactory(area=other_area)
    opportunity = OpportunityFactory(initiative=leeds)
    option = OptionFactory(area=other_area)
    client.force_login(officer)
    assert client.get(f"/birmingham/initiatives/{leeds.code}/").status_code == 404
    assert client.get(f"/birmingham/initiatives/{leeds.code}/change/").status_code == 404
    url = f"/birmingham/initiatives/{leeds.code}/opportunities/{opportunity.pk}/"
    assert client.get(url).status_code == 404
    assert client.get(f"/birmingham/options/{option.pk}/").status_code == 404
    assert client.get(f"/leeds/initiatives/{leeds.code}/").status_code == 403


def test_an_opportunity_of_a_draft_initiative_is_hidden_from_families(client, area):
    draft = InitiativeFactory(area=area, publication=Publication.DRAFT)
    opportunity = OpportunityFactory(initiative=draft)
    client.force_login(member(area, Role.PARENT_CARER))
    url = f"/birmingham/initiatives/{draft.code}/opportunities/{opportunity.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_unknown_codes_and_records_are_not_found(client, area):
    client.force_login(member(area, Role.OFFICER))
    initiative = InitiativeFactory(area=area)
    for url in [
        "/birmingham/initiatives/CoDesign99999/",
        f"/birmingham/initiatives/{initiative.code}/outcomes/999999/",
        f"/birmingham/initiatives/{initiative.code}/opportunities/999999/",
        "/birmingham/options/999999/",
    ]:
        assert client.get(url).status_code == 404, url
