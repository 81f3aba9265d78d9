"""HTML to tagged PDF (PDF/UA-1) with WeasyPrint, and the check that the result is tagged.

The templates (`templates/reports/pdf/`) give the document its language (en-GB), its title,
real headings, tables with `<th scope>` and page numbers with the area's name on every page
(`@page` rules in `reports/pdf/base.html`). WeasyPrint's "pdf/ua-1" variant writes the
structure tree, `/MarkInfo /Marked true`, `/Lang` and the title in the metadata.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

# WeasyPrint logs every layout step at INFO (from its import on); the worker's log only needs
# its warnings (a missing font, CSS it ignores). Set here, not in the shared settings' LOGGING.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

import pikepdf  # noqa: E402
import weasyprint  # noqa: E402

PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    page_count: int


class UntaggedPdf(Exception):
    """The PDF made is not tagged as PDF/UA needs (a bug, never a person's input)."""


def html_to_pdf(html: str) -> RenderedPdf:
    """Lay out `html` (a whole document, no external resources) and write a PDF/UA-1 file."""
    document = weasyprint.HTML(string=html).render(pdf_variant=PDF_VARIANT)
    content = document.write_pdf(pdf_variant=PDF_VARIANT)
    return RenderedPdf(content=content, page_count=len(document.pages))


@dataclass(frozen=True)
class PdfFacts:
    marked: bool
    has_structure_tree: bool
    language: str
    title: str
    headings: tuple[str, ...]
    page_count: int


def pdf_facts(content: bytes) -> PdfFacts:
    """What a reader's assistive technology relies on, read back from the file with pikepdf:
    tagging, the structure tree, the language, the title and the headings (the outline
    WeasyPrint makes from h1 to h6, depth first)."""
    with pikepdf.open(io.BytesIO(content)) as pdf:
        root = pdf.Root
        mark_info = root.get("/MarkInfo")
        headings: list[str] = []

        def walk(items) -> None:
            for item in items:
                headings.append(str(item.title))
                walk(item.children)

        with pdf.open_outline() as outline:
            walk(outline.root)
        with pdf.open_metadata() as meta:
            title = str(meta.get("dc:title") or "")
        return PdfFacts(
            marked=bool(mark_info is not None and mark_info.get("/Marked")),
            has_structure_tree="/StructTreeRoot" in root,
            language=str(root.get("/Lang", "")),
            title=title or str(pdf.docinfo.get("/Title", "")),
            headings=tuple(headings),
            page_count=len(pdf.pages),
        )


def check_tagged(content: bytes, *, title: str) -> PdfFacts:
    """Raise `UntaggedPdf` unless the PDF is marked, has a structure tree, a language and
    `title` in its metadata (PDF/UA-1, ISO 14289-1, 7.1 and 7.2)."""
    facts = pdf_facts(content)
    problems = []
    if not facts.marked:
        problems.append("/MarkInfo /Marked is not true")
    if not facts.has_structure_tree:
        problems.append("no structure tree")
    if not facts.language:
        problems.append("no document language")
    if facts.title != title:
        problems.append(f"title is {facts.title!r}")
    if problems:
        raise UntaggedPdf("; ".join(problems))
    return facts
