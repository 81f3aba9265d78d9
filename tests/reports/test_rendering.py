"""How "You said, we did" items and running heads are written into the report's HTML, and
the page references WeasyPrint's tagging reads (kept until a page is added)."""

from datetime import date

import pydyf

from evaluation.reports import rendering  # noqa: F401 - installs the page references cache
from evaluation.reports.content import FeedbackEntry, css_string, entries_html


def test_each_item_is_one_block_with_what_was_said_and_the_response():
    html = entries_html(
        [
            FeedbackEntry(
                said="<b>Nobody</b> rang back",
                topic="Other",
                said_on=date(2025, 9, 3),
                response_kind="We will",
                response="Ring back & write down when",
                due=date(2026, 1, 9),
            ),
            FeedbackEntry(said="Thanks", topic="Other", said_on=date(2025, 9, 4)),
        ]
    )
    assert html.count('<div class="item">') == 2
    assert "No. 1, 3 September 2025. You said:" in html
    assert "&lt;b&gt;Nobody&lt;/b&gt; rang back" in html  # typed text is never markup
    assert "We will (by 9 January 2026):" in html
    assert "Ring back &amp; write down when" in html
    assert "No. 2, 4 September 2025" in html
    assert "No response yet." in html


def test_running_heads_cannot_end_the_css_string_or_the_style_element():
    written = css_string('Brighton & Hove "SEND" </style>\\')
    assert '"' not in written
    assert "<" not in written
    assert "&" not in written
    assert written.startswith("Brighton \\000026 Hove")


def test_page_references_follow_the_pages_added():
    pdf = pydyf.PDF()
    first = pydyf.Dictionary({"Type": "/Page"})
    pdf.add_page(first)
    assert pdf.page_references == (f"{first.number} 0 R".encode(),)
    second = pydyf.Dictionary({"Type": "/Page"})
    pdf.add_page(second)
    assert pdf.page_references == (
        f"{first.number} 0 R".encode(),
        f"{second.number} 0 R".encode(),
    )
    assert pdf.page_references is pdf.page_references  # not rebuilt on every read
