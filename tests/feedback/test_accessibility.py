"""Zero axe-core violations (WCAG 2.2 A and AA) and 320 px reflow on every feedback page,
and on every feedback form after it is sent with errors."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.feedback import services
from evaluation.feedback.models import FeedbackStatusChange, Visibility
from tests.accessibility import check_form_errors, check_pages
from tests.feedback.factories import FeedbackItemFactory, answered, published
from tests.forums.factories import BodyFactory
from tests.initiatives.factories import InitiativeFactory
from tests.people.factories import LocalAreaFactory, member

pytestmark = pytest.mark.browser

TODAY = timezone.localdate()


@pytest.fixture
def world(transactional_db):
    area = LocalAreaFactory(name="Birmingham", slug="birmingham")
    body = BodyFactory(area=area, name="Objective 3: Working Together Well")
    initiative = InitiativeFactory(area=area, title="Local Offer co-design group")
    officer = member(area, Role.OFFICER, display_name="Helen Ward")
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    young_person = member(area, Role.YOUNG_PERSON, display_name="Ali Khan")
    admin = member(area, Role.AREA_ADMIN)
    item = FeedbackItemFactory(
        area=area,
        said_by=parent,
        owner=officer,
        body=body,
        initiative=initiative,
        text="Sam Okafor here (07700 900123): the Local Offer has no page on short breaks.",
        said_on=TODAY - timedelta(weeks=10),
        due_on=TODAY - timedelta(weeks=2),
    )
    FeedbackStatusChange.objects.create(item=item, changed_by=officer, status="Received")
    shown = published(
        FeedbackItemFactory(
            area=area,
            body=body,
            initiative=initiative,
            said_by=parent,
            evidence_url="https://www.example.org/short-breaks.pdf",
        ),
        text="The Local Offer has no page on short breaks.",
    )
    answered(
        FeedbackItemFactory(area=area, said_by=parent, topic="service", service_name="CAMHS"),
        kind="will",
    )
    return {
        "area": area,
        "body": body,
        "initiative": initiative,
        "officer": officer,
        "parent": parent,
        "young_person": young_person,
        "admin": admin,
        "item": item,
        "shown": shown,
    }


def clear(*names):
    def fill(page):
        for name in names:
            page.fill(f"[name={name}]", "")

    return fill


def test_publication_pages(axe, world):
    w = world
    pages = [
        "/birmingham/you-said-we-did/",
        "/birmingham/you-said-we-did/?topic=local_offer_content",
        f"/birmingham/you-said-we-did/bodies/{w['body'].pk}/",
        f"/birmingham/you-said-we-did/initiatives/{w['initiative'].code}/",
        f"/birmingham/you-said-we-did/local-offer/{TODAY.year}/",
    ]
    check_pages(axe, w["parent"], pages)
    services.feedback_settings_update(area=w["area"], visibility=Visibility.PUBLIC)
    check_pages(axe, None, pages[:1])


def test_pages_families_use(axe, world):
    w = world
    check_pages(axe, w["parent"], ["/birmingham/feedback/send/", "/birmingham/feedback/yours/"])
    check_form_errors(axe, w["parent"], "/birmingham/feedback/send/")
    check_pages(
        axe, w["young_person"], ["/birmingham/feedback/send/", "/birmingham/feedback/yours/"]
    )
    check_form_errors(axe, w["young_person"], "/birmingham/feedback/send/")


def test_pages_officers_use(axe, world):
    w = world
    item = f"/birmingham/feedback/{w['item'].pk}/"
    check_pages(
        axe,
        w["officer"],
        [
            "/",
            "/birmingham/feedback/",
            "/birmingham/feedback/?show=overdue",
            item,
            f"/birmingham/feedback/{w['shown'].pk}/",
        ],
    )
    check_form_errors(axe, w["officer"], "/birmingham/feedback/add/")
    check_form_errors(axe, w["officer"], item + "respond/", clear("text", "due_on_0"))
    check_form_errors(axe, w["officer"], item + "leave-out/")
    check_form_errors(axe, w["officer"], item + "anonymise/", clear("text"))
    check_pages(axe, w["officer"], [item + "anonymise/"])
    check_form_errors(axe, w["admin"], "/birmingham/feedback/settings/", clear("weeks_to_respond"))


def test_import_pages(axe, world):
    w = world
    check_pages(axe, w["officer"], ["/birmingham/feedback/import/"])
    check_form_errors(axe, w["officer"], "/birmingham/feedback/import/")

    def upload(content: bytes):
        page = axe.open("/birmingham/feedback/import/", as_person=w["officer"])
        page.set_input_files(
            "input[name=file]", {"name": "feedback.csv", "mimeType": "text/csv", "buffer": content}
        )
        axe.submit(page)
        axe.check(page)

    upload(b"text,said_on,topic\n,2026-10-01,weather\n")
    upload(b"text,said_on,topic\nHard to search,2026-10-01,accessibility\n")


def test_filters_with_values_not_on_the_list(axe, world):
    w = world
    for person, path in [
        (w["parent"], "/birmingham/you-said-we-did/?topic=bad&period=1999"),
        (w["officer"], "/birmingham/feedback/?show=everything&topic=bad"),
    ]:
        page = axe.open(path, as_person=person)
        assert page.locator(".govuk-error-summary").is_visible(), path
        axe.check(page)


def test_the_item_page_of_a_left_out_item(axe, world):
    w = world
    services.feedback_leave_out(item=w["item"], by=w["officer"], reason="vexatious")
    check_pages(axe, w["officer"], [f"/birmingham/feedback/{w['item'].pk}/"])
