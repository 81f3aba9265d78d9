"""Bench measurements for reports (no pages: reports are made by the worker).

`build()` records 1,000 published feedback items in bench area 1 (bench area 0 holds the
feedback bench's 10,000 items), all said in school year 2025 to 2026, the first 100 of them
in September 2025, plus 200 that are not published (unanswered or left out), with text of
varied length. They are real `FeedbackItem` rows, so the report reads them through the
feedback app's report sections (`evaluation/feedback/report_sections.py`), its selector and
its query, as a live report does.

`measure()` times `report_make` (the worker's whole job: sections, HTML, WeasyPrint, the
PDF/UA check, storing the file) and the worker's peak memory (`ru_maxrss`), each in a fresh
subprocess (`python -m bench.reports KIND AREA START END`) so one run's memory does not count
in the next:

- the inspection evidence pack of bench area 0 (every registered figure provider);
- "You said, we did" for bench area 1 over September 2025 (100 items) and over the school
  year (1,000 items), and the growth from one to the other (time and memory ratios).

Target (issue 11): at 1,000 items under 5 s and 300 MB peak, growth close to linear.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

ITEM_COUNTS = (100, 1000)
NOT_PUBLISHED = 200
YEAR_START = date(2025, 9, 1)
YEAR_END = date(2026, 8, 31)
# The first 100 items are said in September 2025; the rest over the rest of the year.
PERIODS = {100: (YEAR_START, date(2025, 9, 30)), 1000: (YEAR_START, YEAR_END)}
REPORT_AREA = 1

# Plausible comments and answers, combined by index so lengths vary (about 60 to 600
# characters), as confirmed (anonymised) text would read.
SAID = (
    "It took months to find out what short breaks we could ask for.",
    "The Local Offer pages did not say who to ring or how long a decision takes.",
    "My son's EHCP review was late again and nobody told us why.",
    "The transport page still lists a phone number that nobody answers.",
    "Please put the easy read version next to the main one, not three clicks away.",
    "We were asked the same questions by four different people in one term.",
    "The forum's coffee morning was the first time anyone explained the graduated approach.",
    "Young people want to see what happened after they filled in the survey.",
    "The directory search does not find services by the words parents use.",
    "Letters about tribunal deadlines arrive after the deadline has passed.",
    "There is nothing in the Local Offer about support for children waiting for an autism "
    "assessment, which is most of the families in our group.",
    "The new preparing for adulthood pages are much clearer, thank you.",
)
DID = (
    "We rewrote the short breaks page with parent carers from the forum.",
    "We added the team's phone number and the time a decision takes.",
    "We checked the page with a screen reader and fixed the headings.",
    "The SEND team now sends a letter when a review will be late, with a new date.",
    "We moved the easy read versions next to the main documents.",
    "We agreed one named contact for each family during a needs assessment.",
    "Young people from the youth forum now choose what we report back each term.",
    "We added the words families use to the directory's search.",
)
COULD_NOT_WHY = (
    "The national form cannot be changed by the council; we have written to the "
    "Department for Education about it.",
    "The service is commissioned by the integrated care board, which has not agreed funding "
    "for next year yet.",
)


def _said(n: int) -> str:
    parts = [SAID[(n * 7 + k * 5) % len(SAID)] for k in range(1 + n % 5)]
    return " ".join(parts)


def _did(n: int) -> str:
    return " ".join(DID[(n * 3 + k) % len(DID)] for k in range(1 + n % 4))


def _said_on(index: int) -> date:
    """Items 0-99 in September 2025, the rest spread over October 2025 to August 2026."""
    if index < 100:
        return YEAR_START + timedelta(days=index % 30)
    return date(2025, 10, 1) + timedelta(days=(index * 7) % 334)


def report_items(area, *, published: int = 1000, not_published: int = NOT_PUBLISHED) -> int:
    """Record `published` published items (and `not_published` others) in `area`, as the
    feedback app would after anonymising and publishing them. Returns how many were added
    (none when the area already has them)."""
    from django.db import transaction
    from django.utils import timezone

    from evaluation.feedback.models import (
        FeedbackItem,
        LeaveOutReason,
        ResponseKind,
        Source,
        Topic,
    )

    if FeedbackItem.objects.filter(area=area).count() >= published + not_published:
        return 0
    topics = list(Topic.values)
    kinds = list(ResponseKind.values)
    sources = list(Source.values)
    now = timezone.now()
    items = []
    for index in range(published + not_published):
        said_on = _said_on(index % published)
        text = _said(index)
        kind = kinds[index % len(kinds)]
        is_published = index < published
        answered = is_published or index % 2 == 0
        topic = topics[index % len(topics)]
        items.append(
            FeedbackItem(
                area=area,
                text=text,
                source=sources[index % len(sources)],
                topic=topic,
                service_name="Short breaks" if topic == Topic.SERVICE else "",
                said_on=said_on,
                due_on=said_on + timedelta(weeks=8),
                response_kind=kind if answered else "",
                response_text=_did(index) if answered else "",
                will_by=said_on + timedelta(days=120) if kind == ResponseKind.WILL else None,
                could_not_why=COULD_NOT_WHY[index % 2] if kind == ResponseKind.COULD_NOT else "",
                first_answered_on=said_on + timedelta(days=20) if answered else None,
                leave_out_reason=""
                if is_published or not answered
                else LeaveOutReason.OWN_SERVICES,
                confirmed_text=text if is_published else "",
                confirmed_at=now if is_published else None,
                published_at=now if is_published else None,
            )
        )
    with transaction.atomic():
        FeedbackItem.objects.bulk_create(items, batch_size=500)
    return len(items)


def build() -> str:
    from bench.people import area_slug
    from coproduction.people.models import LocalArea

    area = LocalArea.objects.get(slug=area_slug(REPORT_AREA))
    added = report_items(area)
    summary = (
        f"reports: 1,000 published feedback items (+{NOT_PUBLISHED} not published) in bench "
        f"area {REPORT_AREA}; the inspection pack of bench area 0"
    )
    return summary if added else summary + " (already built)"


def make_one(
    *, area, kind: str, period_start: date = YEAR_START, period_end: date = YEAR_END
) -> dict:
    """Ask for and make one report of `area` in this process; seconds, pages and items."""
    from evaluation.reports.services import report_make, report_request

    report, _new = report_request(
        area=area,
        by=None,
        kind=kind,
        period_start=period_start,
        period_end=period_end,
        period_label=f"bench {period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}",
        queue=False,
    )
    started, cpu_started = time.perf_counter(), time.process_time()
    made = report_make(report_id=report.pk)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    if made is None or made.status != "ready":
        raise RuntimeError(f"the bench report was not made: {made}")
    return {
        "seconds": round(seconds, 2),
        # The worker's own CPU time: on a shared, loaded machine the wall clock also counts
        # time spent waiting for a core.
        "cpu_seconds": round(cpu_seconds, 2),
        "pages": made.page_count,
        "bytes": made.byte_size,
        "items": _published_count(area, period_start, period_end)
        if kind == "you_said_we_did"
        else 0,
    }


def _published_count(area, start: date, end: date) -> int:
    from evaluation.feedback.selectors import published_queryset

    return published_queryset(area=area, period_start=start, period_end=end).count()


def _child(kind: str, area_number: int, start: str, end: str) -> None:
    """Run in a subprocess by `measure()`: make one report, print seconds and peak memory."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduction.settings")
    import django

    django.setup()
    from bench.people import area_slug
    from coproduction.people.models import LocalArea

    row = make_one(
        area=LocalArea.objects.get(slug=area_slug(area_number)),
        kind=kind,
        period_start=date.fromisoformat(start),
        period_end=date.fromisoformat(end),
    )
    # ru_maxrss is in kilobytes on Linux: the whole worker process, Django and WeasyPrint too.
    row["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(row))


def pages():
    return []


def run_child(kind: str, area_number: int, start: date, end: date, env=None) -> dict:
    """One report made in a fresh `python -m bench.reports` process; its JSON row."""
    output = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [
            sys.executable,
            "-m",
            "bench.reports",
            kind,
            str(area_number),
            f"{start:%Y-%m-%d}",
            f"{end:%Y-%m-%d}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def growth(small: dict, large: dict) -> dict:
    """How time and memory grow from the small report to the large one: the ratios, beside
    the ratio of items (linear growth makes the time ratio about the items ratio)."""
    return {
        "items_ratio": round(large["items"] / small["items"], 1),
        "time_ratio": round(large["seconds"] / small["seconds"], 1),
        "cpu_time_ratio": round(large["cpu_seconds"] / small["cpu_seconds"], 1),
        "memory_ratio": round(large["peak_mb"] / small["peak_mb"], 2),
        "pages_ratio": round(large["pages"] / small["pages"], 1),
    }


def measure() -> dict:
    """Each report in its own process: time to make and the worker's peak memory."""
    results = {}
    with tempfile.TemporaryDirectory() as media:
        env = {**os.environ, "MEDIA_ROOT": media, "MEDIA_STORAGE": "filesystem"}
        results["report: inspection pack"] = run_child(
            "inspection_pack", 0, YEAR_START, YEAR_END, env
        )
        rows = []
        for count in ITEM_COUNTS:
            start, end = PERIODS[count]
            row = run_child("you_said_we_did", REPORT_AREA, start, end, env)
            results[f"report: you said, we did with {count} items"] = row
            rows.append(row)
        results["report: you said, we did, growth 100 to 1,000 items"] = growth(*rows)
    return results


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
