"""What the demo tests share: loading the demo, and a fingerprint of what it wrote to compare
one load with another."""

import hashlib
import io

from django.core.management import call_command
from django.db.models import Model


def seed_demo() -> str:
    """Runs ``seed_demo`` and answers what it printed."""
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def fingerprint(columns: dict[type[Model], tuple[str, ...]]) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of the named columns (every column for an empty tuple), per
    model; rows are sorted by their values, so the order they were written in does not count."""
    found = {}
    for model, names in columns.items():
        rows = sorted(model.objects.values_list(*names), key=repr)
        found[model.__name__] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return found
