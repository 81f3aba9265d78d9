"""Importing a register from a CSV file: all rows or none, and each kept upload once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Person
from initiatives.csv_format import check_initiatives_csv
from initiatives.models import (
    CO_ORDER,
    CODE_PREFIXES,
    ImportUpload,
    Initiative,
    InitiativeChange,
    Publication,
)
from initiatives.services.history import Action
from initiatives.services.register import initiatives_refresh_search, locked_counter


@transaction.atomic
def initiatives_import(
    *, area: LocalArea, by: Person | None, csv_text: str, publish: bool
) -> list[Initiative]:
    """Create every initiative in a CSV file, or none.

    The file is checked again here, with the area's code counters locked, so what was clean
    at the preview is still clean when saved; any problem raises a ValidationError listing
    them and nothing is saved. Rows without a publication go in as published when `publish`
    is true, as drafts otherwise.
    """
    counters = {co: locked_counter(area, co) for co in CO_ORDER}
    check = check_initiatives_csv(area=area, csv_text=csv_text)
    if not check.is_clean:
        sentences = [problem.sentence for problem in check.problems_shown]
        if check.more_problems:
            sentences.append(f"And {check.more_problems:,} more problems.")
        raise ValidationError(sentences)
    # Codes given in the file first, so the codes we give out continue after them.
    for row in check.rows:
        if row.code:
            counter = counters[row.details.main_co]
            counter.last_number = max(counter.last_number, row.code[1])
    default_publication = Publication.PUBLISHED if publish else Publication.DRAFT
    now = timezone.now()
    initiatives = []
    for row in check.rows:
        initiative = Initiative(
            area=area,
            created_by=by,
            publication=row.publication or default_publication,
            created_at=now,
            updated_at=now,
        )
        row.details.apply_to(initiative)
        if row.code:
            initiative.code, initiative.code_number = row.code
        else:
            counter = counters[initiative.main_co]
            counter.last_number += 1
            initiative.code = f"{CODE_PREFIXES[initiative.main_co]}{counter.last_number}"
            initiative.code_number = counter.last_number
        # The check validated every row and its codes against the locked counters; the
        # database's constraints stand behind it. Rows go in together, in few queries.
        initiative.full_clean(exclude=["area", "created_by"], validate_constraints=False)
        initiatives.append(initiative)
    Initiative.objects.bulk_create(initiatives, batch_size=500)
    for counter in counters.values():
        counter.save(update_fields=["last_number"])
    Initiative.lead_organisations.through.objects.bulk_create(
        [
            Initiative.lead_organisations.through(initiative=initiative, organisation=org)
            for initiative, row in zip(initiatives, check.rows, strict=True)
            for org in row.details.lead_organisations
        ],
        batch_size=1000,
    )
    Initiative.options.through.objects.bulk_create(
        [
            Initiative.options.through(initiative=initiative, option=option)
            for initiative, row in zip(initiatives, check.rows, strict=True)
            for option in row.options
        ],
        batch_size=1000,
    )
    InitiativeChange.objects.bulk_create(
        [
            InitiativeChange(
                initiative=initiative, changed_by=by, changed_at=now, action=Action.IMPORTED
            )
            for initiative in initiatives
        ],
        batch_size=1000,
    )
    initiatives_refresh_search(initiative_ids=[initiative.pk for initiative in initiatives])
    return initiatives


ALREADY_IMPORTED = (
    "This file has already been imported (the button was pressed twice, or in two tabs). "
    "Nothing more was added."
)


def import_upload_keep(
    *, area: LocalArea, by: Person, file_name: str, csv_text: str
) -> ImportUpload:
    """Keep an uploaded file (as CSV text) for its check page and import."""
    upload = ImportUpload(area=area, uploaded_by=by, file_name=file_name[:255], csv_text=csv_text)
    upload.full_clean()
    upload.save()
    return upload


@transaction.atomic
def initiatives_import_upload(
    *, upload: ImportUpload, by: Person, publish: bool
) -> list[Initiative]:
    """Import a kept upload once: every initiative in it, or none (see initiatives_import).

    The upload's row is locked for the transaction and marked imported in it, so a second
    confirmation (a double click, another tab) waits for the first and is then refused with
    a ValidationError coded "already_imported", creating nothing. A file with problems is
    not marked, so it can be checked again.
    """
    upload = ImportUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.imported_at is not None:
        raise ValidationError(ALREADY_IMPORTED, code="already_imported")
    created = initiatives_import(area=upload.area, by=by, csv_text=upload.csv_text, publish=publish)
    upload.imported_at = timezone.now()
    upload.imported_count = len(created)
    upload.csv_text = ""  # not kept once it is in the register
    upload.save(update_fields=["imported_at", "imported_count", "csv_text"])
    return created
