"""Pages under /integrations/: imports and exports with outside systems."""

from django.urls import path

from integrations import views

app_name = "integrations"

urlpatterns = [
    path("people-import/", views.people_import, name="people-import"),
    path(
        "people-import/template.xlsx", views.people_import_template, name="people-import-template"
    ),
    path("people-import/<int:pk>/", views.people_import_preview, name="people-import-preview"),
]
