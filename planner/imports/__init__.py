"""The planner's spreadsheet import of leave, sickness and TOIL (``absences``), declared on the
import kit of ``integrations``."""
