"""The fast select for long lists writes the same HTML as Django's own select: escaped
labels, the chosen option selected, the attributes kept."""

from django import forms
from django.test.html import parse_html

from core.forms import ManyOptionsSelect

CHOICES = [("", "Any team"), (1, "Children's <Services>"), (2, "— Assessment & Duty")]


def test_it_renders_what_djangos_select_renders():
    attrs = {"class": "govuk-select", "aria-describedby": "id_team-hint", "id": "id_team"}
    for value in ("", "2", None):
        ours = ManyOptionsSelect(choices=CHOICES).render("team", value, attrs=attrs)
        theirs = forms.Select(choices=CHOICES).render("team", value, attrs=attrs)
        assert parse_html(ours) == parse_html(theirs)
    assert 'value="2" selected' in ManyOptionsSelect(choices=CHOICES).render("team", "2")
    assert "&lt;Services&gt;" in ManyOptionsSelect(choices=CHOICES).render("team", None)
