"""The HR staff list import (``staff_list``), declared on the import kit of ``integrations``,
and what every domain's importer shares from teams: auditing an applied upload (``audited``)
and finding teams named in a file (``team_names``)."""
