import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


@pytest.fixture
def upload(client):
    """Signs in as ``actor`` and uploads ``content``; returns the response."""

    def send(actor, name, content):
        client.force_login(actor)
        return client.post(
            "/integrations/people-import/", {"file": SimpleUploadedFile(name, content)}
        )

    return send
