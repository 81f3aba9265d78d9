"""The one GOV.UK date input: the Design System's messages at the field and in the summary,
the summary linking to the first wrong box, only wrong boxes marked, nothing typed lost."""

import re

import pytest

from coproduction.forms.dates import GovUKDateField
from coproduction.people.models import Role
from initiatives.models import Initiative
from tests.initiatives.test_views import REGISTER_URL, error_summary, page_text, valid_form
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def date_parts(day, month, year) -> dict:
    return {"start_date_0": day, "start_date_1": month, "start_date_2": year}


def boxes_marked_wrong(response) -> list[str]:
    """Ids of the start date's boxes that carry the error class."""
    return [
        box_id
        for box_id in ("id_start_date_0", "id_start_date_1", "id_start_date_2")
        if re.search(
            rf'<input[^>]*class="[^"]*govuk-input--error[^"]*"[^>]*id="{box_id}"',
            page_text(response),
        )
        or re.search(
            rf'<input[^>]*id="{box_id}"[^>]*class="[^"]*govuk-input--error', page_text(response)
        )
    ]


def boxes_described_as_invalid(response) -> list[str]:
    return re.findall(
        r'<input[^>]*aria-invalid="true"[^>]*id="(id_start_date_\d)"', page_text(response)
    )


@pytest.mark.parametrize(
    ("typed", "message", "target", "marked"),
    [
        (("31", "2", "2026"), "The start date must be a real date", "id_start_date_0", ["0"]),
        (("1", "13", "2026"), "The start date must be a real date", "id_start_date_1", ["1"]),
        (
            ("1", "9", "0"),
            "The start date must include a year with 4 numbers, like 2027",
            "id_start_date_2",
            ["2"],
        ),
        (("1", "", "2026"), "The start date must include a month", "id_start_date_1", ["1"]),
        (
            ("", "9", ""),
            "The start date must include a day and year",
            "id_start_date_0",
            ["0", "2"],
        ),
        (("first", "9", "2026"), "The start date must be a real date", "id_start_date_0", ["0"]),
        (("1", "sep", "20x6"), "The start date must be a real date", "id_start_date_2", ["2"]),
    ],
)
def test_a_wrong_date_is_explained_as_the_design_system_says(
    client, area, typed, message, target, marked
):
    client.force_login(member(area, Role.OFFICER))
    response = client.post(REGISTER_URL, valid_form(**date_parts(*typed)))
    assert response.status_code == 200
    summary = error_summary(response)
    assert f'<a href="#{target}">{message}</a>' in summary
    assert summary.count(message) == 1  # once, even when two boxes are wrong
    text = page_text(response)
    assert f"Error: {message}" in re.sub(r"<[^>]+>", "", text)  # at the field
    assert boxes_marked_wrong(response) == [f"id_start_date_{index}" for index in marked]
    assert boxes_described_as_invalid(response) == [f"id_start_date_{index}" for index in marked]
    for index, value in enumerate(typed):
        assert re.search(rf'name="start_date_{index}"[^>]*value="{re.escape(value)}"', text) or (
            value == "" and not re.search(rf'name="start_date_{index}"[^>]*value=', text)
        ), f"box {index} lost what was typed"
    assert not Initiative.objects.exists()


def test_no_python_message_reaches_the_page(client, area):
    client.force_login(member(area, Role.OFFICER))
    for typed in [("31", "2", "2026"), ("1", "13", "2026"), ("1", "1", "0")]:
        text = page_text(client.post(REGISTER_URL, valid_form(**date_parts(*typed))))
        for python_words in ("out of range", "must be in 1..12", "day is out"):
            assert python_words not in text


def test_a_month_written_as_a_word_is_understood(client, area):
    client.force_login(member(area, Role.OFFICER))
    response = client.post(REGISTER_URL, valid_form(**date_parts("1", "Sept", "2026")))
    assert response.status_code == 302
    assert Initiative.objects.get().start_date.isoformat() == "2026-09-01"


def test_an_error_about_the_whole_date_links_to_the_day_and_marks_every_box(client, area):
    client.force_login(member(area, Role.OFFICER))
    response = client.post(
        REGISTER_URL,
        valid_form(status="ended", end_date_0="1", end_date_1="8", end_date_2="2026"),
    )
    summary = error_summary(response)
    assert (
        '<a href="#id_end_date_0">The end date must be the same as or after the start date.'
        in summary
    )


def test_an_empty_required_date_asks_for_it(client, area):
    from tests.initiatives.factories import InitiativeFactory

    initiative = InitiativeFactory(area=area)
    client.force_login(member(area, Role.OFFICER))
    url = f"/birmingham/initiatives/{initiative.code}/opportunities/add/"
    response = client.post(url, {"closes_on_0": "", "closes_on_1": "", "closes_on_2": ""})
    assert '<a href="#id_closes_on_0">Enter the closing date</a>' in error_summary(response)


def test_the_hint_gives_an_example_on_the_right_side_of_today():
    from django.utils import timezone

    year = timezone.localdate().year
    past = GovUKDateField(label="Date", when="past")
    assert str(past.help_text) == f"For example, 27 3 {year - 1}"
    assert str(GovUKDateField(label="Due", when="future").help_text) == (
        f"For example, 27 3 {year + 1}"
    )
    assert GovUKDateField(label="Date").help_text == "For example, 27 3 2027"  # unchanged
    assert GovUKDateField(label="Date", when="past", help_text="Mine").help_text == "Mine"
