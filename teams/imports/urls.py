"""The staff list import's addresses: included by ``config.urls`` under "integrations/" with
the "integrations" namespace, so its paths and names are those it always had."""

from teams.imports.pages import staff_list_pages

app_name = "integrations"

urlpatterns = staff_list_pages.urls("people-import/")
