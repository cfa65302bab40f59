"""Uploads are refused without being kept when they are too big (by bytes or unpacked), a
preview opens only its own kind of upload, and uploads nobody confirms do not stay for ever."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.urls import reverse
from django.utils import timezone

from integrations.imports.batches import purge_unapplied
from integrations.imports.uploads import OversizeUpload, SizeLimitedUploadHandler
from integrations.models import ImportBatch
from tests.spreadsheets import valid_rows, xlsx

PEOPLE_IMPORT = "/integrations/people-import/"


def test_past_the_limit_no_later_handler_keeps_the_rest_of_the_file(
    world, client, settings, monkeypatch
):
    settings.IMPORT_MAX_BYTES = 10_000
    # Make Django spill uploads to a temporary file, and count what reaches it.
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    stored = []
    original = TemporaryFileUploadHandler.receive_data_chunk

    def counting(self, raw_data, start):
        stored.append(len(raw_data))
        return original(self, raw_data, start)

    monkeypatch.setattr(TemporaryFileUploadHandler, "receive_data_chunk", counting)
    client.force_login(world.org_admin)
    big = b"x" * 1_000_000
    response = client.post(PEOPLE_IMPORT, {"file": SimpleUploadedFile("staff.csv", big)})

    assert response.status_code == 200
    assert "the largest file you can upload is" in response.content.decode()
    assert sum(stored) <= settings.IMPORT_MAX_BYTES
    assert not ImportBatch.objects.exists()


def test_the_handler_answers_the_true_size_of_an_oversize_file(rf, settings):
    settings.IMPORT_MAX_BYTES = 100
    handler = SizeLimitedUploadHandler(rf.post("/"))
    handler.new_file("file", "staff.xlsx", "application/octet-stream", 250)
    assert handler.receive_data_chunk(b"a" * 80, 0) == b"a" * 80
    assert handler.receive_data_chunk(b"a" * 80, 80) is None
    assert handler.receive_data_chunk(b"a" * 90, 160) is None
    oversize = handler.file_complete(250)
    assert isinstance(oversize, OversizeUpload)
    assert (oversize.name, oversize.size, oversize.read()) == ("staff.xlsx", 250, b"")


def test_a_file_within_the_limit_is_left_to_djangos_handlers(rf, settings):
    handler = SizeLimitedUploadHandler(rf.post("/"))
    handler.new_file("file", "staff.xlsx", "application/octet-stream", 3)
    assert handler.receive_data_chunk(b"abc", 0) == b"abc"
    assert handler.file_complete(3) is None


def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_it_is_read(
    world, client, settings
):
    content = xlsx(valid_rows())
    settings.IMPORT_MAX_UNPACKED_BYTES = 2_000
    client.force_login(world.org_admin)
    response = client.post(PEOPLE_IMPORT, {"file": SimpleUploadedFile("staff.xlsx", content)})
    assert response.status_code == 200
    assert "The workbook unpacks to" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_preview_opens_only_its_own_kind_of_upload(world, client):
    absences = ImportBatch.objects.create(
        organisation=world.organisation,
        uploaded_by=world.org_admin,
        kind=ImportBatch.Kind.ABSENCES,
        filename="absences.xlsx",
        content=xlsx(valid_rows()),
        sha256="0" * 64,
    )
    client.force_login(world.org_admin)
    url = reverse("integrations:people-import-preview", args=[absences.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert ImportBatch.objects.get().applied_at is None


def _batch(world, *, hours_ago, applied):
    batch = ImportBatch.objects.create(
        organisation=world.organisation,
        uploaded_by=world.org_admin,
        filename="staff.xlsx",
        content=b"rows",
        sha256="0" * 64,
        applied_at=timezone.now() if applied else None,
    )
    ImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=hours_ago)
    )
    return batch


def test_uploads_nobody_confirmed_are_deleted_after_the_keeping_time(world, settings):
    settings.IMPORT_KEEP_UNAPPLIED_HOURS = 48
    stale = _batch(world, hours_ago=49, applied=False)
    fresh = _batch(world, hours_ago=47, applied=False)
    applied = _batch(world, hours_ago=500, applied=True)
    assert purge_unapplied() == 1
    assert set(ImportBatch.objects.values_list("pk", flat=True)) == {fresh.pk, applied.pk}
    assert not ImportBatch.objects.filter(pk=stale.pk).exists()


def test_every_upload_clears_out_stale_ones(world, client):
    stale = _batch(world, hours_ago=1000, applied=False)
    client.force_login(world.org_admin)
    client.post(PEOPLE_IMPORT, {"file": SimpleUploadedFile("staff.xlsx", xlsx(valid_rows()))})
    assert not ImportBatch.objects.filter(pk=stale.pk).exists()
    assert ImportBatch.objects.count() == 1
