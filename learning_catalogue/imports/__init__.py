"""The catalogue's spreadsheet import and export, declared on the import kit of
``integrations``: the columns (``columns``), teams by name or path (``team_names``), planning a
row (``plan``), the importer and its apply step (``catalogue``), and the workbooks
(``export``)."""
