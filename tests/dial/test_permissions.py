"""Every self-evaluation page against every role, an officer of another area and nobody;
another area's records are 404 for the area's own officers; only families who took part may
say which level they experienced."""

import pytest

from coproduction.people.models import Role
from tests.dial.factories import (
    ActivityDeclarationFactory,
    DialAssessmentFactory,
    DialSubjectFactory,
    MissingStakeholderFactory,
    StakeholderFactory,
    attendee,
)
from tests.people.factories import member
from tests.permissions import (
    ADMINS,
    EVERYONE,
    MEMBERS,
    OFFICERS,
    assert_matrix_status,
    expect,
)

pytestmark = pytest.mark.django_db

NOBODY = []
SE = "/{area}/self-evaluation/"
A = SE + "declared-and-experienced/{declaration}/"

MATRIX = {
    "ladder settings": ("get", SE + "ladder/", expect(ADMINS)),
    "dial": ("get", SE + "dial/", expect(MEMBERS)),
    "add subject": ("get", SE + "dial/add/", expect(OFFICERS)),
    "subject timeline": ("get", SE + "dial/{subject}/", expect(MEMBERS)),
    "record assessment": ("get", SE + "dial/{subject}/assess/", expect(OFFICERS)),
    "change assessment": ("get", SE + "dial/assessments/{assessment}/edit/", expect(OFFICERS)),
    "activities": ("get", SE + "declared-and-experienced/", expect(MEMBERS)),
    "declare": ("get", SE + "declared-and-experienced/declare/", expect(OFFICERS)),
    "activity": ("get", A, expect(MEMBERS)),
    "change declaration": ("get", A + "edit/", expect(OFFICERS)),
    "say how it felt": ("get", A + "answer/", expect(NOBODY)),
    "characteristics": ("get", SE + "characteristics/", expect(MEMBERS)),
    "check characteristics": ("get", SE + "characteristics/check/", expect(OFFICERS)),
    "stakeholders": ("get", SE + "stakeholders/", expect(MEMBERS)),
    "add stakeholder": ("get", SE + "stakeholders/add/", expect(OFFICERS)),
    "change stakeholder": ("get", SE + "stakeholders/{stakeholder}/edit/", expect(OFFICERS)),
    "add missing": ("get", SE + "stakeholders/missing/add/", expect(OFFICERS)),
    "remove missing": (
        "post",
        SE + "stakeholders/missing/{missing}/remove/",
        expect(OFFICERS, ok=302),
    ),
}


def make_records(area):
    subject = DialSubjectFactory(area=area)
    return {
        "area": area.slug,
        "subject": subject.pk,
        "assessment": DialAssessmentFactory(subject=subject).pk,
        "declaration": ActivityDeclarationFactory(area=area).pk,
        "stakeholder": StakeholderFactory(area=area).pk,
        "missing": MissingStakeholderFactory(area=area).pk,
    }


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("page", MATRIX)
def test_permission_matrix(client, area, other_area, page, role):
    records = make_records(area)
    assert_matrix_status(client, MATRIX, page, role, records, area, other_area)


@pytest.mark.parametrize("page", [p for p in MATRIX if "{" in MATRIX[p][1].replace("{area}", "")])
def test_another_areas_record_is_not_found(client, area, other_area, page):
    method, url, _ = MATRIX[page]
    theirs = make_records(other_area)
    theirs["area"] = area.slug
    client.force_login(member(area, Role.OFFICER, Role.PARENT_CARER))
    assert getattr(client, method)(url.format(**theirs)).status_code == 404


@pytest.mark.parametrize("role", [Role.PARENT_CARER, Role.YOUNG_PERSON])
def test_families_who_took_part_may_say_how_it_felt(client, area, role):
    declaration = ActivityDeclarationFactory(area=area)
    client.force_login(attendee(declaration, role))
    url = f"/{area.slug}/self-evaluation/declared-and-experienced/{declaration.pk}/answer/"
    assert client.get(url).status_code == 200


def test_an_officer_who_attended_cannot_answer_for_families(client, area):
    declaration = ActivityDeclarationFactory(area=area)
    client.force_login(attendee(declaration, Role.OFFICER))
    url = f"/{area.slug}/self-evaluation/declared-and-experienced/{declaration.pk}/answer/"
    assert client.get(url).status_code == 403
