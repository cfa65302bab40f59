"""The audit log is append-only through the product."""

import pytest

from teams import services
from teams.models import AuditEntry


def test_entries_cannot_be_changed_or_deleted(world):
    services.team_create(actor=world.org_admin, name="Duty", parent=world.adults)
    entry = AuditEntry.objects.get()
    entry.action = "tampered"
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()
    assert AuditEntry.objects.get().action == "team.create"


def test_tokens_are_stored_hashed_and_revocable(world):
    token, raw = services.api_token_create(actor=world.practitioner_a, name="My script")
    assert raw.startswith("pt_")
    assert raw not in token.key_hash
    assert services.api_token_authenticate(raw) == world.practitioner_a
    token.refresh_from_db()
    assert token.last_used_at is not None
    services.api_token_revoke(actor=world.practitioner_a, token=token)
    assert services.api_token_authenticate(raw) is None
    assert services.api_token_authenticate("pt_not-a-real-token") is None
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["api_token.create", "api_token.revoke"]
    assert raw not in str(AuditEntry.objects.values_list("after", flat=True))
