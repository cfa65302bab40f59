"""Pages under /organisation/: people, teams, audit log and API tokens."""

from teams import views  # noqa: F401

app_name = "teams"

urlpatterns: list = []
