"""Bench measurements for reports (no pages: reports are made by the worker).

`measure()` times `report_make` (the worker's whole job: sections, HTML, WeasyPrint, the
PDF/UA check, storing the file) and the worker's peak memory, each in a fresh subprocess
(`python -m bench.reports KIND ITEMS`) so one run's memory does not count in the next:

- the inspection evidence pack of bench area 0 (every registered figure provider);
- "You said, we did" with 100 and 1,000 synthetic published feedback items, plugged in
  through the content hook (`evaluation.reports.content.sections`) as the feedback app will.

Target (issue 11): at 1,000 items under 5 s and 300 MB peak, growth close to linear.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

ITEM_COUNTS = (100, 1000)
SYNTHETIC_SLUG = "synthetic-feedback"
TOPICS = (
    "Local Offer content and gaps",
    "Accessibility of information",
    "How the offer was developed",
    "Short breaks",
    "Other",
)


def synthetic_entries(count: int, period_start: date):
    """`count` published items spread over the period, with plausible lengths of text."""
    from evaluation.reports.content import FeedbackEntry

    return tuple(
        FeedbackEntry(
            said=(
                f"Item {n}: it took months to find out what short breaks we could ask for, "
                "and the Local Offer pages did not say who to ring or how long a decision takes."
            ),
            topic=TOPICS[n % len(TOPICS)],
            said_on=period_start + timedelta(days=n % 300),
            response_kind=("We did", "We are doing", "We will", "We could not")[n % 4],
            response=(
                "We rewrote the short breaks page with parent carers from the forum, added "
                "the team's phone number and the time a decision takes, and checked it with "
                "a screen reader."
            ),
            due=period_start + timedelta(days=330) if n % 4 == 2 else None,
            source=("Parent carer forum coffee morning", "Local Offer feedback form")[n % 2],
        )
        for n in range(1, count + 1)
    )


@contextlib.contextmanager
def synthetic_feedback(count: int):
    """Plug `count` synthetic items into "You said, we did" reports while inside."""
    from evaluation.reports.content import ReportSections, Section, sections
    from evaluation.reports.models import ReportKind

    def build(scope):
        return [
            Section(
                slug=SYNTHETIC_SLUG,
                title="What you said and what we did",
                entries=synthetic_entries(count, scope.period.starts_on),
            )
        ]

    sections.register(
        ReportKind.YOU_SAID_WE_DID, ReportSections(slug=SYNTHETIC_SLUG, build=build, order=1)
    )
    try:
        yield
    finally:
        sections.unregister(ReportKind.YOU_SAID_WE_DID, SYNTHETIC_SLUG)


def make_one(*, area, kind: str, items: int = 0) -> dict:
    """Ask for and make one report of `area` in this process; seconds and pages."""
    from evaluation.figures import academic_year
    from evaluation.reports.services import report_make, report_request

    year = academic_year(date(2025, 10, 1))
    with synthetic_feedback(items) if items else contextlib.nullcontext():
        report, _new = report_request(
            area=area,
            by=None,
            kind=kind,
            period_start=year.starts_on,
            period_end=year.ends_on,
            period_label=f"{year.label} (bench, {items} items)",
            queue=False,
        )
        started = time.perf_counter()
        made = report_make(report_id=report.pk)
        seconds = time.perf_counter() - started
    if made is None or made.status != "ready":
        raise RuntimeError(f"the bench report was not made: {made}")
    return {
        "seconds": round(seconds, 2),
        "pages": made.page_count,
        "bytes": made.byte_size,
        "items": items,
    }


def _child(kind: str, items: int) -> None:
    """Run in a subprocess by `measure()`: make one report, print seconds and peak memory."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduction.settings")
    import django

    django.setup()
    from bench.people import area_slug
    from coproduction.people.models import LocalArea

    row = make_one(area=LocalArea.objects.get(slug=area_slug(0)), kind=kind, items=items)
    # ru_maxrss is in kilobytes on Linux.
    row["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(row))


def build() -> str:
    return "reports: made on bench area 0 (no data of their own)"


def pages():
    return []


def measure() -> dict:
    """Each report in its own process: time to make and the worker's peak memory."""
    results = {}
    scenarios = [("inspection pack", "inspection_pack", 0)] + [
        (f"you said, we did with {n} items", "you_said_we_did", n) for n in ITEM_COUNTS
    ]
    with tempfile.TemporaryDirectory() as media:
        env = {**os.environ, "MEDIA_ROOT": media, "MEDIA_STORAGE": "filesystem"}
        for name, kind, items in scenarios:
            output = subprocess.run(  # noqa: S603 - our own module, fixed arguments
                [sys.executable, "-m", "bench.reports", kind, str(items)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            results[f"report: {name}"] = json.loads(output.strip().splitlines()[-1])
    return results


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]))
