"""The planner API's schemas, a module per router module of ``planner.api`` (same names)."""
