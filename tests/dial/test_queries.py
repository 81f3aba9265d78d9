"""Self-evaluation pages and the dashboard figures run a fixed number of queries whatever
the amount of data: pinned at two sizes. The comment on each says which N+1 it guards."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.dial.models import ExperiencedAnswer
from evaluation.figures import DashboardScope, academic_year, figures
from tests.dial.factories import (
    ActivityDeclarationFactory,
    DialAssessmentFactory,
    DialSubjectFactory,
    MissingStakeholderFactory,
    StakeholderFactory,
    answers,
    attendee,
    characteristics_check,
)
from tests.forums.factories import BodyFactory, ParticipationGroupFactory
from tests.people.factories import OrganisationFactory, member
from tests.queries import assert_page_queries

pytestmark = pytest.mark.django_db

SIZES = [2, 6]
SE = "/{}/self-evaluation/"


def overview(area, n):
    # guards: one query per subject for its latest assessment or its body
    for _ in range(n):
        subject = DialSubjectFactory(area=area, body=BodyFactory(area=area))
        for days in range(n):
            DialAssessmentFactory(subject=subject, assessed_on=date(2026, 1, 1) + timedelta(days))
    return SE.format(area.slug) + "dial/", member(area, Role.BOARD_MEMBER)


def timeline(area, n):
    # guards: one query per assessment for its participants, recorder, or their roles
    subject = DialSubjectFactory(area=area)
    officer = member(area, Role.OFFICER)
    for days in range(n):
        assessment = DialAssessmentFactory(
            subject=subject, assessed_on=date(2026, 1, 1) + timedelta(days), recorded_by=officer
        )
        assessment.participants.set([member(area, Role.PARENT_CARER), officer])
    return subject.get_absolute_url(), officer


def activities(area, n):
    # guards: one query per declaration for its activity or its answer counts
    for _ in range(n):
        declaration = ActivityDeclarationFactory(area=area)
        answers(declaration, *([5] * n))
    return SE.format(area.slug) + "declared-and-experienced/", member(area, Role.BOARD_MEMBER)


def activity(area, n):
    # guards: one query per answer (they are counted in SQL)
    declaration = ActivityDeclarationFactory(area=area)
    answers(declaration, *([4] * n))
    parent = attendee(declaration)
    ExperiencedAnswer.objects.create(declaration=declaration, person=parent, level=6)
    return declaration.get_absolute_url(), parent


def assess_form(area, n):
    # guards: one query per person of the area for their roles
    subject = DialSubjectFactory(area=area)
    for _ in range(n):
        member(area, Role.PARENT_CARER)
    return f"{subject.get_absolute_url()}assess/", member(area, Role.OFFICER)


def characteristics(area, n):
    # guards: one query per earlier check for its ratings
    for days in range(n):
        characteristics_check(area, on=timezone.localdate() - timedelta(days=days + 1))
    return SE.format(area.slug) + "characteristics/", member(area, Role.PARENT_CARER)


def stakeholders(area, n):
    # guards: one query per stakeholder for its organisation or group
    for _ in range(n):
        StakeholderFactory(area=area, name="", organisation=OrganisationFactory(area=area))
        StakeholderFactory(area=area, name="", group=ParticipationGroupFactory(area=area))
        MissingStakeholderFactory(area=area)
    return SE.format(area.slug) + "stakeholders/", member(area, Role.OFFICER)


PAGES = {
    "dial overview": (overview, 7),
    "subject timeline": (timeline, 10),
    "activities": (activities, 7),
    "activity": (activity, 9),
    "record assessment form": (assess_form, 9),
    "characteristics": (characteristics, 8),
    "stakeholders": (stakeholders, 7),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", PAGES)
def test_pages_run_a_fixed_number_of_queries(client, area, django_assert_num_queries, page, size):
    assert_page_queries(client, django_assert_num_queries, PAGES, page, area, size)


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_figures_run_a_fixed_number_of_queries(area, size):
    # guards: one query per subject for its levels, per declaration for its answers
    overview(area, size)
    activities(area, size)
    characteristics(area, size)
    scope = DashboardScope(
        area=area, period=academic_year(timezone.localdate()), today=timezone.localdate()
    )
    provider = next(p for p in figures.providers if p.slug == "dial")
    with CaptureQueriesContext(connection) as built:
        provider.build(scope)
    with CaptureQueriesContext(connection) as measured:
        provider.measures(scope)
    # the area's ladder, subjects' positions, declarations, the latest check and its ratings
    assert (len(built), len(measured)) == (6, 3)
