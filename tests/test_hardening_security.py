"""Security hardening (ASVS L2 review): one door in, no secrets in the admin site, no 500s
from input Postgres cannot store, no leaks from /healthz or the Host header, a body limit."""

import re
import socket
from urllib.parse import urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from coproduction.outbox.models import OutboundEmail
from coproduction.people import services
from coproduction.people.models import AreaMembership, Person, Role
from tests.people.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    LocalAreaFactory,
    PersonFactory,
    give_totp,
    member,
    totp_code,
)

pytestmark = pytest.mark.django_db


def superuser(*, totp: bool = True) -> Person:
    person = PersonFactory(email="root@example.org", is_staff=True, is_superuser=True)
    if totp:
        give_totp(person)
    return person


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# 1. One door in: the admin site signs in through allauth, with its limits and two-factor ----


def test_admin_sign_in_page_sends_people_to_the_portal_sign_in(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login") + "?next=/admin/"
    assert "Sign in" in response.content.decode()


def test_admin_sign_in_form_does_not_take_a_password_even_after_wrong_ones(client):
    root = superuser()
    for _ in range(15):
        client.post("/admin/login/", {"username": root.email, "password": "wrong"})
    response = client.post("/admin/login/", {"username": root.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_superuser_with_two_factor_needs_the_code_to_reach_the_admin_site(client):
    root = superuser()
    response = client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": root.email, "password": TEST_PASSWORD},
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_wrong_passwords_lock_out_the_right_one_at_the_one_sign_in(client):
    root = superuser()
    for _ in range(6):
        client.post(reverse("account_login"), {"login": root.email, "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": root.email, "password": TEST_PASSWORD}
    )
    assert not signed_in(client)
    assert "Too many failed" in response.content.decode()


def test_staff_without_two_factor_must_set_it_up_before_the_admin_site_or_area_pages(client):
    leeds = LocalAreaFactory(name="Leeds", slug="leeds")
    superuser(totp=False)
    client.post(reverse("account_login"), {"login": "root@example.org", "password": TEST_PASSWORD})
    assert signed_in(client)
    for url in ["/admin/", "/admin/outbox/outboundemail/", f"/{leeds.slug}/people/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("mfa_activate_totp"), url


def test_admin_password_change_is_the_portal_one(client):
    client.force_login(superuser())
    response = client.get("/admin/password_change/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_change_password")


def test_signed_in_person_who_is_not_staff_gets_no_admin_sign_in_form(client, area):
    client.force_login(member(area, Role.OFFICER))
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert 'name="password"' not in response.content.decode()


def test_superuser_without_area_roles_is_refused_area_pages(client):
    leeds = LocalAreaFactory(name="Leeds", slug="leeds")
    west_sussex = LocalAreaFactory(name="West Sussex", slug="west-sussex")
    client.force_login(superuser())
    assert client.get(f"/{leeds.slug}/people/").status_code == 403
    assert client.get(f"/{west_sussex.slug}/settings/").status_code == 403
    assert client.get(f"/{leeds.slug}/").status_code == 403
    # The admin site's own permissions are unchanged.
    assert client.get("/admin/people/person/").status_code == 200


def test_superuser_with_an_area_role_gets_that_roles_pages_only(client):
    leeds = LocalAreaFactory(name="Leeds", slug="leeds")
    root = superuser()
    AreaMembership.objects.create(person=root, area=leeds, roles=[Role.OFFICER])
    client.force_login(root)
    assert client.get(f"/{leeds.slug}/").status_code == 200
    assert client.get(f"/{leeds.slug}/people/").status_code == 403


def test_admin_site_hides_password_reset_and_invitation_links(client, area):
    PersonFactory(email="forgetful@example.org")
    client.post(reverse("account_reset_password"), {"email": "forgetful@example.org"})
    officer = member(area, Role.AREA_ADMIN)
    invitation = services.invitation_create(
        area=area, email="new@example.org", roles=[Role.PARENT_CARER], invited_by=officer
    )
    reset = OutboundEmail.objects.get(to="forgetful@example.org")
    reset_path = urlsplit(re.search(r"https?://\S+", reset.body_text).group(0)).path
    assert "/password/reset/key/" in reset_path
    invited = OutboundEmail.objects.get(to="new@example.org")
    assert invitation.token in invited.body_text

    client.force_login(superuser())
    for email, secret in [(reset, reset_path), (invited, invitation.token)]:
        page = client.get(f"/admin/outbox/outboundemail/{email.pk}/change/").content.decode()
        assert secret not in page
        assert "link hidden" in page
        assert email.subject in page
    listing = client.get("/admin/outbox/outboundemail/").content.decode()
    assert reset_path not in listing
    assert invitation.token not in listing
    page = client.get(f"/admin/people/invitation/{invitation.pk}/change/").content.decode()
    assert invitation.email in page
    assert invitation.token not in page


def test_admin_site_hides_authenticator_secrets(client):
    root = superuser()
    client.force_login(root)
    authenticator = Authenticator.objects.get(user=root, type=Authenticator.Type.TOTP)
    page = client.get(f"/admin/mfa/authenticator/{authenticator.pk}/change/").content.decode()
    assert str(root) in page
    assert TEST_TOTP_SECRET not in page
    assert '"secret"' not in page


# 2. Input Postgres cannot store is a 404 or 400, never a 500 --------------------------------


@pytest.fixture
def officer_client(client, other_area):
    client.raise_request_exception = False
    client.force_login(member(other_area, Role.OFFICER, Role.AREA_ADMIN))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/invitations/%00/",
        "/invitations/abc%00def/",
        "/le%00eds/people/",
        "/leeds/initiatives/%00/",
        "/accounts/confirm-email/%00/",
        "/accounts/password/reset/key/1-%00/",
    ],
)
def test_a_nul_character_in_the_path_is_page_not_found(officer_client, url):
    response = officer_client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/leeds/initiatives/?q=%00", "Initiatives"),
        ("/leeds/initiatives/?q=family%00&status=active&q=family", "Initiatives"),
        ("/leeds/initiatives/?%00=1", "Initiatives"),
        ("/leeds/initiatives/export.csv?q=%00", "code,title"),
        ("/leeds/groups/?q=%00", "Participation groups"),
        ("/leeds/people/?next=%00", "People"),
    ],
)
def test_a_query_value_with_a_nul_character_is_ignored(officer_client, url, heading):
    response = officer_client.get(url)
    assert response.status_code == 200
    body = b"".join(response) if response.streaming else response.content
    assert heading in body.decode()


def test_a_nul_character_in_a_posted_field_is_refused(officer_client):
    response = officer_client.post(
        reverse("forums:body_add", args=["leeds"]),
        {"name": "Board", "parent": "\x00", "kind": "board"},
    )
    assert response.status_code == 400
    assert "a character the portal cannot accept" in response.content.decode()
    response = officer_client.post(
        reverse("account_login"), {"login": "a\x00@example.org", "password": "x"}
    )
    assert response.status_code == 400


def test_a_session_cookie_with_a_nul_character_signs_the_person_out(client):
    client.raise_request_exception = False
    client.cookies["sessionid"] = "abcdefghijklmn\x00op"
    response = client.get("/")
    assert response.status_code == 200
    assert "Sign in" in response.content.decode()


def test_a_header_with_a_nul_character_is_refused(client):
    client.raise_request_exception = False
    response = client.get("/", HTTP_USER_AGENT="Mozilla\x00")
    assert response.status_code == 400


# 3. Small leaks: /healthz and the Host header -------------------------------------------------


def test_healthz_names_the_failing_part_without_the_error(client, settings, caplog):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "failing": ["redis", "celery"],
        "database": "ok",
        "redis": "unreachable",
        "celery": "not checked: redis is down",
        "outbox": "ok",
    }
    assert "Error" not in response.content.decode()
    assert "ConnectionError" in caplog.text  # the detail is in the server's log


@pytest.fixture
def forged_host(settings):
    """The site is at portal.example.org; requests say they are for evil.example, which the
    settings let through (as a wildcard ALLOWED_HOSTS would)."""
    settings.SITE_URL = "https://portal.example.org"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "evil.example"]
    return {"HTTP_HOST": "evil.example"}


def links_in(body: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", body)


def assert_every_link_on_site(bodies):
    links = [link for body in bodies for link in links_in(body)]
    assert links
    for link in links:
        assert link.startswith("https://portal.example.org/"), link
    assert not any("evil.example" in body for body in bodies)


def test_password_reset_link_comes_from_site_url_not_the_host_header(client, forged_host):
    PersonFactory(email="forgetful@example.org")
    client.post(
        reverse("account_reset_password"), {"email": "forgetful@example.org"}, **forged_host
    )
    email = OutboundEmail.objects.get(to="forgetful@example.org")
    assert "https://portal.example.org/accounts/password/reset/key/" in email.body_text
    assert_every_link_on_site([email.body_text, email.body_html])


def test_password_reset_for_an_unknown_address_links_to_site_url(client, forged_host):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"}, **forged_host)
    email = OutboundEmail.objects.get(to="nobody@example.org")
    assert_every_link_on_site([email.body_text, email.body_html])


def test_sign_up_confirmation_link_comes_from_site_url(client, forged_host):
    client.post(
        reverse("account_signup"),
        {
            "display_name": "New Person",
            "email": "new@example.org",
            "password1": "a-good-long-password-2026",
            "password2": "a-good-long-password-2026",
        },
        **forged_host,
    )
    email = OutboundEmail.objects.get(to="new@example.org")
    assert "https://portal.example.org/accounts/confirm-email/" in email.body_text
    assert_every_link_on_site([email.body_text])


def test_sign_up_with_a_taken_address_links_to_site_url(client, forged_host):
    PersonFactory(email="taken@example.org")
    client.post(
        reverse("account_signup"),
        {
            "display_name": "Someone",
            "email": "taken@example.org",
            "password1": "a-good-long-password-2026",
            "password2": "a-good-long-password-2026",
        },
        **forged_host,
    )
    email = OutboundEmail.objects.get(to="taken@example.org")
    assert_every_link_on_site([email.body_text, email.body_html])


def test_invitation_link_comes_from_site_url(client, area, forged_host):
    admin = member(area, Role.AREA_ADMIN)
    client.force_login(admin)
    client.post(
        reverse("people:invite", args=[area.slug]),
        {"email": "invitee@example.org", "roles": [Role.PARENT_CARER]},
        **forged_host,
    )
    email = OutboundEmail.objects.get(to="invitee@example.org")
    assert "https://portal.example.org/invitations/" in email.body_text
    assert_every_link_on_site([email.body_text])
    assert mail.outbox == [] or all("evil.example" not in m.body for m in mail.outbox)


# 5. A limit on the size of every request's body ---------------------------------------------


class EndlessZeros:
    """A request body that is never held in memory: it counts what the server reads."""

    def __init__(self):
        self.bytes_read = 0

    def read(self, size=-1):
        size = 65536 if size is None or size < 0 else min(size, 65536)
        self.bytes_read += size
        return b"0" * size

    def readline(self, size=-1):
        return self.read(size)


def test_a_body_over_the_limit_is_refused_before_it_is_read(client, settings):
    body = EndlessZeros()
    response = client.generic(
        "POST",
        reverse("account_login"),
        CONTENT_LENGTH=str(100 * 1024 * 1024),
        CONTENT_TYPE="application/x-www-form-urlencoded",
        **{"wsgi.input": body},
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "What you sent is too large" in page
    assert "up to 25 MB" in page
    assert body.bytes_read == 0


def test_a_form_body_over_the_form_limit_is_refused_with_the_same_page(client):
    response = client.post(
        reverse("account_login"), {"login": "x" * (3 * 1024 * 1024), "password": "x"}
    )
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()


def test_the_limit_is_a_setting(client, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1024
    response = client.post(reverse("account_login"), {"login": "x" * 2000, "password": "x"})
    assert response.status_code == 413
    assert client.post(reverse("account_login"), {"login": "a@example.org"}).status_code == 200


def test_a_live_server_answers_413_to_a_streamed_upload(live_server):
    """Over a real socket: 100 MB announced, a little sent, the refusal comes back at once."""
    host, port = urlsplit(live_server.url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(
            b"POST /accounts/login/ HTTP/1.1\r\n"
            b"Host: localhost\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {100 * 1024 * 1024}\r\n\r\n".encode()
            + b"0" * 65536
        )
        status_line = conn.recv(1024).split(b"\r\n", 1)[0]
    assert status_line.endswith(b"413 Request Entity Too Large") or b" 413 " in status_line
