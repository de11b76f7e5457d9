"""Reading the import workbook: the header row and the data rows of its sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kr_desktop.errors import UserError
from kr_desktop.services.award_import.plan import COLUMNS, header_key

HEADER_SEARCH_ROWS = 10


def read_sheet(path: str | Path) -> tuple[list[Any], list[tuple], int]:
    """The header row, the data rows and the header's row number, from the workbook's first sheet
    (read-only, values only).

    The header is the first of the top rows that holds «Прізвище»; rows before it are titles."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise UserError(f"Файл «{path}» не знайдено.")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise UserError(f"Файл «{path.name}» не є книгою Excel (.xlsx) або пошкоджений ({exc}).") from None
    except Exception as exc:  # zipfile.BadZipFile and friends: still the user's file
        raise UserError(f"Файл «{path.name}» не вдається прочитати як .xlsx ({type(exc).__name__}).") from None
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header: list[Any] = []
        skipped = 0
        for row in rows:
            skipped += 1
            if any(header_key(v) == header_key(COLUMNS["surname"]) for v in row):
                header = list(row)
                break
            if skipped >= HEADER_SEARCH_ROWS:
                break
        data = [tuple(r) for r in rows] if header else []
    finally:
        workbook.close()
    return header, data, skipped
