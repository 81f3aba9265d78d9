"""Every feedback page against every role, an officer of another area and nobody. Who said
what is for officers only; another area's items are never reachable by changing an id."""

import pytest

from coproduction.people.models import Role
from evaluation.feedback import services
from evaluation.feedback.models import Visibility
from tests.feedback.factories import FeedbackItemFactory, published
from tests.forums.factories import BodyFactory
from tests.initiatives.factories import InitiativeFactory
from tests.permissions import (
    ADMINS,
    ANONYMOUS,
    EVERYONE,
    FAMILIES,
    MEMBERS,
    OFFICERS,
    OTHER_AREA,
    assert_matrix_status,
    client_as,
    expect,
)

pytestmark = pytest.mark.django_db

MANAGERS = [*OFFICERS, *ADMINS]
PUBLIC_PAGE = expect(MEMBERS, other_area=404)
ITEM = "/{area}/feedback/{item}/"

MATRIX = {
    "you said we did": ("get", "/{area}/you-said-we-did/", PUBLIC_PAGE),
    "body page": ("get", "/{area}/you-said-we-did/bodies/{body}/", PUBLIC_PAGE),
    "initiative page": ("get", "/{area}/you-said-we-did/initiatives/{initiative}/", PUBLIC_PAGE),
    "local offer": ("get", "/{area}/you-said-we-did/local-offer/{year}/", PUBLIC_PAGE),
    "feedback list": ("get", "/{area}/feedback/", expect(MANAGERS)),
    "record": ("get", "/{area}/feedback/add/", expect(MANAGERS)),
    "import": ("get", "/{area}/feedback/import/", expect(MANAGERS)),
    "import check": ("get", "/{area}/feedback/import/check/", expect(MANAGERS, ok=302)),
    "settings": ("get", "/{area}/feedback/settings/", expect(ADMINS)),
    "send": ("get", "/{area}/feedback/send/", expect(FAMILIES)),
    "what you told us": ("get", "/{area}/feedback/yours/", expect(FAMILIES)),
    "item": ("get", ITEM, expect(MANAGERS)),
    "respond": ("get", ITEM + "respond/", expect(MANAGERS)),
    "leave out": ("get", ITEM + "leave-out/", expect(MANAGERS)),
    "anonymise": ("get", ITEM + "anonymise/", expect(MANAGERS)),
    "publish": ("post", ITEM + "publish/", expect(MANAGERS, ok=302)),
    "unpublish": ("post", ITEM + "unpublish/", expect(MANAGERS, ok=302)),
    "put back": ("post", ITEM + "put-back/", expect(MANAGERS, ok=302)),
}


def make_records(area) -> dict:
    """One record of every kind this app's pages take an id of, all in `area`."""
    from django.utils import timezone

    body = BodyFactory(area=area)
    initiative = InitiativeFactory(area=area)
    item = published(FeedbackItemFactory(area=area, body=body, initiative=initiative))
    return {
        "area": area.slug,
        "body": body.pk,
        "initiative": initiative.code,
        "item": item.pk,
        "year": timezone.localdate().year,
    }


@pytest.fixture
def records(area):
    return make_records(area)


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, records, page, role):
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


PUBLICATION_PAGES = [page for page, (_m, url, _e) in MATRIX.items() if "you-said" in url]


@pytest.mark.parametrize("role", [ANONYMOUS, OTHER_AREA])
@pytest.mark.parametrize("page", PUBLICATION_PAGES)
def test_public_pages_are_open_to_everyone_when_the_area_says_so(
    client, area, other_area, records, page, role
):
    services.feedback_settings_update(area=area, visibility=Visibility.PUBLIC)
    client_as(client, role, area, other_area)
    _method, url, _expected = MATRIX[page]
    assert client.get(url.format(**records)).status_code == 200


def test_another_areas_item_is_missing_for_its_officers(client, area, other_area):
    theirs = FeedbackItemFactory(area=other_area)
    client_as(client, Role.OFFICER, area, other_area)
    for name, (method, url, _expected) in MATRIX.items():
        if "{item}" in url:
            response = getattr(client, method)(url.format(area=area.slug, item=theirs.pk))
            assert response.status_code == 404, name


def test_an_unpublished_initiative_has_no_public_page(client, area):
    services.feedback_settings_update(area=area, visibility=Visibility.PUBLIC)
    draft = InitiativeFactory(area=area, publication="draft")
    assert client.get(f"/{area.slug}/you-said-we-did/initiatives/{draft.code}/").status_code == 404
