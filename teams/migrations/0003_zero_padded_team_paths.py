"""Team paths become zero-padded so ordering by path keeps the tree in order past id 9."""

from django.db import migrations


def repad(apps, schema_editor):
    Team = apps.get_model("teams", "Team")
    for team in Team.objects.all().iterator():
        ids = [int(part) for part in team.path.strip("/").split("/") if part]
        padded = "/" + "".join(f"{pk:010d}/" for pk in ids)
        if padded != team.path:
            Team.objects.filter(pk=team.pk).update(path=padded)


class Migration(migrations.Migration):
    dependencies = [("teams", "0002_regulators")]

    operations = [migrations.RunPython(repad, migrations.RunPython.noop)]
