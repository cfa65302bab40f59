"""The upload form every import starts with: one .xlsx or .csv file within the size limits."""

from __future__ import annotations

from django import forms
from django.conf import settings


class UploadForm(forms.Form):
    file = forms.FileField(
        help_text=(
            "An Excel workbook (.xlsx) or CSV file, at most "
            f"{settings.IMPORT_MAX_BYTES // (1024 * 1024)} MB and "
            f"{settings.IMPORT_MAX_ROWS:,} rows."
        ),
        widget=forms.ClearableFileInput(
            attrs={"class": "govuk-file-upload", "accept": ".xlsx,.csv"}
        ),
    )

    def __init__(self, *args: object, label: str, missing: str, **kwargs: object) -> None:
        """``label`` names the file ("Upload the staff list"); ``missing`` is the error when
        none was chosen."""
        super().__init__(*args, **kwargs)
        self.fields["file"].label = label
        self.fields["file"].error_messages = {
            **self.fields["file"].error_messages,
            "required": missing,
        }
