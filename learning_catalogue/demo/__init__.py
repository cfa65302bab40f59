"""The learning catalogue for the demo and scale organisations (hooks called by ``seed_demo``
and ``seed_scale``, see ``core.hooks``).

Each demo organisation gets about eighty activities in every default format, written the way an
L&D team would describe them, with sessions over the year before ``RECORDED_TO`` and the three
months after it, places (some cancelled, one full session with a waiting list, places kept for a
team), ratings from the people who took part, learning lists, learning needs agreed in
supervision and suggestions waiting for L&D. Emotional resilience and wellbeing is the
commonest topic, because it is the need practitioners raise most.

Rows are written in bulk rather than through the services, which would audit and email every
booking of a year. Everything is drawn from a seeded generator over fixed dates, so the demo is
the same on every machine; an organisation that already has catalogue activities is left alone,
so running the seed again changes nothing. This app's hook runs before the planner's, so the
places here do not ask for protected time: the planner's demo books that time itself.

The package reads from the top down: ``plans`` and ``data`` hold what is written (data only),
``rows`` and ``people`` the building blocks, ``offers`` the activities and sessions, ``places``
and ``opinions`` what people did with them, ``load`` and ``scale`` the two hooks.
"""

from __future__ import annotations

from learning_catalogue.demo.load import load_demo
from learning_catalogue.demo.scale import extend_scale

__all__ = ["extend_scale", "load_demo"]
