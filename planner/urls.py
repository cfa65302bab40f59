"""Protected time pages, under /protected-time/."""

from django.urls import URLPattern

app_name = "planner"

urlpatterns: list[URLPattern] = []
