"""The short references to a person and a team that outputs embed, in every app's API (the
request bodies' bases, ``Input`` and ``Patch``, are in ``core.api``)."""

from __future__ import annotations

from ninja import Schema


class PersonRef(Schema):
    id: int
    full_name: str


class TeamRef(Schema):
    id: int
    name: str
    kind: str
