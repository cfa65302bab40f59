"""Seeds England and Wales bank holidays from 2020 to 2035."""

from django.db import migrations

FIRST_YEAR, LAST_YEAR = 2020, 2035


def seed(apps, schema_editor):
    from planner.bank_holidays import england_and_wales

    BankHoliday = apps.get_model("planner", "BankHoliday")
    rows = [
        BankHoliday(division="england-and-wales", date=day, name=name)
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
        for day, name in england_and_wales(year)
    ]
    BankHoliday.objects.bulk_create(rows, ignore_conflicts=True)


def unseed(apps, schema_editor):
    apps.get_model("planner", "BankHoliday").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("planner", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
