"""Import of awards from an XLSX sheet: all or nothing, every problem listed.

- ``validate_rows(header, rows, catalog)`` (validation.py) — pure validation of a sheet's cells (no
  database, no file): an ``ImportPlan`` with parsed rows and every ``ImportProblem`` (row, column,
  what is wrong, in Ukrainian). It never raises on bad cell values.
- ``read_sheet(path)`` (workbook.py) — the header and rows of the sheet.
- ``preview_import(db, path)`` (importing.py) — validation plus the checks that need the register
  (matching.py: certificate numbers, persons already there, rules set to «забороняти»); writes nothing.
- ``import_awards(db, path, dry_run=False)`` — the same, then everything in one transaction with
  Core bulk inserts; raises ``ImportRejected`` (listing the problems) when any.
- ``write_template(path)`` (template.py) — an empty sheet with the headers.
"""

from kr_desktop.services.award_import.importing import import_awards, preview_import
from kr_desktop.services.award_import.matching import catalog_of
from kr_desktop.services.award_import.plan import (COLUMNS, ImportPlan, ImportProblem, ImportRejected, ImportRow,
                                                   TypeInfo, header_key)
from kr_desktop.services.award_import.template import write_template
from kr_desktop.services.award_import.validation import validate_rows
from kr_desktop.services.award_import.workbook import read_sheet

__all__ = ["COLUMNS", "ImportPlan", "ImportProblem", "ImportRejected", "ImportRow", "TypeInfo", "catalog_of",
           "header_key", "import_awards", "preview_import", "read_sheet", "validate_rows", "write_template"]
