"""HTML to tagged PDF (PDF/UA-1) with WeasyPrint, and the check that the result is tagged.

The templates (`templates/reports/pdf/`) give the document its language (en-GB), its title,
real headings, tables with `<th scope>` and page numbers with the area's name on every page
(`@page` rules in `reports/pdf/base.html`). WeasyPrint's "pdf/ua-1" variant writes the
structure tree, `/MarkInfo /Marked true`, `/Lang` and the title in the metadata.
"""

from __future__ import annotations

import gc
import io
import logging
from collections import Counter
from dataclasses import dataclass

# WeasyPrint logs every layout step at INFO (from its import on); the worker's log only needs
# its warnings (a missing font, CSS it ignores). Set here, not in the shared settings' LOGGING.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

import pikepdf  # noqa: E402
import pydyf  # noqa: E402
import weasyprint  # noqa: E402

PDF_VARIANT = "pdf/ua-1"


def _page_references(self) -> tuple[bytes, ...]:
    """pydyf's `PDF.page_references`, kept until a page is added. pydyf builds the tuple
    of every page's reference anew on each read, and WeasyPrint's tagging reads it once
    per structure element: with 1,000 feedback items laid out on 285 pages that was 2.4 s
    of 14 s, growing with pages times elements. Pages are only
    ever appended (`PDF.add_page`), so the length of `Kids` tells when to rebuild."""
    kids = self.pages["Kids"]
    cached = self.__dict__.get("_page_references_cache")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        self.__dict__["_page_references_cache"] = cached
    return cached[1]


if isinstance(getattr(pydyf.PDF, "page_references", None), property):
    pydyf.PDF.page_references = property(_page_references)


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    page_count: int


class UntaggedPdf(Exception):
    """The PDF made is not tagged as PDF/UA needs (a bug, never a person's input)."""


def html_to_pdf(html: str) -> RenderedPdf:
    """Lay out `html` (a whole document, no external resources) and write a PDF/UA-1 file.

    Python's cycle collector is paused meanwhile: WeasyPrint makes millions of small
    objects that live until the end, and each full collection walks them all, so the time
    grew faster than the pages (about 15% of the time at 1,000 items). It is collected once
    at the end, so the worker's memory comes back."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        document = weasyprint.HTML(string=html).render(pdf_variant=PDF_VARIANT)
        content = document.write_pdf(pdf_variant=PDF_VARIANT)
        page_count = len(document.pages)
        del document
    finally:
        if was_enabled:
            gc.enable()
    gc.collect()
    return RenderedPdf(content=content, page_count=page_count)


@dataclass(frozen=True)
class PdfFacts:
    marked: bool
    has_structure_tree: bool
    language: str
    title: str
    headings: tuple[str, ...]
    page_count: int
    # How many structure elements of each type (`"Div"`, `"P"`, `"Table"`, `"TH"`, ...).
    structure: dict[str, int]


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
        structure: Counter[str] = Counter()
        tree = root.get("/StructTreeRoot")
        pending = [tree] if tree is not None else []
        while pending:
            element = pending.pop()
            if isinstance(element, pikepdf.Dictionary):
                kind = element.get("/S")
                if kind is not None:
                    structure[str(kind).lstrip("/")] += 1
                kids = element.get("/K")
                if isinstance(kids, pikepdf.Array):
                    pending.extend(kids)
                elif isinstance(kids, pikepdf.Dictionary):
                    pending.append(kids)

        with pdf.open_metadata() as meta:
            title = str(meta.get("dc:title") or "")
        return PdfFacts(
            marked=bool(mark_info is not None and mark_info.get("/Marked")),
            has_structure_tree="/StructTreeRoot" in root,
            language=str(root.get("/Lang", "")),
            title=title or str(pdf.docinfo.get("/Title", "")),
            headings=tuple(headings),
            page_count=len(pdf.pages),
            structure=dict(structure),
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
