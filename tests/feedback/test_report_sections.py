"""The "You said, we did" report's sections: published, anonymised items only, grouped by
topic; Local Offer topics only for the yearly publication; nothing when nothing is published.

Run against the reports app's own classes when it is installed, else against stand-ins with
the same fields (the reports app is built on another branch)."""

import sys
import types
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from evaluation.feedback.report_sections import feedback_report_sections
from evaluation.figures import Period
from tests.feedback.factories import FeedbackItemFactory, published

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def reports_content(monkeypatch):
    try:
        import evaluation.reports.content  # noqa: F401
    except ImportError:

        @dataclass(frozen=True)
        class FeedbackEntry:
            said: str
            topic: str
            said_on: date
            response_kind: str = ""
            response: str = ""
            due: date | None = None
            source: str = ""

        @dataclass(frozen=True)
        class Section:
            slug: str
            title: str
            paragraphs: tuple = ()
            figures: tuple = ()
            entries: tuple = ()
            empty_text: str = ""

        module = types.ModuleType("evaluation.reports.content")
        module.FeedbackEntry, module.Section = FeedbackEntry, Section
        monkeypatch.setitem(
            sys.modules, "evaluation.reports", types.ModuleType("evaluation.reports")
        )
        monkeypatch.setitem(sys.modules, "evaluation.reports.content", module)


@dataclass(frozen=True)
class Scope:
    area: object
    period: Period
    today: date
    body: object = None
    initiative: object = None
    local_offer: bool = False


def scope(area, **fields):
    period = Period("p", "this year", TODAY - timedelta(days=100), TODAY)
    return Scope(area=area, period=period, today=TODAY, **fields)


def test_no_section_when_nothing_is_published(area):
    FeedbackItemFactory(area=area)
    assert feedback_report_sections(scope(area)) == []


def test_published_items_by_topic_with_their_responses_and_confirmed_text_only(area, other_area):
    published(
        FeedbackItemFactory(area=area, topic="accessibility", text="Sam Okafor: hard to read."),
        text="[name removed]: hard to read.",
    )
    published(FeedbackItemFactory(area=area, topic="other", text="Parking."))
    published(FeedbackItemFactory(area=other_area, text="Another area."))
    sections = feedback_report_sections(scope(area))
    assert [section.title for section in sections] == [
        "How easy information is to find and understand",
        "Something else",
    ]
    entry = sections[0].entries[0]
    assert entry.said == "[name removed]: hard to read."
    assert entry.response_kind == "We did"
    sections = feedback_report_sections(scope(area, local_offer=True))
    assert [section.title for section in sections] == [
        "How easy information is to find and understand"
    ]
