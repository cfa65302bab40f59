"""Catalogue pages, under /learning/."""

from django.urls import URLPattern

app_name = "learning_catalogue"

urlpatterns: list[URLPattern] = []
