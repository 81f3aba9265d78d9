"""Zero axe-core violations (WCAG 2.2 A and AA) and 320 px reflow on every expenses page,
and on every expenses form sent with errors."""

from decimal import Decimal

import pytest

from coproduction.people.models import Role
from forums.expenses.models import ExpenseSettings
from forums.expenses.services import claims as services
from tests.accessibility import check_form_errors, check_pages
from tests.expenses.factories import (
    attended,
    claim,
    incentive,
    pdf_receipt,
    signed_agreement,
)
from tests.people.factories import LocalAreaFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    area = LocalAreaFactory(name="Birmingham", slug="birmingham")
    agreement = signed_agreement(area, budget="12000", cost_code="SEND-2026")
    ExpenseSettings.objects.create(area=area, young_people_service="Birmingham Youth Service")
    vouchers = incentive(area, "Shopping vouchers", benefits_note="Usually not income.")
    incentive(area, "Payment for your time", kind="money", benefits_note="Can affect benefits.")
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    young = member(area, Role.YOUNG_PERSON, display_name="Jordan Lee")
    officer = member(area, Role.OFFICER, display_name="Olivia Bennett")
    admin = member(area, Role.AREA_ADMIN)
    attended(parent, area, days_ago=3)
    attended(young, area, days_ago=4)
    waiting = claim(area, parent, fares=Decimal("4.80"), time_hours=Decimal("2"), reward=vouchers)
    services.receipt_add(claim=waiting, upload=pdf_receipt(), by=parent)
    paid = claim(area, parent, miles=Decimal("14"))
    services.claim_approve(claim=paid, by=officer)
    sent_back = claim(area, young, miles=Decimal("40"))
    services.claim_ask_change(claim=sent_back, by=officer, message="Was it 14 miles?")
    approved = claim(area, fares=Decimal("3"))
    services.claim_approve(claim=approved, by=officer)
    return {
        "area": area,
        "agreement": agreement,
        "parent": parent,
        "young": young,
        "officer": officer,
        "admin": admin,
        "waiting": waiting,
        "sent_back": sent_back,
        "approved": approved,
        "option": vouchers,
    }


def absurd_fares(page):
    page.fill("input[name=fares]", "-4")


def test_pages_families_use(axe, world):
    w = world
    e = "/birmingham/expenses/"
    check_pages(
        axe,
        w["parent"],
        [
            "/",
            e,
            e + "new/",
            e + "my-reward/",
            e + f"{w['waiting'].pk}/",
            e + f"{w['waiting'].pk}/receipts/add/",
        ],
    )
    check_form_errors(axe, w["parent"], e + "new/", absurd_fares)
    check_form_errors(axe, w["parent"], e + "my-reward/")
    check_form_errors(axe, w["parent"], e + f"{w['waiting'].pk}/receipts/add/")
    check_pages(axe, w["young"], [e, e + "new/", e + f"{w['sent_back'].pk}/change/"])
    check_form_errors(axe, w["young"], e + f"{w['sent_back'].pk}/change/", absurd_fares)


def test_pages_officers_and_administrators_use(axe, world):
    w = world
    e = "/birmingham/expenses/"
    check_pages(
        axe,
        w["officer"],
        ["/", e + "claims/", e + "totals/", e + "incentives/", e + f"{w['waiting'].pk}/"],
    )
    check_form_errors(axe, w["officer"], e + f"{w['waiting'].pk}/decide/")
    check_form_errors(axe, w["officer"], e + f"{w['approved'].pk}/paid/")
    check_form_errors(axe, w["officer"], e + "incentives/add/")
    check_pages(axe, w["officer"], [e + f"incentives/{w['option'].pk}/"])
    check_form_errors(
        axe,
        w["officer"],
        e + f"agreements/{w['agreement'].pk}/budget/",
        lambda page: page.fill("input[name=budget]", "lots"),
    )
    check_pages(
        axe, w["admin"], [e, e + "settings/", e + "for-someone/", e + f"for/{w['parent'].pk}/new/"]
    )
    check_form_errors(axe, w["admin"], e + "for-someone/")
    check_form_errors(axe, w["admin"], e + f"for/{w['parent'].pk}/new/", absurd_fares)
    check_form_errors(
        axe, w["admin"], e + "settings/", lambda page: page.fill("input[name=claim_cap]", "0")
    )
