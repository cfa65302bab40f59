"""Stops reading an uploaded file once it passes the import limit, before it is kept anywhere.

Django's own handlers would hold the whole file in memory or write it to a temporary file before
any view could look at its size. This handler sits first in ``FILE_UPLOAD_HANDLERS``: past
``IMPORT_MAX_BYTES`` it swallows the rest of the file (the later handlers never see it) and hands
the view an empty stand-in that only knows the name and the true size, so the import page
answers with its usual "the file is too big" message.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler


class OversizeUpload(UploadedFile):
    """A file that was not kept because it was too big: its name and size, no content."""

    def __init__(self, *, name: str, size: int, content_type: str | None) -> None:
        super().__init__(io.BytesIO(), name=name, content_type=content_type, size=size)


class SizeLimitedUploadHandler(FileUploadHandler):
    def new_file(self, *args: object, **kwargs: object) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > settings.IMPORT_MAX_BYTES:
            return None
        return raw_data

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if self.received > settings.IMPORT_MAX_BYTES:
            return OversizeUpload(
                name=self.file_name or "", size=self.received, content_type=self.content_type
            )
        return None
