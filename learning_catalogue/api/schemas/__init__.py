"""Request and response shapes of the catalogue API, one module per router module of
``learning_catalogue.api`` with the same name."""
