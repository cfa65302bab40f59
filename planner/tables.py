"""The planner's list pages as django-tables2 tables, rendered by templates/components/table.html
(``{% render_table table %}``); ``RequestConfig`` pages them."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.safestring import mark_safe

from core.tables import GovukTable
from planner.models import ClosureDay

ACTIONS = mark_safe('<span class="govuk-visually-hidden">Actions</span>')
# A row's "Remove" button: a POST form, so it carries the CSRF token of the page.
REMOVE_BUTTON = """<form method="post" action="{% url url_name record.pk %}">{% csrf_token %}\
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" \
data-module="govuk-button">Remove<span class="govuk-visually-hidden"> {{ label }}</span>\
</button></form>"""


def remove_column(url_name: str, label: str) -> tables.TemplateColumn:
    """A column of Remove buttons posting to ``url_name`` with the row's pk; ``label`` is a
    template expression naming the row for screen readers."""
    return tables.TemplateColumn(
        REMOVE_BUTTON.replace("url_name", f"'{url_name}'").replace("{{ label }}", label),
        verbose_name=ACTIONS,
        orderable=False,
    )


class ClosureDayTable(GovukTable):
    caption = "Closure days"
    date = tables.DateColumn(format="l j F Y", verbose_name="Day")
    name = tables.Column(verbose_name="Closure")
    remove = remove_column("planner:closure-day-remove", "{{ record.name }}")

    class Meta:
        model = ClosureDay
        fields = ("date", "name")
        orderable = False
        empty_text = "No closure days: people work every day but weekends and bank holidays."
