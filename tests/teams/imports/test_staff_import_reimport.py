"""Re-importing the same file changes nothing; a changed cell updates only that."""

from teams.models import AuditEntry, Person
from tests.spreadsheets import row, valid_rows, xlsx

PERSON_COLUMNS = [
    field.attname for field in Person._meta.concrete_fields if field.name != "last_login"
]


def import_file(client, upload, actor, content):
    response = upload(actor, "staff.xlsx", content)
    preview = client.get(response["Location"])
    plan = preview.context["plan"]
    if plan.counts["create"] or plan.counts["update"]:
        client.post(response["Location"])
    return plan


def test_reimporting_the_same_file_changes_nothing(world, client, upload):
    content = xlsx(valid_rows())
    import_file(client, upload, world.org_admin, content)
    audit_before = AuditEntry.objects.count()
    people_before = list(Person.objects.order_by("pk").values(*PERSON_COLUMNS))
    plan = import_file(client, upload, world.org_admin, content)
    assert plan.counts == {"create": 0, "update": 0, "unchanged": 3, "error": 0}
    assert AuditEntry.objects.count() == audit_before
    assert list(Person.objects.order_by("pk").values(*PERSON_COLUMNS)) == people_before


def test_a_changed_row_updates_only_what_changed(world, client, upload):
    import_file(client, upload, world.org_admin, xlsx(valid_rows()))
    rows = valid_rows()
    rows[0] = row(**{"Job title": "Senior social worker", "Team": "Hospital Team"})
    plan = import_file(client, upload, world.org_admin, xlsx(rows))
    assert plan.counts == {"create": 0, "update": 1, "unchanged": 2, "error": 0}
    assert plan.rows[0].changes == ["Job title", "Team"]
    hana = Person.objects.get(employee_number="H001")
    assert hana.job_title == "Senior social worker"
    assert hana.memberships.current().get().team == world.team_c
    assert hana.memberships.count() == 2  # the move keeps the history


def test_matching_falls_back_to_email_for_people_without_a_number(world, client, upload):
    world.practitioner_a.employee_number = ""
    world.practitioner_a.save()
    content = xlsx(
        [
            row(
                **{
                    "Employee number": "P100",
                    "Full name": world.practitioner_a.full_name,
                    "Work email": world.practitioner_a.email,
                    "Registration number": "SW700100",
                }
            )
        ]
    )
    plan = import_file(client, upload, world.org_admin, content)
    assert plan.rows[0].person_id == world.practitioner_a.pk
    world.practitioner_a.refresh_from_db()
    assert world.practitioner_a.employee_number == "P100"
