"""Organisations, teams, people and what hangs off them."""

from teams.models.audit import AuditEntry
from teams.models.organisation import Membership, Organisation, Team, TeamManager
from teams.models.people import (
    CareerStage,
    ContractType,
    Person,
    PersonQuerySet,
    Registration,
    Regulator,
    Role,
    RoleAssignment,
    Specialism,
    SpecialismTag,
    WorkingPattern,
)
from teams.models.tokens import ApiToken

__all__ = [
    "ApiToken",
    "AuditEntry",
    "CareerStage",
    "ContractType",
    "Membership",
    "Organisation",
    "Person",
    "PersonQuerySet",
    "Registration",
    "Regulator",
    "Role",
    "RoleAssignment",
    "Specialism",
    "SpecialismTag",
    "Team",
    "TeamManager",
    "WorkingPattern",
]
