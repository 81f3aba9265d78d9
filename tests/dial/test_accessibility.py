"""Zero axe-core violations (WCAG 2.2 A and AA) and 320 px reflow on every self-evaluation
page, and on every self-evaluation form after it is sent with errors."""

import pytest

from coproduction.people.models import Role
from evaluation.dial.models import ExperiencedAnswer
from tests.accessibility import check_form_errors, check_pages
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
from tests.forums.factories import BodyFactory
from tests.people.factories import LocalAreaFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db):
    area = LocalAreaFactory(name="Birmingham", slug="birmingham")
    officer = member(area, Role.OFFICER, display_name="Olivia Bennett")
    body = BodyFactory(area=area, name="Objective 3: Working Together Well")
    subject = DialSubjectFactory(area=area, name="SEND Assessment Service", body=body)
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    for level in (4, 6, 5):
        assessment = DialAssessmentFactory(
            subject=subject, level=level, answers={"where_we_sit": "Consultation, mostly."}
        )
        assessment.participants.set([officer, parent])
    DialSubjectFactory(area=area, dial="individual", kind="team", name="Short Breaks team")
    shown = ActivityDeclarationFactory(area=area, aimed_level=7, reached_level=6)
    answers(shown, 4, 5, 5, 6, 6)
    declaration = ActivityDeclarationFactory(area=area)
    family = attendee(declaration, display_name="Ali Khan")
    young = attendee(declaration, Role.YOUNG_PERSON, display_name="Jordan Lee")
    answered = attendee(declaration, display_name="Grace Adeyemi")
    ExperiencedAnswer.objects.create(declaration=declaration, person=answered, level=5)
    characteristics_check(area)
    characteristics_check(area, status="partly")
    stakeholder = StakeholderFactory(area=area, name="Ladywood Community Hub")
    MissingStakeholderFactory(area=area)
    return {
        "area": area,
        "officer": officer,
        "admin": member(area, Role.AREA_ADMIN),
        "subject": subject,
        "assessment": assessment,
        "shown": shown,
        "declaration": declaration,
        "family": family,
        "young": young,
        "answered": answered,
        "stakeholder": stakeholder,
    }


SE = "/birmingham/self-evaluation/"


def clear_choices(page):
    page.locator("main form input[type=radio]").evaluate_all(
        "inputs => inputs.forEach(input => { input.checked = false; })"
    )


def clear_evidence(page):
    page.locator("main form textarea[name=evidence]").fill("")


def test_pages_everyone_reads(axe, world):
    w = world
    activity = f"{SE}declared-and-experienced/{w['shown'].pk}/"
    check_pages(
        axe,
        w["family"],
        [
            SE + "dial/",
            f"{SE}dial/{w['subject'].pk}/",
            SE + "declared-and-experienced/",
            activity,
            f"{SE}declared-and-experienced/{w['declaration'].pk}/",
            SE + "characteristics/",
            SE + "stakeholders/",
        ],
    )
    check_pages(axe, w["answered"], [f"{SE}declared-and-experienced/{w['declaration'].pk}/"])
    check_pages(axe, w["family"], ["/"])  # with "Say how it felt"


def test_forms_families_use(axe, world):
    w = world
    answer = f"{SE}declared-and-experienced/{w['declaration'].pk}/answer/"
    check_form_errors(axe, w["family"], answer)
    check_form_errors(axe, w["young"], answer)


def test_pages_and_forms_officers_use(axe, world):
    w = world
    officer = w["officer"]
    check_pages(
        axe,
        officer,
        ["/", SE + "dial/", f"{SE}dial/{w['subject'].pk}/", SE + "stakeholders/"],
    )  # the home page with "Dial assessments due for review"
    check_form_errors(axe, officer, SE + "dial/add/")
    check_form_errors(axe, officer, f"{SE}dial/{w['subject'].pk}/assess/")
    check_form_errors(
        axe, officer, f"{SE}dial/assessments/{w['assessment'].pk}/edit/", fill=clear_evidence
    )
    check_form_errors(axe, officer, SE + "declared-and-experienced/declare/")
    check_form_errors(
        axe,
        officer,
        f"{SE}declared-and-experienced/{w['shown'].pk}/edit/",
        fill=clear_choices,
    )
    check_form_errors(axe, officer, SE + "characteristics/check/")
    check_form_errors(axe, officer, SE + "stakeholders/add/")
    check_form_errors(
        axe, officer, f"{SE}stakeholders/{w['stakeholder'].pk}/edit/", fill=clear_choices
    )
    check_form_errors(axe, officer, SE + "stakeholders/missing/add/")
    check_form_errors(axe, w["admin"], SE + "ladder/", fill=clear_choices)
