"""What a tester found on the claim form and the other expense forms: one message per fault
at the field, a fake receipt reported with the other errors in one round (what was typed
kept), and well-formed form tags."""

import re

import pytest

from coproduction.people.models import Role
from forums.expenses.models import Claim
from tests.expenses.factories import parent_with_meeting, signed_agreement, text_file
from tests.people.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize("field", ["miles", "fares", "care_hours", "care_amount", "time_hours"])
def test_a_huge_number_is_reported_once_at_the_field(client, area, field):
    signed_agreement(area)
    parent, meeting = parent_with_meeting(area)
    client.force_login(parent)
    response = client.post(
        f"/{area.slug}/expenses/new/",
        {"activity": f"meetings:{meeting.pk}", field: "99999999999"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("as a smaller number") == 2  # once in the summary, once at the field
    assert not Claim.objects.exists()


def test_a_fake_receipt_is_reported_with_the_other_errors_at_once(client, area):
    signed_agreement(area)
    parent, meeting = parent_with_meeting(area)
    client.force_login(parent)
    response = client.post(
        f"/{area.slug}/expenses/new/",
        {
            "activity": f"meetings:{meeting.pk}",
            "miles": "99999999",
            "fares": "lots",
            "notes": "Bus and car",
            "receipt": text_file("receipt.png"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the miles as a smaller number" in page
    assert "Enter the fares as a number, like 4.80" in page
    assert "must be a photo or image" in page
    assert "Bus and car" in page  # nothing typed lost
    assert 'value="lots"' in page


def test_a_fake_receipt_is_reported_with_a_price_the_agreement_refuses(client, area):
    signed_agreement(area)
    parent, meeting = parent_with_meeting(area)
    client.force_login(parent)
    response = client.post(
        f"/{area.slug}/expenses/new/",
        {"activity": f"meetings:{meeting.pk}", "fares": "900", "receipt": text_file("r.png")},
    )
    page = response.content.decode()
    assert "more than the largest claim" in page
    assert "must be a photo or image" in page


def test_the_claim_form_tag_has_one_enctype(client, area):
    signed_agreement(area)
    parent, _meeting = parent_with_meeting(area)
    client.force_login(parent)
    page = client.get(f"/{area.slug}/expenses/new/").content.decode()
    tags = re.findall(r"<form[^>]*>", page)
    assert any("multipart/form-data" in tag for tag in tags)
    for tag in tags:
        names = re.findall(r"\s([a-z-]+)=", tag)
        assert len(names) == len(set(names)), tag


def test_huge_settings_and_budgets_are_reported_once_in_plain_words(client, area):
    agreement = signed_agreement(area)
    client.force_login(member(area, Role.AREA_ADMIN))
    page = client.post(
        f"/{area.slug}/expenses/settings/", {"claim_cap": "99999999999"}
    ).content.decode()
    assert page.count("Enter a largest claim of £10,000 or less") == 2
    assert "Ensure that" not in page
    page = client.post(
        f"/{area.slug}/expenses/agreements/{agreement.pk}/budget/",
        {"cost_code": "SEND-9", "budget": "99999999999999"},
    ).content.decode()
    assert "Ensure that" not in page
    assert page.count("Enter a budget of") == 2


@pytest.mark.parametrize(
    "form_class",
    [
        "forums.expenses.forms.ClaimForm",
        "forums.expenses.forms.ReceiptForm",
        "forums.meetings.forms.PaperForm",
        "coproduction.forms.uploads.SpreadsheetUploadForm",
    ],
)
def test_every_upload_form_tag_says_multipart_once(form_class):
    from django.template import Context, Template
    from django.utils.module_loading import import_string

    form = import_string(form_class)()
    html = Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": form}))
    tag = re.search(r"<form[^>]*>", html).group(0)
    assert tag.count("enctype=") == 1, tag
