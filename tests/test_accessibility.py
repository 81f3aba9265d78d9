"""Zero axe-core violations (WCAG 2.2 A and AA) on the Foundation's pages."""

import pytest

from coproduction.people.models import AreaMembership, Role
from tests.people.factories import (
    InvitationFactory,
    LocalAreaFactory,
    PersonFactory,
    TermFactory,
    member,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def birmingham(transactional_db):
    return LocalAreaFactory(name="Birmingham", slug="birmingham")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/accessibility/",
        "/privacy/",
        "/cookies/",
    ],
)
def test_public_pages(axe, path):
    axe.check(axe.open(path))


def test_sign_in_and_sign_up_with_errors_shown(axe):
    page = axe.open("/accounts/login/")
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)
    page = axe.open("/accounts/signup/")
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)


@pytest.mark.parametrize("role", [role for role, _ in Role.choices])
def test_home_and_area_pages_for_each_role(axe, birmingham, role):
    person = member(birmingham, role)
    axe.check(axe.open("/", as_person=person))
    axe.check(axe.open("/birmingham/", as_person=person))


def test_account_pages(axe, birmingham):
    person = member(birmingham, Role.PARENT_CARER)
    axe.check(axe.open("/account/", as_person=person))
    page = axe.open("/account/details/", as_person=person)
    page.fill("#id_display_name", "")
    axe.submit(page)
    axe.check(page)
    axe.check(axe.open("/accounts/email/", as_person=person))
    axe.check(axe.open("/accounts/password/change/", as_person=person))
    axe.check(axe.open("/accounts/2fa/", as_person=person))


def test_error_pages(axe, birmingham):
    outsider = PersonFactory()
    axe.check(axe.open("/birmingham/", as_person=outsider, expect_status=403))
    axe.check(axe.open("/nowhere/", as_person=outsider, expect_status=404))
    axe.check(axe.open("/invitations/not-a-token/", expect_status=404))


def test_area_administration_pages(axe, birmingham):
    admin = member(birmingham, Role.AREA_ADMIN)
    someone = member(birmingham, Role.PARENT_CARER)
    term = TermFactory(area=birmingham)
    InvitationFactory(area=birmingham, invited_by=admin)
    membership = AreaMembership.objects.get(person=someone)
    for path in [
        "/birmingham/people/",
        f"/birmingham/people/{membership.pk}/",
        f"/birmingham/people/{membership.pk}/remove/",
        "/birmingham/settings/",
        f"/birmingham/settings/terms/{term.pk}/",
        f"/birmingham/settings/terms/{term.pk}/delete/",
    ]:
        axe.check(axe.open(path, as_person=admin))
    for path in ["/birmingham/people/invite/", "/birmingham/settings/terms/add/"]:
        page = axe.open(path, as_person=admin)
        axe.submit(page)
        assert page.locator(".govuk-error-summary").is_visible()
        axe.check(page)


def test_invitation_pages(axe, birmingham):
    invitation = InvitationFactory(area=birmingham)
    page = axe.open(f"/invitations/{invitation.token}/")
    axe.check(page)
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    axe.check(page)


def test_two_factor_set_up_page(axe, birmingham):
    admin = PersonFactory()
    AreaMembership.objects.create(person=admin, area=birmingham, roles=[Role.AREA_ADMIN])
    page = axe.open("/accounts/2fa/totp/activate/", as_person=admin)
    axe.check(page)  # the "confirm it is you" step comes first


@pytest.mark.urls("tests.test_page_frame")
def test_server_error_page(axe):
    axe.check(axe.open("/boom/", expect_status=500))
