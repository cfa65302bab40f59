"""Upload forms for imports."""

from django import forms
from django.conf import settings


class StaffListUploadForm(forms.Form):
    file = forms.FileField(
        label="Upload the staff list",
        help_text=(
            "An Excel workbook (.xlsx) or CSV file, at most "
            f"{settings.IMPORT_MAX_BYTES // (1024 * 1024)} MB and "
            f"{settings.IMPORT_MAX_ROWS:,} rows."
        ),
        error_messages={"required": "Choose the staff list file to upload."},
        widget=forms.ClearableFileInput(
            attrs={"class": "govuk-file-upload", "accept": ".xlsx,.csv"}
        ),
    )


class AbsencesUploadForm(StaffListUploadForm):
    """The same file rules as the staff list, for an HR export of leave, sickness and TOIL."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].label = "Upload the absences file"
        self.fields["file"].error_messages["required"] = "Choose the absences file to upload."
