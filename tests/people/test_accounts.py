"""Signing up, confirming the email, signing in, two-factor sign-in, invitations, password reset."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import AreaMembership, Person, Role
from tests.people.factories import (
    TEST_PASSWORD,
    InvitationFactory,
    PersonFactory,
    member,
    totp_code,
)

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).replace("http://testserver", "")


def sign_in(client, email, password=TEST_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_sign_up_sends_a_confirmation_email_through_the_queue(client, run_on_commit):
    with run_on_commit():
        response = client.post(
            reverse("account_signup"),
            {
                "display_name": "Nadia Khan",
                "email": "Nadia@Example.org",
                "password1": "a-good-long-password-2026",
                "password2": "a-good-long-password-2026",
            },
            follow=True,
        )
    assert "Check your email" in response.content.decode()
    person = Person.objects.get(email="nadia@example.org")
    assert person.display_name == "Nadia Khan"
    queued = OutboundEmail.objects.get(to="nadia@example.org")
    assert queued.status == OutboundEmail.Status.SENT
    assert mail.outbox[0].subject == "Confirm your email address for the SEND co-production portal"


def test_confirming_the_email_signs_the_person_in(client, run_on_commit):
    with run_on_commit():
        client.post(
            reverse("account_signup"),
            {
                "display_name": "Nadia Khan",
                "email": "nadia@example.org",
                "password1": "a-good-long-password-2026",
                "password2": "a-good-long-password-2026",
            },
        )
    confirm_url = link_in(mail.outbox[0])
    page = client.get(confirm_url)
    assert "Confirm that nadia@example.org is your email address" in page.content.decode()
    response = client.post(confirm_url, follow=True)
    assert EmailAddress.objects.get(email="nadia@example.org").verified
    assert response.context["user"].email == "nadia@example.org"
    assert "You are not a member of a local area yet" in response.content.decode()


def test_sign_in_lands_on_the_home_page_with_the_persons_areas(client, area):
    person = member(area, Role.PARENT_CARER)
    response = sign_in(client, person.email)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Your home page" in page
    assert "Birmingham" in page
    assert "Parent carer representative" in page


def test_a_wrong_password_is_explained_on_the_form(client, area):
    person = member(area, Role.OFFICER)
    response = sign_in(client, person.email, "not-the-password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "not correct" in page
    assert "<title>Error: Sign in" in page


def test_sign_up_with_an_address_that_has_an_account_never_fails(client, run_on_commit):
    existing = PersonFactory(email="taken@example.org")
    with run_on_commit():
        response = client.post(
            reverse("account_signup"),
            {
                "display_name": "Someone",
                "email": "taken@example.org",
                "password1": "a-good-long-password-2026",
                "password2": "a-good-long-password-2026",
            },
            follow=True,
        )
    # The page does not reveal who has an account; the owner is told by email instead.
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert Person.objects.filter(email="taken@example.org").count() == 1
    assert mail.outbox[0].to == [existing.email]


def test_sign_up_errors_are_listed_in_the_error_summary(client):
    response = client.post(
        reverse("account_signup"),
        {"display_name": "", "email": "not-an-email", "password1": "a", "password2": "b"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in page
    assert 'href="#id_email"' in page
    assert 'href="#id_display_name"' in page


def test_an_area_administrator_must_set_up_two_factor_sign_in(client, area):
    admin = PersonFactory()
    AreaMembership.objects.create(person=admin, area=area, roles=[Role.AREA_ADMIN])
    sign_in(client, admin.email)
    response = client.get(reverse("people:member_list", args=[area.slug]))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before sign-in methods change.
    confirm = client.get(response["Location"])
    client.post(confirm["Location"], {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp")).content.decode()
    assert "Area administrators must use two-factor sign-in" in page
    secret = re.search(r"type this key into the app instead: <strong[^>]*>(\w+)<", page).group(1)
    client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert client.get(reverse("people:member_list", args=[area.slug])).status_code == 200


def test_an_administrator_with_two_factor_needs_the_code_to_sign_in(client, area):
    admin = member(area, Role.AREA_ADMIN)
    response = sign_in(client, admin.email)
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("people:member_list", args=[area.slug])).status_code == 302
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "There is a problem" in wrong.content.decode()
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert client.get(reverse("people:member_list", args=[area.slug])).status_code == 200


def test_an_invited_person_creates_an_account_and_lands_in_the_area(client, area):
    invitation = InvitationFactory(area=area, email="new@example.org", roles=[Role.YOUNG_PERSON])
    url = reverse("people:invitation_accept", args=[invitation.token])
    page = client.get(url).content.decode()
    assert "Join Birmingham" in page
    response = client.post(
        url,
        {
            "display_name": "Jo",
            "password1": "a-good-long-password-2026",
            "password2": "a-good-long-password-2026",
        },
    )
    assert response["Location"] == "/birmingham/"
    person = Person.objects.get(email="new@example.org")
    assert AreaMembership.objects.get(person=person, area=area).roles == [Role.YOUNG_PERSON]
    assert EmailAddress.objects.get(user=person).verified
    assert "Young person" in client.get("/birmingham/").content.decode()


def test_accept_form_errors_keep_what_was_typed(client, area):
    invitation = InvitationFactory(area=area, email="new@example.org")
    url = reverse("people:invitation_accept", args=[invitation.token])
    response = client.post(
        url, {"display_name": "Jo Bloggs", "password1": "a-good-long-pw-1", "password2": "other"}
    )
    page = response.content.decode()
    assert "The passwords do not match" in page
    assert 'value="Jo Bloggs"' in page
    assert not Person.objects.filter(email="new@example.org").exists()


def test_someone_with_an_account_signs_in_then_accepts(client, area):
    person = PersonFactory(email="existing@example.org")
    invitation = InvitationFactory(area=area, email=person.email, roles=[Role.OFFICER])
    url = reverse("people:invitation_accept", args=[invitation.token])
    assert "Sign in and you will come back here" in client.get(url).content.decode()
    sign_in(client, person.email)
    response = client.post(url)
    assert response["Location"] == "/birmingham/"
    assert AreaMembership.objects.get(person=person).roles == [Role.OFFICER]


def test_a_bad_invitation_link_says_so(client, db):
    response = client.get(reverse("people:invitation_accept", args=["no-such-token"]))
    assert response.status_code == 404
    assert "This invitation link does not work" in response.content.decode()


def test_password_reset_by_email(client, run_on_commit):
    person = PersonFactory(email="forgetful@example.org")
    with run_on_commit():
        response = client.post(
            reverse("account_reset_password"), {"email": "forgetful@example.org"}, follow=True
        )
    assert "Check your email" in response.content.decode()
    reset_url = link_in(mail.outbox[0])
    form_page = client.get(reset_url, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url,
        {"password1": "a-brand-new-password-77", "password2": "a-brand-new-password-77"},
    )
    person.refresh_from_db()
    assert person.check_password("a-brand-new-password-77")
