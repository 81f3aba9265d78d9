"""Masking what could identify someone in a feedback item, before it is published.

Regulation 56(1)(c) of the SEND Regulations 2014: comments on the Local Offer are published
"in a form that does not identify individuals". An officer runs `mask_personal_details` on an
item, reads the result, edits it if needed and confirms it; only the confirmed text is ever
published (services.feedback_anonymise_confirm, services.feedback_publish).

The masking is a first pass, not a guarantee: it catches the usual giveaways and the officer
checks the rest (a child's school, a rare condition, a street name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EMAIL_MASK = "[email address removed]"
PHONE_MASK = "[phone number removed]"
POSTCODE_MASK = "[postcode removed]"
NAME_MASK = "[name removed]"

# Shortest name part masked on its own: "Al", "Jo" or "Ed" are too often part of other text.
MIN_NAME_LETTERS = 3

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# UK numbers: +44 or 0, then 9 or 10 more digits, with spaces, hyphens, dots or brackets
# between groups ("0113 222 4444", "(0121) 303 1234", "+44 (0)7700 900123", "07700-900123").
PHONE = re.compile(
    r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s().-]{7,14}\d(?!\w)",
)
# UK postcodes (outward code, space optional, inward code), any letter case: "LS1 3BB",
# "b1 1bb", "SW1A1AA"; and the special GIR 0AA.
POSTCODE = re.compile(
    r"\b(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE
)

# Words that are also people's names but are ordinary English (or the portal's own words):
# never masked on their own. A full name ("Grace Hall") is still masked as a whole.
_COMMON_WORDS_TEXT = """
    able add age aid all amber and any april art ash august autumn baker bank bell best bill
    black bloom bob brook brown bush can care carol case chase child clay close cook cross
    crown dale dawn day dean drew early faith fair field ford forum fox frank gay gem glen
    grace grant green guy hall harley hill holly hope house hunter ivy jack jade jay joy june
    just kind king lake lane lee les lily little long love major mark marsh mason may mercy
    miles mill moor moss new north officer page parent park pat patience penny person pearl
    price rain ray read reed rich ripley river robin rock rose ruby sage school service
    sky small smith son spring stone storm street summer sunny sue tan the town turner
    victor walker ward wells west white will win wood young
"""
COMMON_WORDS = frozenset(_COMMON_WORDS_TEXT.split())


def _mask_phone(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group())
    if digits.startswith("44"):
        digits = "0" + digits[2:].removeprefix("0")
    return PHONE_MASK if 10 <= len(digits) <= 11 else match.group()


def name_patterns(names: Iterable[str]) -> list[str]:
    """The names to look for: each full name, then each part of it of MIN_NAME_LETTERS or
    more letters that is not a common English word; longest first, so "Sam Okafor" is masked
    whole before "Okafor" alone."""
    wanted: set[str] = set()
    for name in names:
        name = " ".join(name.split())
        if len(name) >= MIN_NAME_LETTERS and name.casefold() not in COMMON_WORDS:
            wanted.add(name)
        for part in re.split(r"[\s]+", name):
            part = part.strip(".,()'\"")
            if (
                len(part) >= MIN_NAME_LETTERS
                and part.replace("-", "").replace("'", "").isalpha()
                and part.casefold() not in COMMON_WORDS
            ):
                wanted.add(part)
    return sorted(wanted, key=lambda n: (-len(n), n.casefold()))


def mask_personal_details(text: str, *, known_names: Iterable[str] = ()) -> str:
    """`text` with email addresses, UK phone numbers, UK postcodes and known names masked.

    `known_names` are the names of people known to the portal in the item's area (their
    display names: "first last"). The rule for names, so ordinary words are left alone:
    - a full name is masked wherever it appears as whole words, any letter case;
    - each part of a name (first name, last name) is masked on its own only when it has at
      least 3 letters and is not a common English word (`COMMON_WORDS`: "Grace", "May",
      "Will", "Hall", "Young" ... are left as they are unless the full name is written);
    - matching is whole-word (word boundaries) and case-insensitive.
    Emails are masked first (so the name in "sam.okafor@example.org" goes with the address),
    then phone numbers (10 or 11 digits once +44 is read as 0), then postcodes, then names.
    Returns the masked text; the input is not changed. Pure: no database, no side effects.
    """
    masked = EMAIL.sub(EMAIL_MASK, text)
    masked = PHONE.sub(_mask_phone, masked)
    masked = POSTCODE.sub(POSTCODE_MASK, masked)
    patterns = name_patterns(known_names)
    if patterns:
        alternatives = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in patterns)
        masked = re.sub(
            rf"(?<![\w\[])(?:{alternatives})(?![\w\]])", NAME_MASK, masked, flags=re.IGNORECASE
        )
    return masked
