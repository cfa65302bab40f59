"""Template helpers that render Django form fields and values with GOV.UK Frontend classes."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms, template
from django.forms import BoundField, widgets
from django.utils.safestring import SafeString

from core.forms import GovukDateWidget

register = template.Library()

_WIDGET_CLASSES: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.Select, "govuk-select"),
    (forms.Textarea, "govuk-textarea"),
    (forms.FileInput, "govuk-file-upload"),
    (widgets.Input, "govuk-input"),
)


@register.filter
def widget_kind(field: BoundField) -> str:
    """Which GOV.UK pattern the field template uses: checkboxes, radios, checkbox or input."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, GovukDateWidget):
        return "date"
    return "input"


@register.filter
def first_input_id(field: BoundField) -> str:
    """The id the error summary links to: the field, the day box of a date, or the first
    option of checkboxes and radios."""
    if isinstance(field.field.widget, GovukDateWidget):
        return f"{field.auto_id}_day"
    return field.id_for_label or f"{field.auto_id}_0"


@register.filter
def date_parts(field: BoundField) -> list[dict[str, object]]:
    """Day, month and year boxes of a GOV.UK date input, with what was entered or saved."""
    widget = field.field.widget
    values = widget.decompress(field.value())
    return [
        {
            "id": f"{field.auto_id}_{name}",
            "name": f"{field.html_name}_{name}",
            "label": label,
            "width": width,
            "value": value or "",
        }
        for (name, label, width), value in zip(widget.PARTS, values, strict=True)
    ]


@register.simple_tag
def govuk_widget(field: BoundField) -> SafeString:
    """Renders the widget with GOV.UK classes, the error modifier and aria-describedby."""
    widget = field.field.widget
    base = next((css for kind, css in _WIDGET_CLASSES if isinstance(widget, kind)), "")
    classes = [base, widget.attrs.get("class", "")]
    if field.errors and base:
        classes.append(f"{base}--error")
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    attrs = {"class": " ".join(css for css in classes if css)}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def hours(minutes: int | None) -> str:
    """Minutes as hours and minutes, e.g. 444 → "7h 24m"; 0 → a dash."""
    if not minutes:
        return "\N{EN DASH}"
    whole, rest = divmod(int(minutes), 60)
    return f"{whole}h {rest:02d}m" if rest else f"{whole}h"


@register.filter
def fte(pattern: object, standard_weekly_minutes: int) -> Decimal | str:
    """Full-time equivalent of a working pattern against the organisation's standard week."""
    if pattern is None or not standard_weekly_minutes:
        return ""
    return pattern.fte(standard_weekly_minutes)


@register.filter
def get_attr(obj: object, name: str) -> object:
    """An attribute named in a variable, e.g. a weekday's minutes on a working pattern."""
    return getattr(obj, name, "")


@register.filter
def timeuntil_minutes(delta: datetime.timedelta) -> str:
    """A lock-out's length in words: "15 minutes", "1 hour", "1 hour 30 minutes"."""
    minutes = max(1, round(delta.total_seconds() / 60))
    whole_hours, rest = divmod(minutes, 60)
    parts = []
    if whole_hours:
        parts.append(f"{whole_hours} hour{'s' if whole_hours != 1 else ''}")
    if rest:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)
