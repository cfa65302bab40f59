"""The HR staff list import: its columns and row rules (``staff_columns``, ``staff_plan``) and
how a valid plan is applied, through the people services, all or nothing."""

from __future__ import annotations

from typing import ClassVar

from django.db.models import QuerySet
from django.utils import timezone

from integrations.imports.importer import rows_of
from integrations.imports.rows import ImportPlan, RowReader
from integrations.models import ImportBatch
from teams import access, services
from teams.imports.audited import AuditedImporter
from teams.imports.staff_columns import COLUMNS
from teams.imports.staff_plan import PersonRowPlan, StaffContext, flag_duplicates, plan_person
from teams.models import Person, Registration, Team


class StaffListImporter(AuditedImporter):
    kind = ImportBatch.Kind.PEOPLE
    row_class = PersonRowPlan
    columns = COLUMNS
    may_import = staticmethod(access.can_manage_people)
    audit_action = "people_import.apply"
    sheet_title = "Staff list"
    template_notes: ClassVar[str] = (
        "Keep one person per row and replace the example row. Only the first sheet is read. "
        "Rows are matched on employee number, then work email, so importing the same file "
        "twice changes nothing. Nothing is saved until every row is valid and you confirm."
    )

    def batches(self) -> QuerySet[ImportBatch]:
        """Any org admin of the organisation may check and confirm an upload of another."""
        return ImportBatch.objects.filter(
            kind=self.kind, organisation_id=self.actor.organisation_id
        )

    def plan_rows(self, rows: list[RowReader], present: set[str]) -> list[PersonRowPlan]:
        context = StaffContext(self.actor.organisation)
        plans = [plan_person(read, context) for read in rows]
        headers = self.column_map()
        flag_duplicates(plans, headers["email"].header, lambda row: row.email)
        flag_duplicates(
            plans,
            headers["employee_number"].header,
            lambda row: str(row.person_fields.get("employee_number") or ""),
        )
        return plans

    def apply(self, plan: ImportPlan) -> None:
        teams = {
            team.pk: team for team in Team.objects.filter(organisation=self.actor.organisation)
        }
        for row in rows_of(plan, ("create", "update")):
            _apply_row(self.actor, row, teams)


def _apply_row(actor: Person, row: PersonRowPlan, teams: dict[int, Team]) -> None:
    fields = dict(row.person_fields)
    end = fields.get("employment_end")
    if row.person_id is None:
        if end and end < timezone.localdate():
            fields["is_active"] = False
        person = services.person_create(
            actor=actor,
            roles=row.roles or (),
            team=teams[row.team_id] if row.team_id else None,
            team_start=row.team_start,
            **fields,
        )
    else:
        person = Person.objects.get(pk=row.person_id)
        if fields:
            person = services.person_update(actor=actor, person=person, **fields)
        if row.roles is not None:
            services.person_roles_set(actor=actor, person=person, roles=row.roles)
        if row.team_id:
            services.membership_start(
                actor=actor, person=person, team=teams[row.team_id], start_date=row.team_start
            )
    if row.specialisms is not None:
        services.person_specialisms_set(actor=actor, person=person, tags=row.specialisms)
    if row.pattern_minutes is not None:
        services.working_pattern_set(
            actor=actor,
            person=person,
            effective_from=row.pattern_from,
            minutes=row.pattern_minutes,
        )
    if row.registration_id is not None:
        services.registration_update(
            actor=actor,
            registration=Registration.objects.get(pk=row.registration_id),
            **row.registration,
        )
    elif row.registration is not None:
        services.registration_add(actor=actor, person=person, **row.registration)


def import_batch_create(*, actor: Person, filename: str, content: bytes) -> ImportBatch:
    """Keeps an uploaded staff list for preview (``FileProblem`` and nothing kept when it
    cannot be read)."""
    return StaffListImporter(actor).keep(filename=filename, content=content)
