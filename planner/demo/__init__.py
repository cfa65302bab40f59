"""Protected time for the demo and scale organisations (hooks called by ``seed_demo`` and
``seed_scale``, see ``core.hooks``).

The demo gets a year of history before ``RECORDED_TO`` and five months of plans after it:
leave, sickness and TOIL; learning booked by managers and asked for by practitioners; cover
with acknowledgements and the odd accepted conflict; "no cover needed" with reasons; and
cancellations, mostly for work crises, some rebooked. Nationally fewer than one booking in ten
has cover (docs/domain.md); the demo employer does better, which is the point of the product.

Rows are written in bulk rather than through the services: the services would queue an email
for every event of a year. Everything is drawn from a seeded generator over fixed dates, so the
demo is the same on every machine, and an organisation that already has bookings is left alone,
so running the seed again changes nothing.

The package reads from the top down: ``data`` holds what is written (data only), ``builders``
plans and writes it, ``load`` holds the two hooks.
"""

from planner.demo.data import RECORDED_TO
from planner.demo.load import extend_scale, load_demo

__all__ = ["RECORDED_TO", "extend_scale", "load_demo"]
