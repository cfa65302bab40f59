"""Pages under /integrations/: imports and exports with outside systems."""

app_name = "integrations"

urlpatterns: list = []
