"""Lets each app extend the shared commands and the menu without editing teams.

An app opts in by defining, in its own modules:

- ``<app>.demo.load_demo(*, stdout)``: called by ``seed_demo`` after the organisations, teams
  and people are in place (idempotent, like the rest of the demo);
- ``<app>.demo.extend_scale(*, organisation, stdout)``: called by ``seed_scale`` after the
  synthetic organisation's people are created, inside the same transaction;
- ``<app>.navigation.menu_items(user)``: (URL name, label) pairs for the user's menu, shown
  after Home;
- ``<app>.home.home_panels(user)``: (template, context) pairs the home page includes, each
  template reading its context as ``panel``.

Apps are visited in ``INSTALLED_APPS`` order, so an app can rely on the data of those before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from typing import Any

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def app_functions(module_name: str, function_name: str) -> Iterator[Callable[..., Any]]:
    """``function_name`` from each installed app's ``module_name`` module that defines it."""
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, module_name):
            continue
        module = import_module(f"{config.name}.{module_name}")
        function = getattr(module, function_name, None)
        if function is not None:
            yield function
