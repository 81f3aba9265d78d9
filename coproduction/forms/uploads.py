"""The upload step of every check-then-import page: one file, read as CSV text."""

from django import forms
from django.core.exceptions import ValidationError

from coproduction.people.forms import GovUKFormMixin
from coproduction.spreadsheets import MAX_UPLOAD_BYTES, read_upload


class SpreadsheetUploadForm(GovUKFormMixin, forms.Form):
    """A CSV file, Excel workbook or OpenDocument spreadsheet; `cleaned_data["file"]` is its
    text as CSV (see `coproduction.spreadsheets.read_upload`)."""

    submit_label = "Check file"

    file = forms.FileField(
        label="Upload a CSV file or spreadsheet",
        help_text="A CSV file (.csv), an Excel workbook (.xlsx) or an OpenDocument spreadsheet "
        "(.ods), smaller than 2 MB. We read the first sheet of a workbook.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,.ods"}),
        error_messages={
            "required": "Select a CSV file.",
            "empty": "The selected file is empty.",
            "invalid": "Select a CSV file.",
        },
    )

    def clean_file(self) -> str:
        """The file's text as CSV (not the upload itself): a CSV file, or the first sheet of
        an .xlsx or .ods file (see coproduction.spreadsheets)."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:  # before reading it
            raise ValidationError("The selected file must be smaller than 2 MB.")
        try:
            return read_upload(name=upload.name, data=upload.read())
        except ValueError as error:
            raise ValidationError(str(error)) from None
