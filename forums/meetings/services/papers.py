"""Uploading meeting papers: content checks, versions, lateness (and telling the chair).

A file is checked by its content, not its name (`filetype` reads the first bytes), against
the kinds a paper may be; it must not be empty or larger than the area's limit
(`MeetingSettings.paper_size_limit_mb`, default 20 MB); a PDF with JavaScript or a launch
action is refused (`pikepdf` reads its objects). Files are stored through Django's default
storage under a random folder and are only served through the permission-checked view.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import Person
from forums.meetings.models import (
    AgendaItem,
    MeetingEmail,
    MeetingEmailKind,
    Paper,
    PaperVersion,
)
from forums.meetings.selectors import meeting_settings_for

# What a paper may be: extension (as detected from content) to its MIME type.
PAPER_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "png": "image/png",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
KINDS_IN_WORDS = "a PDF, Word (DOCX), OpenDocument text (ODT), Excel (XLSX) or image file"

# PDF actions that run something: script, or another program or file.
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"}


def _pdf_has_active_content(upload) -> bool:
    """True when the PDF holds JavaScript or a launch action anywhere (document open
    actions, page or annotation actions, named scripts). A PDF pikepdf cannot read counts
    as active: we cannot tell that it is safe."""
    import pikepdf

    upload.seek(0)
    try:
        with pikepdf.open(upload) as pdf:
            names = pdf.Root.get("/Names")
            if names is not None and "/JavaScript" in names:
                return True
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary):
                    if "/JS" in obj:
                        return True
                    action = obj.get("/S")
                    if action is not None and str(action) in _ACTIVE_ACTIONS:
                        return True
    except Exception:  # noqa: BLE001 - unreadable or encrypted: refuse rather than guess
        return True
    finally:
        upload.seek(0)
    return False


def paper_file_check(
    *,
    upload,
    limit_mb: int,
    field: str = "file",
    types: dict[str, str] = PAPER_TYPES,
    kinds_in_words: str = KINDS_IN_WORDS,
    what: str = "the paper",
) -> tuple[str, str]:
    """Check an uploaded file; returns (extension, MIME type) detected from its content.

    Raises ValidationError at `field` with a plain message when the file is empty, larger
    than `limit_mb` megabytes, not one of `types` (extension to MIME type; the paper types
    unless given, described by `kinds_in_words`) whatever its name says, or a PDF with active
    content. Expense receipts use the same checks with images and PDFs only.
    """
    import filetype

    if upload is None or not upload.size:
        raise ValidationError(
            {field: f"The selected file is empty. Choose a file with {what} in it."}
        )
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError({field: f"The selected file must be smaller than {limit_mb} MB."})
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.extension not in types:
        raise ValidationError(
            {
                field: f"The selected file must be {kinds_in_words}. "
                "This file is not, whatever its name says."
            }
        )
    if kind.extension == "pdf" and _pdf_has_active_content(upload):
        raise ValidationError(
            {
                field: "This PDF contains a script or an action that opens another program, so "
                "it cannot be shared. Save it again as a plain PDF "
                "(for example with “Print to PDF”)."
            }
        )
    return kind.extension, types[kind.extension]


def _store_version(*, paper: Paper, upload, by: Person, extension: str, content_type: str):
    last = paper.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = PaperVersion(
        paper=paper,
        number=last + 1,
        original_name=(getattr(upload, "name", "") or "paper")[:200],
        content_type=content_type,
        extension=extension,
        size=upload.size,
        uploaded_by=by,
    )
    version.file.save(f"{extension}-file.{extension}", upload, save=False)
    version.save()
    return version


def _papers_already_due(meeting) -> bool:
    today = timezone.localdate()
    due_on = meeting.papers_due_on()
    return today > due_on or (
        today == due_on
        and MeetingEmail.objects.filter(meeting=meeting, kind=MeetingEmailKind.PAPERS).exists()
    )


@transaction.atomic
def paper_add(
    *, agenda_item: AgendaItem, by: Person, title: str, summary: str, upload
) -> PaperVersion:
    """Attach a new paper (version 1) to an agenda item.

    A paper first added after the meeting's papers fell due is marked late and the chair is
    emailed once about it. Raises ValidationError (at `file`, `title` or `summary`).
    """
    meeting = agenda_item.meeting
    limit = meeting_settings_for(area=meeting.body.area).paper_size_limit_mb
    extension, content_type = paper_file_check(upload=upload, limit_mb=limit)
    paper = Paper(
        agenda_item=agenda_item,
        title=title.strip(),
        summary=summary.strip(),
        is_late=_papers_already_due(meeting),
    )
    paper.full_clean()
    paper.save()
    version = _store_version(
        paper=paper, upload=upload, by=by, extension=extension, content_type=content_type
    )
    if paper.is_late:
        from forums.meetings.services.dispatch import late_paper_tell_chair

        late_paper_tell_chair(paper=paper)
    return version


@transaction.atomic
def paper_replace(*, paper: Paper, by: Person, upload, summary: str = "") -> PaperVersion:
    """Upload a new version of a paper (old versions stay). A new `summary` replaces the old
    one when given. Invitees who had the papers get an "updated papers" email at the next
    dispatch run. Raises ValidationError at `file` or `summary`."""
    paper = (
        Paper.objects.select_for_update()
        .select_related("agenda_item__meeting__body__area")
        .get(pk=paper.pk)
    )
    limit = meeting_settings_for(area=paper.agenda_item.meeting.body.area).paper_size_limit_mb
    extension, content_type = paper_file_check(upload=upload, limit_mb=limit)
    if summary.strip():
        paper.summary = summary.strip()
        paper.full_clean()
        paper.save(update_fields=["summary"])
    return _store_version(
        paper=paper, upload=upload, by=by, extension=extension, content_type=content_type
    )
