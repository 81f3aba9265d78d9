"""Feedback pages, report selectors and dashboard figures run a fixed number of queries
whatever the amount of data: pinned at two sizes. The comment on each says which N+1 it
guards against."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.feedback import selectors, services
from evaluation.feedback.models import FeedbackItem, FeedbackStatusChange, Visibility
from evaluation.figures import DashboardScope, academic_year
from evaluation.figures.feedback import build, measures
from tests.feedback.factories import FeedbackItemFactory, published
from tests.forums.factories import BodyFactory
from tests.initiatives.factories import InitiativeFactory
from tests.meetings.factories import MeetingFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db

SIZES = [3, 15]
TODAY = timezone.localdate()


def linked_items(area, n, **fields):
    """`n` published items, each linked to a body, an initiative and a meeting as evidence."""
    body = BodyFactory(area=area)
    initiative = InitiativeFactory(area=area)
    meeting = MeetingFactory(body=body)
    officer = member(area, Role.OFFICER)
    items = []
    for index in range(n):
        item = FeedbackItemFactory(
            area=area,
            body=body,
            initiative=initiative,
            owner=officer,
            evidence_initiative=initiative,
            evidence_meeting=meeting,
            said_by=member(area, Role.PARENT_CARER),
            **fields,
        )
        if index % 3:
            published(item)
        FeedbackStatusChange.objects.create(item=item, changed_by=officer, status="Received")
        items.append(item)
    return body, initiative, officer, items


def publication(area, n):
    # guards: per item for its evidence initiative or meeting
    linked_items(area, n)
    return "/birmingham/you-said-we-did/", member(area, Role.PARENT_CARER)


def public_publication(area, n):
    # guards: the same, for a visitor who is not signed in
    services.feedback_settings_update(area=area, visibility=Visibility.PUBLIC)
    linked_items(area, n)
    return "/birmingham/you-said-we-did/?topic=local_offer_content", None


def body_publication(area, n):
    body, *_ = linked_items(area, n)
    return f"/birmingham/you-said-we-did/bodies/{body.pk}/", member(area, Role.PARENT_CARER)


def initiative_publication(area, n):
    _, initiative, *_ = linked_items(area, n)
    return (
        f"/birmingham/you-said-we-did/initiatives/{initiative.code}/",
        member(area, Role.PARENT_CARER),
    )


def local_offer(area, n):
    # guards: per topic, per item for its evidence
    linked_items(area, n)
    return f"/birmingham/you-said-we-did/local-offer/{TODAY.year}/", member(area, Role.OFFICER)


def officer_list(area, n):
    # guards: per item for its owner
    _, _, officer, _ = linked_items(area, n)
    return "/birmingham/feedback/?show=&topic=", officer


def item_page(area, n):
    # guards: per history row for who changed it
    _, _, officer, items = linked_items(area, 1)
    for _ in range(n):
        FeedbackStatusChange.objects.create(item=items[0], changed_by=officer, status="Changed")
    return f"/birmingham/feedback/{items[0].pk}/", officer


def yours(area, n):
    # guards: per item for its links
    parent = member(area, Role.PARENT_CARER)
    linked_items(area, n, text="Mine")
    for _ in range(n):
        FeedbackItemFactory(area=area, said_by=parent)
    return "/birmingham/feedback/yours/", parent


def home_overdue(area, n):
    # guards: per overdue item for its area
    owner = member(area, Role.OFFICER)
    for _ in range(n):
        FeedbackItemFactory(
            area=area,
            owner=owner,
            said_on=TODAY - timedelta(weeks=10),
            due_on=TODAY - timedelta(weeks=1),
        )
    return "/", owner


PAGES = {
    "publication": (publication, 8),
    "public publication": (public_publication, 7),
    "body publication": (body_publication, 9),
    "initiative publication": (initiative_publication, 9),
    "local offer": (local_offer, 10),
    "officer list": (officer_list, 8),
    "item page": (item_page, 7),
    "what you told us": (yours, 6),
    "home page with overdue feedback": (home_overdue, 18),
}


def count_queries(client, url, person) -> int:
    if person is not None:
        client.force_login(person)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", PAGES)
def test_pages_run_a_fixed_number_of_queries_at_two_sizes(client, area, page):
    build_page, expected = PAGES[page]
    counts = []
    for size in SIZES:
        FeedbackItem.objects.all().delete()
        url, person = build_page(area, size)
        client.logout()
        counts.append(count_queries(client, url, person))
    assert counts == [expected, expected]


@pytest.mark.parametrize("size", SIZES)
def test_report_selectors_run_a_fixed_number_of_queries(area, size, django_assert_num_queries):
    linked_items(area, size)
    with django_assert_num_queries(1):  # guards: per row for its evidence
        rows = selectors.published_items(
            area=area, period_start=TODAY - timedelta(days=365), period_end=TODAY
        )
    assert len(rows) == len([i for i in range(size) if i % 3])
    with django_assert_num_queries(2):  # the counts, and every item for a report
        publication = selectors.local_offer_publication(
            area=area, year=TODAY.year, limit_per_topic=None
        )
    assert publication["item_count"] == len(rows)
    with django_assert_num_queries(4):  # the counts, and each topic's first items for a page
        publication = selectors.local_offer_publication(area=area, year=TODAY.year)
    assert publication["item_count"] == len(rows)


@pytest.mark.parametrize("size", SIZES)
def test_the_dashboard_figures_run_a_fixed_number_of_queries(area, size, django_assert_num_queries):
    linked_items(area, size, said_on=TODAY - timedelta(weeks=10), due_on=TODAY - timedelta(weeks=2))
    scope = DashboardScope(area=area, period=academic_year(TODAY), today=TODAY)
    with django_assert_num_queries(3):  # terms, due dates grouped in SQL, overdue count
        build(scope)
    with django_assert_num_queries(2):
        measures(scope)
