"""Reads for the planner, each starting from ``planner.access``."""
