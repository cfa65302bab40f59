"""The planner API's schemas, a module per router module of ``planner.api`` (same names); the
reference to a person they embed is ``teams.api.schemas.common.PersonRef``."""
