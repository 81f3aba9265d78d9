"""Masking personal details before publication (regulation 56: no individual identified)."""

import pytest

from evaluation.feedback.anonymise import (
    EMAIL_MASK,
    NAME_MASK,
    PHONE_MASK,
    POSTCODE_MASK,
    mask_personal_details,
    name_patterns,
)


@pytest.mark.parametrize(
    "address", ["sam@example.org", "Sam.Okafor+sen@mail.example.co.uk", "o'brien@example.org"]
)
def test_email_addresses_are_masked(address):
    assert mask_personal_details(f"Write to {address} please.") == f"Write to {EMAIL_MASK} please."


@pytest.mark.parametrize(
    "number",
    [
        "0113 222 4444",
        "01132224444",
        "07700 900123",
        "07700-900-123",
        "+44 7700 900123",
        "+44 (0)7700 900123",
        "(0121) 303 1234",
        "020 7946 0018",
        "0800 123 4567",
    ],
)
def test_uk_phone_numbers_are_masked(number):
    assert mask_personal_details(f"Call {number} today") == f"Call {PHONE_MASK} today"


@pytest.mark.parametrize(
    "text",
    ["In 2024 we met 12 times", "Budget 1,200,000", "Year 11 pupils", "Ref 123456"],
)
def test_numbers_that_are_not_phone_numbers_stay(text):
    assert mask_personal_details(text) == text


@pytest.mark.parametrize(
    "postcode", ["LS1 3BB", "B1 1BB", "SW1A 1AA", "ls13bb", "RH12 1XH", "M1 1AE"]
)
def test_uk_postcodes_are_masked_in_any_case(postcode):
    assert mask_personal_details(f"We live at {postcode}.") == f"We live at {POSTCODE_MASK}."


def test_known_full_names_and_name_parts_are_masked_case_insensitively():
    text = "Sam Okafor said that okafor's son and SAM waited a year."
    masked = mask_personal_details(text, known_names=["Sam Okafor"])
    assert masked == f"{NAME_MASK} said that {NAME_MASK}'s son and {NAME_MASK} waited a year."


def test_names_are_matched_on_word_boundaries_only():
    masked = mask_personal_details(
        "Samantha and Samuel came; Sam did not.", known_names=["Sam Lee"]
    )
    assert masked == f"Samantha and Samuel came; {NAME_MASK} did not."


def test_ordinary_words_that_are_also_names_are_left_alone():
    text = "We will hope for grace and may see a young person at the hall."
    masked = mask_personal_details(
        text, known_names=["Will Young", "Hope Hall", "Grace May", "Al Li"]
    )
    assert masked == text


def test_a_full_name_made_of_common_words_is_still_masked_whole():
    masked = mask_personal_details("Grace Hall helped us.", known_names=["Grace Hall"])
    assert masked == f"{NAME_MASK} helped us."


def test_names_shorter_than_three_letters_are_not_masked_alone():
    assert name_patterns(["Jo Ng"]) == ["Jo Ng"]
    assert mask_personal_details("Jo is here", known_names=["Jo Ng"]) == "Jo is here"


def test_everything_together_and_the_input_is_not_changed():
    text = "Helen Ward (helen.ward@example.org, 0121 303 1234, B15 2TT) never replied."
    masked = mask_personal_details(text, known_names=["Helen Ward"])
    assert masked == f"{NAME_MASK} ({EMAIL_MASK}, {PHONE_MASK}, {POSTCODE_MASK}) never replied."
    assert "Helen" in text


def test_text_without_personal_details_is_unchanged():
    text = "The Local Offer website is hard to search on a phone."
    assert mask_personal_details(text, known_names=["Priya Shah"]) == text
