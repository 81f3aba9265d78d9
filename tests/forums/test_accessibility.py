"""Zero axe-core violations (WCAG 2.2 A and AA) on every forums page, and on every form after
it is sent with errors."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role, Sector
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    BodyRole,
    PartnershipAgreement,
)
from tests.accessibility import check_pages
from tests.consultation.factories import ConsultationRequestFactory
from tests.forums.factories import (
    BodyFactory,
    BodyMembershipFactory,
    EqualityRecordFactory,
    GroupMembershipFactory,
    JoinRequestFactory,
    ParticipationGroupFactory,
    PartnershipAgreementFactory,
)
from tests.people.factories import LocalAreaFactory, OrganisationFactory, TermFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db):
    """A small Birmingham: a board with a work stream, a forum with answers, an agreement."""
    area = LocalAreaFactory(name="Birmingham", slug="birmingham")
    today = timezone.localdate()
    TermFactory(area=area, starts_on=today - timedelta(days=20), ends_on=today + timedelta(40))
    officer = member(area, Role.OFFICER, display_name="Olivia Bennett")
    admin = member(area, Role.AREA_ADMIN)
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    forum = ParticipationGroupFactory(area=area, name="Birmingham Parent Carer Forum")
    membership = GroupMembershipFactory(group=forum, person=parent, role="representative")
    for index in range(6):
        someone = member(area, Role.PARENT_CARER)
        GroupMembershipFactory(group=forum, person=someone)
        EqualityRecordFactory(person=someone, ethnicity="white" if index < 5 else "asian")
    board = BodyFactory(
        area=area, name="SEND Local Area Partnership Board", kind="board", level="strategic"
    )
    work_stream = BodyFactory(
        area=area,
        name="Working Together Well",
        parent=board,
        open_to_requests=True,
        sectors=[Sector.EDUCATION],
        needs_young_people=True,
        hours_per_term=10,
    )
    chair = member(area, Role.OFFICER, display_name="Helen Ward")
    BodyMembershipFactory(body=work_stream, person=chair, role=BodyRole.CHAIR)
    seat = BodyMembershipFactory(
        body=work_stream,
        person=officer,
        represents_sector=Sector.EDUCATION,
        represents_organisation=OrganisationFactory(area=area, name="Council"),
    )
    BodyMembershipFactory(body=work_stream, person=admin, role=BodyRole.COPIED)
    other_parent = member(area, Role.PARENT_CARER, display_name="Grace Adeyemi")
    join_request = JoinRequestFactory(body=work_stream, person=other_parent)
    ConsultationRequestFactory(area=area, group=forum, asked_on=today, made_by=officer)
    ConsultationRequestFactory(area=area, person=parent, asked_on=today, made_by=officer)
    draft = PartnershipAgreementFactory(area=area, title="Forum partnership agreement")
    draft.parties.add(OrganisationFactory(area=area, name="Parent carer forum"))
    draft.signatories.add(officer)
    payment = AgreementPayment.objects.create(
        agreement=draft, kind="expenses", description="Mileage", rate="0.45", unit="mile"
    )
    item = AgreementScheduleItem.objects.create(
        agreement=draft, kind="meeting", title="Partnership board", planned_on=date(2026, 6, 1)
    )
    outcome = AgreementOutcome.objects.create(agreement=draft, outcome="Reps on every work stream")
    signed = PartnershipAgreementFactory(
        area=area,
        title="Signed agreement",
        status=PartnershipAgreement.Status.SIGNED,
        signed_on=today - timedelta(days=30),
    )
    signed.parties.add(OrganisationFactory(area=area))
    signed.signatories.add(officer)
    signed_outcome = AgreementOutcome.objects.create(agreement=signed, outcome="Meetings 10 to 2")
    return {
        "officer": officer,
        "admin": admin,
        "parent": parent,
        "chair": chair,
        "forum": forum.pk,
        "group_membership": membership.pk,
        "board": board.pk,
        "work_stream": work_stream.pk,
        "seat": seat.pk,
        "join_request": join_request.pk,
        "draft": draft.pk,
        "signed": signed.pk,
        "payment": payment.pk,
        "item": item.pk,
        "outcome": outcome.pk,
        "signed_outcome": signed_outcome.pk,
    }


def check_form_errors(axe, person, path, *, clear=False):
    """Open a form, send it with errors and check the page that explains them."""
    page = axe.open(path, as_person=person)
    if clear:  # forms that open filled in: empty them so sending them is an error
        page.locator("main form input[type=radio]").evaluate_all(
            "inputs => inputs.forEach(input => { input.checked = false; })"
        )
        page.locator("main form input[type=text]:not([name$='_0'])").evaluate_all(
            "inputs => inputs.forEach(input => { input.value = ''; })"
        )
        page.locator("main form input[name$='_0']").evaluate_all(
            "inputs => inputs.forEach(input => { input.value = ''; })"
        )
        page.locator("main form textarea").evaluate_all(
            "inputs => inputs.forEach(input => { input.value = ''; })"
        )
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible(), path
    axe.check(page)


def test_pages_families_use(axe, world):
    w, parent = world, world["parent"]
    check_pages(
        axe,
        parent,
        [
            "/",
            "/birmingham/",
            "/birmingham/governance/",
            f"/birmingham/governance/{w['work_stream']}/",
            "/birmingham/governance/join/",
            "/birmingham/groups/",
            f"/birmingham/groups/{w['forum']}/",
            f"/birmingham/consultation/people/{parent.pk}/",
            "/birmingham/agreements/",
            f"/birmingham/agreements/{w['signed']}/",
        ],
    )
    check_form_errors(axe, parent, f"/birmingham/governance/{w['work_stream']}/join/")
    check_form_errors(axe, parent, "/account/equality-monitoring/")


def test_pages_chairs_use(axe, world):
    w, chair = world, world["chair"]
    check_pages(
        axe,
        chair,
        [
            "/",
            f"/birmingham/governance/{w['work_stream']}/",
            f"/birmingham/governance/{w['work_stream']}/requests/",
            f"/birmingham/join-requests/{w['join_request']}/accept/",
        ],
    )
    check_form_errors(axe, chair, f"/birmingham/join-requests/{w['join_request']}/decline/")


def test_governance_pages_officers_use(axe, world):
    w, officer = world, world["officer"]
    body = w["work_stream"]
    check_pages(
        axe,
        officer,
        [
            "/birmingham/governance/representation/",
            f"/birmingham/governance/{w['board']}/",
            "/birmingham/consultation/",
            f"/birmingham/consultation/groups/{w['forum']}/",
        ],
    )
    check_form_errors(axe, officer, "/birmingham/governance/add/")
    check_form_errors(axe, officer, f"/birmingham/governance/{body}/edit/", clear=True)
    check_form_errors(axe, officer, f"/birmingham/governance/{body}/members/add/")
    check_form_errors(
        axe, officer, f"/birmingham/governance/{body}/members/{w['seat']}/", clear=True
    )
    check_form_errors(
        axe, officer, f"/birmingham/governance/{body}/members/{w['seat']}/end/", clear=True
    )
    check_form_errors(axe, officer, "/birmingham/consultation/record/")


def test_the_consultation_warning_page(axe, world):
    w, officer = world, world["officer"]
    page = axe.open(f"/birmingham/consultation/record/?group={w['forum']}", as_person=officer)
    page.get_by_label("Survey").check()
    page.get_by_label("Short description").fill("Short breaks survey")
    page.get_by_label("Time asked, in hours").fill("1")
    for _ in range(6):  # the forum reaches the limit
        ConsultationRequestFactory(
            area_id=officer.memberships.get().area_id,
            group_id=w["forum"],
            asked_on=timezone.localdate(),
        )
    axe.submit(page)
    assert page.get_by_text("Record the request anyway").is_visible()
    axe.check(page)


def test_group_pages_officers_and_administrators_use(axe, world):
    w, officer, admin = world, world["officer"], world["admin"]
    check_form_errors(axe, officer, "/birmingham/groups/add/")
    check_form_errors(axe, officer, f"/birmingham/groups/{w['forum']}/edit/", clear=True)
    check_form_errors(axe, officer, f"/birmingham/groups/{w['forum']}/members/add/")
    check_form_errors(
        axe,
        officer,
        f"/birmingham/groups/{w['forum']}/members/{w['group_membership']}/",
        clear=True,
    )
    page = axe.open("/birmingham/population/", as_person=admin)
    page.get_by_label("White (%)").fill("a lot")
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)
    axe.check(axe.open("/birmingham/settings/", as_person=admin))


def test_agreement_pages(axe, world):
    w, officer = world, world["officer"]
    draft, signed = w["draft"], w["signed"]
    check_pages(
        axe,
        officer,
        [
            "/birmingham/agreements/",
            f"/birmingham/agreements/{draft}/",
            f"/birmingham/agreements/{signed}/",
            f"/birmingham/agreements/{draft}/payments/{w['payment']}/delete/",
        ],
    )
    check_form_errors(axe, officer, "/birmingham/agreements/add/")
    check_form_errors(axe, officer, f"/birmingham/agreements/{draft}/edit/", clear=True)
    check_form_errors(axe, officer, f"/birmingham/agreements/{draft}/sign/", clear=True)
    for part in ["payments", "schedule", "outcomes"]:
        check_form_errors(axe, officer, f"/birmingham/agreements/{draft}/{part}/add/")
    check_form_errors(
        axe, officer, f"/birmingham/agreements/{draft}/schedule/{w['item']}/", clear=True
    )
    check_form_errors(
        axe, officer, f"/birmingham/agreements/{draft}/outcomes/{w['outcome']}/", clear=True
    )
    check_form_errors(
        axe,
        officer,
        f"/birmingham/agreements/{signed}/outcomes/{w['signed_outcome']}/progress/",
        clear=True,
    )
