"""Seeds England and Wales bank holidays from 2020 to 2035 from the ``holidays`` package.

Only weekdays are rows: a holiday falling at a weekend is replaced by its substitute day (which
``holidays`` gives as "(observed)"), and the weekend itself is no working day anyway. Names are
written as GOV.UK writes them, which is how people know the days.
"""

import holidays
from django.db import migrations

FIRST_YEAR, LAST_YEAR = 2020, 2035
GOV_UK_NAMES = {
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
    "Platinum Jubilee of Elizabeth II": "Platinum Jubilee bank holiday",
    "State Funeral of Queen Elizabeth II": "Bank Holiday for the State Funeral of Queen Elizabeth II",
    "Coronation of Charles III": "Bank holiday for the coronation of King Charles III",
}
SATURDAY = 5


def gov_uk_name(name):
    return GOV_UK_NAMES.get(name, name).replace(" (observed)", " (substitute day)")


def seed(apps, schema_editor):
    BankHoliday = apps.get_model("planner", "BankHoliday")
    days = holidays.country_holidays(
        "GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1), language="en_GB"
    )
    rows = [
        BankHoliday(division="england-and-wales", date=day, name=gov_uk_name(name))
        for day, name in sorted(days.items())
        if day.weekday() < SATURDAY
    ]
    BankHoliday.objects.bulk_create(rows, ignore_conflicts=True)


def unseed(apps, schema_editor):
    apps.get_model("planner", "BankHoliday").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("planner", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
