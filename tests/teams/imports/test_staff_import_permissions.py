"""Only org admins import; another organisation's upload does not exist for anyone else."""

import pytest

from integrations.models import ImportBatch
from tests.spreadsheets import row, valid_rows, xlsx


@pytest.mark.parametrize("who", ["practitioner_a", "manager_a", "ld_lead"])
def test_non_admins_cannot_upload(world, upload, who):
    response = upload(getattr(world, who), "staff.xlsx", xlsx(valid_rows()))
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()


def test_another_organisations_batch_is_not_found(world, client, upload):
    response = upload(world.org_admin, "staff.xlsx", xlsx(valid_rows()))
    url = response["Location"]
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert ImportBatch.objects.get().applied_at is None


def test_preview_query_count_does_not_grow_with_rows(world, upload, page_cost):
    def rows(count):
        return [
            row(
                **{
                    "Employee number": f"Q{n}",
                    "Work email": f"q{n}@northshire.example",
                    "Registration number": f"SW8{n:05d}",
                }
            )
            for n in range(count)
        ]

    measured = []
    for count in (5, 50):
        url = upload(world.org_admin, "staff.xlsx", xlsx(rows(count)))["Location"]
        measured.append(page_cost(url, warm_up=False)[0])
    assert measured[0] == measured[1]
