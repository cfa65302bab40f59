"""The catalogue's lists as django-tables2 tables, rendered by templates/components/table.html
(``{% render_table table %}``); ``paged`` pages them through ``RequestConfig``. Cells with links,
tags or buttons are small templates in templates/learning_catalogue/cells/.

Activities, a learning list and suggestions show as cards (``CardsTable``): the same kit and the
same pagination, with each record drawn by a card template."""

from __future__ import annotations

import django_tables2 as tables
from django.http import HttpRequest
from django.utils.safestring import mark_safe
from django_tables2 import RequestConfig

from core.tables import NUMERIC, GovukTable, link_column

PER_PAGE = 20
ACTIONS = mark_safe('<span class="govuk-visually-hidden">Actions</span>')


def cell(name: str, verbose_name: str) -> tables.TemplateColumn:
    """A column drawn by ``templates/learning_catalogue/cells/<name>.html`` (with ``record``
    and the page's context: ``request``, the CSRF token, the page's own variables)."""
    return tables.TemplateColumn(
        template_name=f"learning_catalogue/cells/{name}.html",
        verbose_name=verbose_name,
        orderable=False,
    )


def paged[T: tables.Table](request: HttpRequest, table: T, per_page: int = PER_PAGE) -> T:
    """The table's page from ``?page=``, counted and sliced in the database."""
    RequestConfig(request, paginate={"per_page": per_page}).configure(table)
    return table


class CardsTable(GovukTable):
    """Records as cards (``card_template``, given ``record`` and ``activity``), paged by the kit.
    The browse page's ``sort`` parameter belongs to its filters: cards are never reordered.
    (django-tables2 does not inherit ``Meta``: each kind of cards names it again.)"""

    card_template = ""
    labelled_by = ""
    pk = tables.Column(visible=False)

    class Meta:
        template_name = "learning_catalogue/cards_table.html"
        orderable = False
        order_by_field = "table_order"


def cards(title: str, template: str, *, labelled: str = "") -> type[CardsTable]:
    """A kind of cards: the records drawn by ``template`` under the caption ``title``."""

    class Cards(CardsTable):
        caption = title
        card_template = template
        labelled_by = labelled

        class Meta(CardsTable.Meta):
            pass

    return Cards


ActivityCards = cards("Activities", "learning_catalogue/_card.html", labelled="results")
SavedCards = cards("My learning list", "learning_catalogue/_saved_card.html")
SuggestionCards = cards("Suggestions", "learning_catalogue/_suggestion_card.html")


class ManageActivityTable(GovukTable):
    caption = "Activities"
    title = link_column("learning_catalogue:activity", "Title")
    format = tables.Column(verbose_name="Format", accessor="format__name")
    status = cell("activity_status", "Status")
    next_start = tables.DateTimeColumn(
        format="D j M Y", verbose_name="Next session", default="\N{EN DASH}"
    )
    rating_count = tables.Column(verbose_name="Ratings", attrs=NUMERIC)

    class Meta:
        orderable = False


class CurrentPlaceTable(GovukTable):
    caption = "Your places on upcoming sessions (UK time)"
    activity = cell("activity_link", "Activity")
    when = tables.DateTimeColumn(
        format="D j M Y, H:i", accessor="session__start", verbose_name="When"
    )
    place = cell("place_status", "Your place")
    actions = cell("place_actions", ACTIONS)

    class Meta:
        orderable = False


class PastPlaceTable(GovukTable):
    caption = "Past sessions and places that ended"
    activity = cell("activity_link", "Activity")
    when = tables.DateTimeColumn(format="D j M Y", accessor="session__start", verbose_name="When")
    outcome = cell("past_outcome", "Outcome")

    class Meta:
        orderable = False


class SessionTable(GovukTable):
    """An activity's sessions still to come, with the visitor's place and what they may do."""

    caption = "Upcoming sessions (UK time)"
    when = cell("session_when", "When")
    where = tables.Column(verbose_name="Where", accessor="pk", orderable=False)
    places = cell("session_places", "Places")
    your_place = cell("session_your_place", "Your place")

    class Meta:
        orderable = False

    def render_where(self, record: object) -> str:
        return ", ".join(
            part for part in ("Online" if record.online_link else "", record.venue) if part
        )


class ReservationTable(GovukTable):
    caption = "Places kept for teams"
    team = tables.Column(verbose_name="Team", accessor="team__name")
    places = tables.Column(verbose_name="Kept", attrs=NUMERIC)
    allocated = tables.Column(verbose_name="Given out", attrs=NUMERIC)

    class Meta:
        orderable = False


class SessionPlaceTable(GovukTable):
    caption = "People with a place or waiting"
    person = tables.Column(verbose_name="Person", accessor="person__full_name")
    place = cell("session_place", "Place")
    joined_at = tables.DateTimeColumn(format="j M Y", verbose_name="Since")

    class Meta:
        orderable = False


class NeedTable(GovukTable):
    caption = "Learning needs"
    topic = tables.Column(verbose_name="Topic", accessor="topic__name")
    details = tables.Column(verbose_name="What", default="\N{EN DASH}")
    status = cell("need_status", "Status")
    change = cell("need_change", ACTIONS)

    class Meta:
        orderable = False
