"""The feedback spreadsheet: what an import reads, checked row by row before anything is saved.

Reading the file (CSV in any common dialect, .xlsx, .ods), the limits and the shape of a
check are shared with the initiatives' importer (`coproduction.spreadsheets`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from coproduction.people.models import LocalArea
from coproduction.spreadsheets import (
    MAX_ROWS,
    ImportCheck,
    Problem,
    choice_key,
    choice_lookup,
    parse_date,
    read_header,
    read_records,
    unescape_cell,
)
from evaluation.feedback import selectors
from evaluation.feedback.models import FeedbackItem, Source, Topic

COLUMNS = [
    ("text", "Required: what was said, in the person's words."),
    ("said_on", "Required: the day it was said, like 2026-10-14 or 14/10/2026."),
    (
        "topic",
        "Required: Local Offer content and gaps, accessibility (how easy information is to "
        "find and understand), development (how the Local Offer was developed with families), "
        "a named service, or other.",
    ),
    ("service_name", "Required when the topic is a named service."),
    (
        "source",
        "A group, a meeting, an initiative, a survey, the Local Offer or a body. Empty: a survey.",
    ),
    ("body", "The name of a board or work stream of the area (optional)."),
    ("initiative", "The code of an initiative of the area, like CoDesign12 (optional)."),
    ("owner", "The email address of the officer who answers it (optional)."),
]
COLUMN_NAMES = [name for name, _help in COLUMNS]
REQUIRED_COLUMNS = ["text", "said_on", "topic"]
ALIASES = {"date": "said_on", "date_said": "said_on", "comment": "text", "feedback": "text"}
EXTRA_TOPIC_WORDS = {
    choice_key("content"): Topic.LOCAL_OFFER_CONTENT,
    choice_key("local offer"): Topic.LOCAL_OFFER_CONTENT,
    choice_key("accessibility"): Topic.ACCESSIBILITY,
    choice_key("development"): Topic.DEVELOPMENT,
    choice_key("service"): Topic.SERVICE,
    choice_key("named service"): Topic.SERVICE,
}
EXTRA_SOURCE_WORDS = {
    choice_key("group"): Source.GROUP,
    choice_key("forum"): Source.GROUP,
    choice_key("meeting"): Source.MEETING,
    choice_key("initiative"): Source.INITIATIVE,
    choice_key("survey"): Source.SURVEY,
    choice_key("local offer"): Source.LOCAL_OFFER,
    choice_key("body"): Source.BODY,
    choice_key("board"): Source.BODY,
}
TOPICS = {**choice_lookup(Topic), **EXTRA_TOPIC_WORDS}
SOURCES = {**choice_lookup(Source), **EXTRA_SOURCE_WORDS}
MAX_TEXT = 4000


@dataclass
class FeedbackRow:
    number: int
    text: str = ""
    said_on: date | None = None
    topic: str = ""
    service_name: str = ""
    source: str = Source.SURVEY
    body: object = None
    initiative: object = None
    owner: object = None

    @property
    def topic_label(self) -> str:
        return Topic(self.topic).label if self.topic else ""

    @property
    def source_label(self) -> str:
        return Source(self.source).label if self.source else ""


class _AreaReference:
    """The area's bodies, initiatives and officers, read once per check (3 queries)."""

    def __init__(self, area: LocalArea):
        from forums.models import Body
        from initiatives.models import Initiative

        self.bodies = {choice_key(b.name): b for b in Body.objects.filter(area=area)}
        self.initiatives = {
            i.code.casefold(): i
            for i in Initiative.objects.filter(area=area).only("pk", "code", "area")
        }
        self.officers = {p.email.casefold(): p for p in selectors.area_officers(area=area)}


def check_feedback_csv(*, area: LocalArea, csv_text: str) -> ImportCheck:
    """Check a spreadsheet of feedback items for `area`, row by row. Saves nothing."""
    check = ImportCheck()
    try:
        numbered = read_records(csv_text, known_columns=set(COLUMN_NAMES) | set(ALIASES))
    except ValueError as error:
        check.problems.append(Problem(None, "", str(error)))
        return check
    if not numbered:
        check.problems.append(Problem(None, "", "The file is empty."))
        return check
    _header_row, header = numbered[0]
    columns = read_header(
        header, check, column_names=COLUMN_NAMES, required=REQUIRED_COLUMNS, aliases=ALIASES
    )
    if check.problems:
        return check
    body = numbered[1:]
    if not body:
        check.problems.append(
            Problem(None, "", "The file has headings but no feedback under them.")
        )
        return check
    if len(body) > MAX_ROWS:
        check.problems.append(
            Problem(
                None, "", f"The file has {len(body)} rows. Import at most {MAX_ROWS} at a time."
            )
        )
        return check
    reference = _AreaReference(area)
    today = timezone.localdate()
    for number, record in body:
        check.rows.append(_check_row(number, record, columns, reference, check, today))
    return check


def _check_row(number, record, columns, reference, check, today) -> FeedbackRow:
    cells = {
        name: unescape_cell(record[index]) if index < len(record) else ""
        for index, name in enumerate(columns)
        if name
    }
    row = FeedbackRow(number=number)

    def problem(column: str, message: str) -> None:
        check.problems.append(Problem(number, column, message))

    row.text = cells.get("text", "")
    if not row.text:
        problem("text", "Enter what was said.")
    elif len(row.text) > MAX_TEXT:
        problem("text", f"Keep it to {MAX_TEXT:,} characters or fewer.")
    raw = cells.get("said_on", "")
    if not raw:
        problem("said_on", "Enter the day it was said.")
    else:
        try:
            row.said_on = parse_date(raw)
        except ValueError as error:
            problem("said_on", str(error))
        else:
            if row.said_on > today:
                problem("said_on", "The date said must be today or in the past.")
    raw = cells.get("topic", "")
    row.topic = TOPICS.get(choice_key(raw), "") if raw else ""
    if not raw:
        problem("topic", "Enter the topic.")
    elif not row.topic:
        problem("topic", f"“{raw}” is not a topic we know. Use one of: {', '.join(Topic.labels)}.")
    row.service_name = cells.get("service_name", "")[:200]
    if row.topic == Topic.SERVICE and not row.service_name:
        problem("service_name", "Enter the name of the service.")
    raw = cells.get("source", "")
    if raw:
        row.source = SOURCES.get(choice_key(raw), "")
        if not row.source:
            problem(
                "source",
                f"“{raw}” is not a source we know. Use one of: {', '.join(Source.labels)}.",
            )
    raw = cells.get("body", "")
    if raw:
        row.body = reference.bodies.get(choice_key(raw))
        if row.body is None:
            problem("body", f"There is no board or work stream called “{raw}” in this area.")
    raw = cells.get("initiative", "")
    if raw:
        row.initiative = reference.initiatives.get(raw.casefold())
        if row.initiative is None:
            problem("initiative", f"There is no initiative {raw} in this area.")
    raw = cells.get("owner", "")
    if raw:
        row.owner = reference.officers.get(raw.casefold())
        if row.owner is None:
            problem("owner", f"{raw} is not an officer of this area.")
    return row


def items_from_check(*, area: LocalArea, check: ImportCheck, by, due_on_for) -> list[FeedbackItem]:
    """Unsaved items for the clean rows of `check` (`due_on_for(said_on)` gives due dates)."""
    return [
        FeedbackItem(
            area=area,
            text=row.text,
            said_on=row.said_on,
            topic=row.topic,
            service_name=row.service_name,
            source=row.source,
            body=row.body,
            initiative=row.initiative,
            owner=row.owner,
            recorded_by=by,
            due_on=due_on_for(row.said_on),
        )
        for row in check.rows
    ]
