"""The one import kit every spreadsheet import uses (staff list, absences, catalogue, and the
next ones): declared columns (``columns``), the row reader and the plan of every row (``rows``),
the importer a domain subclasses with its columns, row rules and apply step (``importer``), the
kept uploads (``batches``), the template workbook (``workbook``), and the upload → preview →
apply pages (``pages``, ``tables``, ``forms``). Nothing here imports a domain app."""
