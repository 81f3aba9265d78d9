"""The "You said, we did" report's sections (the PDF reports app, `evaluation.reports`).

Registered from `frame.register()` when that app is installed: for a report's scope (an area,
or one body or initiative of it, over a period) the published items, with their confirmed
(anonymised) text only, each with its response; for the yearly Local Offer publication
(regulation 56 of the SEND Regulations 2014) only comments on the Local Offer, grouped by its
three topics. No section when nothing is published, so the report says there is nothing.
One query.
"""

from __future__ import annotations

from evaluation.feedback import selectors
from evaluation.feedback.models import LOCAL_OFFER_TOPICS, Topic

REPORT_KIND = "you_said_we_did"
SLUG = "feedback"


def _entry(row: dict, FeedbackEntry):
    response = row["response_text"]
    if row["could_not_why"]:
        response = f"{response} Why: {row['could_not_why']}".strip()
    return FeedbackEntry(
        said=row["text"],
        topic=row["topic_label"],
        said_on=row["said_on"],
        response_kind=row["response_label"],
        response=response,
        due=row["will_by"],
    )


def feedback_report_sections(scope) -> list:
    """Sections of published items in `scope` (a `evaluation.reports.content.ReportScope`),
    one per topic that has any, in the topics' order."""
    from evaluation.reports.content import FeedbackEntry, Section

    rows = selectors.published_items(
        area=scope.area,
        body=scope.body,
        initiative=scope.initiative,
        period_start=scope.period.starts_on,
        period_end=scope.period.ends_on,
    )
    topics = LOCAL_OFFER_TOPICS if scope.local_offer else tuple(Topic)
    by_topic: dict[str, list[dict]] = {str(topic): [] for topic in topics}
    for row in sorted(rows, key=lambda row: (row["said_on"], row["id"])):
        if row["topic"] in by_topic:
            by_topic[row["topic"]].append(row)
    return [
        Section(
            slug=f"{SLUG}-{topic}",
            title=Topic(topic).label,
            entries=tuple(_entry(row, FeedbackEntry) for row in by_topic[str(topic)]),
        )
        for topic in topics
        if by_topic[str(topic)]
    ]


def register_report_sections() -> None:
    """Plug the sections into "You said, we did" reports, if the reports app is installed
    (once: ready() can run twice in tests)."""
    from django.apps import apps

    if not apps.is_installed("evaluation.reports"):
        return
    from evaluation.reports.content import ReportSections, sections

    if any(provider.slug == SLUG for provider in sections.ordered(REPORT_KIND)):
        return
    sections.register(
        REPORT_KIND, ReportSections(slug=SLUG, build=feedback_report_sections, order=10)
    )
