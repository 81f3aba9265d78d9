"""Reading uploaded register files: moved to `coproduction.spreadsheets` so other importers
(feedback items) share it. Kept here so `initiatives.spreadsheets.X` still works."""

from coproduction.spreadsheets import (  # noqa: F401 (re-exported)
    FILE_KINDS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    MAX_UNPACKED_BYTES,
    MAX_UPLOAD_BYTES,
    UPLOAD_ENDINGS,
    decode_upload,
    normalise_heading,
    read_records,
    read_upload,
)
