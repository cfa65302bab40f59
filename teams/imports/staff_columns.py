"""The staff list's columns: what each holds, the names it is known by, and the choices read."""

from __future__ import annotations

from integrations.imports.columns import (
    ChoiceColumn,
    Column,
    DateColumn,
    HoursColumn,
    choice_lookup,
)
from teams.models import CareerStage, ContractType, Role, SpecialismTag
from teams.models.people import LeavingReason

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CONTRACT_TYPES = choice_lookup(ContractType)
CAREER_STAGES = choice_lookup(CareerStage, {"nqsw": "newly_qualified", "asye": "newly_qualified"})
LEAVING_REASONS = choice_lookup(LeavingReason)
ROLES = choice_lookup(Role, {"manager": "team_manager", "ld lead": "ld_lead", "admin": "org_admin"})
SPECIALISMS = choice_lookup(SpecialismTag, {"best interests assessor": "bia"})

COLUMNS: tuple[Column, ...] = (
    Column(
        "employee_number",
        "Employee number",
        False,
        "Your HR system's number; rows are matched on it first.",
        "E10234",
        ("employee no", "employee id", "staff number"),
    ),
    Column(
        "full_name", "Full name", True, "As the person wants it shown.", "Amara Okafor", ("name",)
    ),
    Column(
        "email",
        "Work email",
        True,
        "Their sign-in; rows without a matching employee number are matched on it.",
        "amara.okafor@northshire.example",
        ("email", "email address"),
    ),
    Column("job_title", "Job title", False, "", "Senior social worker"),
    ChoiceColumn(
        "contract_type",
        "Contract type",
        False,
        "Permanent, fixed-term, agency or locum (permanent if blank).",
        "Permanent",
        ("contract",),
        choices=CONTRACT_TYPES,
        what="contract type",
    ),
    DateColumn(
        "employment_start",
        "Employment start",
        False,
        "Date, e.g. 04/09/2023.",
        "04/09/2023",
        ("start date",),
    ),
    DateColumn(
        "employment_end",
        "Employment end",
        False,
        "Date they left or will leave; needs a leaving reason.",
        "",
        ("end date", "leaving date"),
    ),
    ChoiceColumn(
        "leaving_reason",
        "Leaving reason",
        False,
        "Resignation, retirement, end of contract, dismissal, redundancy or other.",
        "",
        choices=LEAVING_REASONS,
        what="leaving reason",
    ),
    Column(
        "team",
        "Team",
        False,
        "A team name, or its path like Children's Services / Assessment / Assessment Team 2.",
        "Assessment Team 2",
    ),
    DateColumn(
        "team_start",
        "Team start",
        False,
        "When they joined the team (if blank: employment start for someone new, today for a move).",
        "04/09/2023",
        ("team start date",),
    ),
    ChoiceColumn(
        "roles",
        "Roles",
        False,
        "Comma list of practitioner, team manager, L&D lead, org admin (practitioner for new people; blank leaves roles as they are).",
        "Practitioner",
        choices=ROLES,
        what="role",
        separator=",;",
    ),
    ChoiceColumn(
        "career_stage",
        "Career stage",
        False,
        "Student, newly qualified or experienced (experienced if blank).",
        "Newly qualified",
        choices=CAREER_STAGES,
        what="career stage",
    ),
    DateColumn(
        "asye_start",
        "ASYE start date",
        False,
        "Needed for newly qualified people.",
        "04/09/2023",
        ("asye start",),
    ),
    ChoiceColumn(
        "specialisms",
        "Specialisms",
        False,
        "Comma list of AMHP, BIA, practice educator, practice supervisor (blank leaves them as they are).",
        "",
        choices=SPECIALISMS,
        what="specialism",
        separator=",;",
    ),
    Column(
        "regulator",
        "Regulator",
        False,
        "Social Work England (SWE), HCPC, NMC, Social Care Wales, SSSC or NISCC.",
        "Social Work England",
    ),
    Column(
        "registration_number",
        "Registration number",
        False,
        "In the regulator's format, e.g. SW123456.",
        "SW123456",
        ("registration no",),
    ),
    DateColumn(
        "renewal_due", "Registration renewal date", False, "", "30/11/2026", ("renewal date",)
    ),
    *(
        HoursColumn(
            f"{day}_hours",
            f"{day.title()} hours",
            False,
            "Contracted hours that day, e.g. 7.4 or 7:24 (blank is 0).",
            "7.4" if day not in ("saturday", "sunday") else "",
        )
        for day in DAYS
    ),
    DateColumn(
        "pattern_from",
        "Working pattern from",
        False,
        "When these hours start (employment start if blank).",
        "04/09/2023",
        ("pattern effective date",),
    ),
)
FIELD_LABELS = {
    "email": "Work email",
    "full_name": "Full name",
    "employee_number": "Employee number",
    "job_title": "Job title",
    "contract_type": "Contract type",
    "employment_start": "Employment start",
    "employment_end": "Employment end",
    "leaving_reason": "Leaving reason",
    "career_stage": "Career stage",
    "asye_start_date": "ASYE start date",
}
