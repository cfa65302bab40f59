"""The planner API's schemas, a module per router module of ``planner.api`` (same names), and
the reference to a person that all of them use."""

from ninja import Schema


class PersonRef(Schema):
    id: int
    full_name: str
