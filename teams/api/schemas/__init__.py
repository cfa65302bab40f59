"""Request and response shapes of the teams API, one module per router module of ``teams.api``
with the same name, and ``common`` for the references to a person and a team that every app's
API outputs embed.

Outputs read only what the endpoint's selector already loaded (select_related and prefetches),
so serialising a page of 50 rows costs no more queries than a page of 5.
"""
