"""A board member asks for "You said, we did" on the page; a real Celery worker makes it;
the PDF opens, is tagged, has the expected headings and every item, and downloads."""

import io
import time

import pikepdf
import pytest

from coproduction.people.models import Role
from evaluation.reports.models import Report, ReportStatus
from evaluation.reports.rendering import pdf_facts
from tests.people.factories import member
from tests.reports.factories import published_feedback

pytestmark = pytest.mark.worker


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_the_worker_makes_a_tagged_pdf_with_every_item(client, celery_worker, area):
    board = member(area, Role.BOARD_MEMBER)
    client.force_login(board)
    published_feedback(area, 9)
    response = client.post(
        f"/{area.slug}/reports/new/",
        {
            "kind": "you_said_we_did",
            "scope": "area",
            "period": "custom",
            "period_start_0": "1",
            "period_start_1": "9",
            "period_start_2": "2025",
            "period_end_0": "31",
            "period_end_1": "8",
            "period_end_2": "2026",
        },
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert wait_for(lambda: Report.objects.get().status not in ("queued", "making")), (
        "the worker did not make the report"
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.READY, report.failure_message
    assert report.requested_by == board

    page = client.get(report.get_absolute_url())
    assert "Download the report (PDF)" in page.content.decode()
    download = client.get(f"/{area.slug}/reports/{report.pk}/download/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    content = b"".join(download.streaming_content)

    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert pdf.Root.MarkInfo.Marked
        assert "/StructTreeRoot" in pdf.Root
        assert len(pdf.pages) == report.page_count
    facts = pdf_facts(content)
    assert facts.language == "en-GB"
    assert facts.title == "You said, we did: Birmingham, 1 September 2025 to 31 August 2026"
    assert facts.headings[0] == "You said, we did: Birmingham"
    assert "Local Offer content and gaps" in facts.headings
    assert facts.structure["Div"] == 9  # one tagged block per item
