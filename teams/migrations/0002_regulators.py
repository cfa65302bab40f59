"""The UK regulators a social work team's staff may be registered with.

Number formats are data so they can change without a release; "SW" plus digits is Social Work
England's published format.
"""

from django.db import migrations

REGULATORS = [
    ("swe", "Social Work England", r"SW\d{1,7}", "SW123456"),
    ("hcpc", "Health and Care Professions Council", r"[A-Z]{2}\d{5,6}", "OT12345"),
    ("nmc", "Nursing and Midwifery Council", r"\d{2}[A-L]\d{4}[A-Z]", "12A3456E"),
    ("scw", "Social Care Wales", r"\d{4,8}", "1234567"),
    ("sssc", "Scottish Social Services Council", r"\d{4,8}", "1234567"),
    ("niscc", "Northern Ireland Social Care Council", r"\d{4,8}", "6012345"),
]


def add_regulators(apps, schema_editor):
    Regulator = apps.get_model("teams", "Regulator")
    for code, name, pattern, example in REGULATORS:
        Regulator.objects.update_or_create(
            code=code,
            defaults={"name": name, "number_pattern": pattern, "number_example": example},
        )


def remove_regulators(apps, schema_editor):
    Regulator = apps.get_model("teams", "Regulator")
    Regulator.objects.filter(code__in=[code for code, *_ in REGULATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [("teams", "0001_initial")]

    operations = [migrations.RunPython(add_regulators, remove_regulators)]
