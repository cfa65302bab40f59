"""The catalogue's spreadsheet import and export, declared on the import kit of
``integrations``: the columns (``columns``), planning a row (``plan``), the importer and its
apply step (``catalogue``), and the workbooks (``export``)."""
