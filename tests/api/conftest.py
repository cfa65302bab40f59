"""Fixtures for the API tests."""

import pytest

from tests.api.support import Api


@pytest.fixture
def api(client):
    return Api(client)
