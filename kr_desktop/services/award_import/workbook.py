"""Reading the import workbook as the user sees it, within set limits.

- The sheet read is the one Excel shows when the file opens: the active sheet if it is visible,
  else the first visible one. Hidden sheets are never read; their names are given in a warning
  (a hidden first sheet once granted «Почесний громадянин» from a row nobody saw).
- Every row is read, whatever the sheet's ``<dimension>`` tag claims (it once cut 10 rows to 1).
- A formula cell is not taken at its cached value (it may be stale, or missing: «не заповнено»):
  it becomes a row error «формула: введіть значення»; an Excel error value (#REF!…) likewise.
- Excel's ``_xHHHH_`` escapes are decoded, so a control character hidden in one is seen (and
  refused by the validation) instead of being stored as the literal text «_x0007_».
- Before anything is read, the file is refused (a Ukrainian message) when it is not an .xlsx
  workbook (an old .xls, an encrypted workbook, a damaged zip) or would unpack beyond
  ``MAX_UNPACKED`` bytes; while reading, beyond ``MAX_ROWS`` rows; a cell longer than
  ``MAX_CELL`` characters is a row error; malformed XML is a refusal, never a traceback.
"""

from __future__ import annotations

import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kr_desktop.cancel import Cancelled, checkpoint
from kr_desktop.errors import UserError
from kr_desktop.services.award_import.plan import COLUMNS, BadCell, header_key

HEADER_SEARCH_ROWS = 10
MAX_UNPACKED = 200 * 1024 * 1024  # bytes the workbook may unpack to (a 1 MB zip bomb once took 2 GB)
MAX_ROWS = 1_000_000
MAX_CELL = 4000  # characters of one cell
MAX_COLUMNS = 100  # columns read; a cell in column XFD would otherwise widen every row to 16,384
MAX_MEMBERS = 10_000  # files inside the archive
# Objects openpyxl builds one by one when it opens a workbook: shared strings (<si>) and cell
# formats (<xf>), with or without a namespace prefix. Excel itself allows 64,000 formats.
_OBJECTS = {"рядків тексту (спільних рядків)": (b"<si", b":si"),  # an upper bound: a few other names
            "форматів клітинок": (b"<xf", b":xf")}  # (<a:xfrm> of a drawing) are counted too
_OBJECTS_MAX = {"рядків тексту (спільних рядків)": 1_000_000, "форматів клітинок": 100_000}
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003, or an encrypted .xlsx
ZIP_HEADER = b"PK\x03\x04"
_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


@dataclass
class SheetData:
    header: list[Any]
    rows: list[tuple]
    header_row: int  # the header's row number (0: no header found)
    sheet: str
    warnings: list[str] = field(default_factory=list)


def read_sheet(path: str | Path) -> tuple[list[Any], list[tuple], int]:
    """The header row, the data rows and the header's row number of the sheet the user sees."""
    data = read_workbook(path)
    return data.header, data.rows, data.header_row


def _megabytes(count: int) -> str:
    return f"{count / 1024 / 1024:.0f} МБ"


def _holds(handle, needle: bytes, chunk: int = 1 << 20) -> bool:
    """Whether the rest of the file (up to MAX_UNPACKED bytes) holds ``needle`` (read in chunks)."""
    tail, read = b"", 0
    while read < MAX_UNPACKED:
        block = handle.read(chunk)
        if not block:
            return False
        if needle in tail + block:
            return True
        tail, read = block[-len(needle):], read + len(block)
    return False


def _check_file(path: Path) -> None:
    """Refuse, before reading it as a workbook, what cannot be one."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise UserError(f"Файл «{path}» не знайдено.") from None
    except OSError as exc:
        raise UserError(f"Файл «{path}» не вдається прочитати ({exc.strerror}).") from None
    if stat.S_ISDIR(mode):
        raise UserError(f"«{path}» — це тека, а не книга Excel.")
    if not stat.S_ISREG(mode):  # a FIFO would make reading wait for ever
        raise UserError(f"«{path}» — не звичайний файл (пристрій або канал), а не книга Excel.")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            encrypted = head == OLE_HEADER and _holds(handle, "EncryptedPackage".encode("utf-16-le"))
    except OSError as exc:
        raise UserError(f"Файл «{path.name}» не вдається прочитати ({exc.strerror}).") from None
    if head == OLE_HEADER:
        if encrypted:
            raise UserError(f"Книгу «{path.name}» захищено паролем (зашифровано): відкрийте її в Excel, зніміть "
                            "пароль (Файл → Відомості → Захистити книгу) і збережіть як .xlsx.")
        raise UserError(f"Файл «{path.name}» — книга старого формату Excel 97–2003 (.xls): відкрийте її в Excel і "
                        "збережіть як «Книга Excel (.xlsx)».")
    if not head:
        raise UserError(f"Файл «{path.name}» порожній.")
    if head[:4] != ZIP_HEADER:
        raise UserError(f"Файл «{path.name}» не є книгою Excel (.xlsx).")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise UserError(f"Файл «{path.name}» пошкоджено: це не цілий архів книги Excel (.xlsx).") from None
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED:
        # zipfile never unpacks more than a member's declared size, so the sum is a true bound
        raise UserError(f"Книга «{path.name}» розпаковується в {_megabytes(unpacked)} (понад "
                        f"{_megabytes(MAX_UNPACKED)}): такий файл не імпортується. Розбийте його на менші.")
    _count_objects(path, members)


def _count_objects(path: Path, members) -> None:
    """Refuse a workbook whose shared strings or cell formats would be too many objects: openpyxl
    holds them all in memory at once (a 480 KB file of 10 million tiny shared strings, within the
    200 MB, once took 1.7 GB and 98 s). Counted in every part, whatever its name (one pass, no
    XML parsed)."""
    counts = dict.fromkeys(_OBJECTS, 0)
    try:
        with zipfile.ZipFile(path) as archive:
            for member in members:
                tail = b""
                with archive.open(member) as part:
                    while block := part.read(1 << 20):
                        data = tail + block
                        for kind, needles in _OBJECTS.items():  # across two blocks: counted once, as the
                            counts[kind] += sum(data.count(n) for n in needles)  # tail is shorter than a needle
                        tail = block[-2:]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise UserError(f"Файл «{path.name}» пошкоджено: архів книги не розпаковується.") from None
    for kind, count in counts.items():
        if count > _OBJECTS_MAX[kind]:
            limit = f"{_OBJECTS_MAX[kind]:,}".replace(",", "\u00a0")
            raise UserError(f"У книзі «{path.name}» понад {limit} {kind}: такий файл не імпортується "
                            "(його могли створити навмисно, щоб переповнити пам’ять). Розбийте його на менші.")


def _visible_sheet(workbook, name: str):
    """The sheet Excel shows on opening: the active one if visible, else the first visible; and
    the names of the hidden ones."""
    sheets = [s for s in workbook.worksheets]
    hidden = [s.title for s in sheets if s.sheet_state != "visible"]
    active = workbook.active
    if active in sheets and active.sheet_state == "visible":
        return active, hidden
    visible = [s for s in sheets if s.sheet_state == "visible"]
    if not visible:
        raise UserError(f"У книзі «{name}» немає жодного видимого аркуша з даними.")
    return visible[0], hidden


def _text_cell(value: str) -> Any:
    """A text as the user sees it: Excel's _xHHHH_ escapes decoded; too long: a BadCell."""
    if "_x" in value:
        value = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    if len(value) > MAX_CELL:
        return BadCell(f"не довше {MAX_CELL} знаків (у клітинці {len(value)})")
    return value


def _cell(cell) -> Any:
    """A cell's value as the user sees it, or a BadCell (formula, error, too long)."""
    kind = cell.data_type
    if kind == "f":
        return BadCell("формула: введіть значення")
    if kind == "e":
        return BadCell(f"помилка Excel ({str(cell.value)[:20]}): введіть значення")
    value = cell.value
    return _text_cell(value) if isinstance(value, str) else value


def _trimmed(values: list) -> tuple:
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _cells(row, empty) -> tuple:
    # Cells, not values only: a formula's kind is seen only on the cell (measured on 10,000 rows:
    # 0.05 s more than values; a scan of the sheet's XML for formulas first cost 0.2 s). A row comes
    # padded to MAX_COLUMNS with openpyxl's one empty cell: those are skipped without a call.
    return _trimmed([None if c is empty else _cell(c) for c in row])


def read_workbook(path: str | Path) -> SheetData:
    """The sheet the user sees: header (the first of the top rows holding «Прізвище»; rows before
    it are titles), data rows, and warnings. UserError (Ukrainian) for a file that cannot be read."""
    from openpyxl import load_workbook
    from openpyxl.cell.read_only import EMPTY_CELL

    path = Path(path)
    _check_file(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # damaged parts, bad XML, unknown content: still the user's file
        raise UserError(f"Книгу «{path.name}» пошкоджено або це не книга Excel (.xlsx): її не вдається "
                        f"прочитати ({type(exc).__name__}).") from None
    try:
        sheet, hidden = _visible_sheet(workbook, path.name)
        warnings = [f"Приховані аркуші не імпортуються: {', '.join(f'«{h}»' for h in hidden)}; "
                    f"прочитано видимий аркуш «{sheet.title}»."] if hidden else []
        sheet.reset_dimensions()  # every row, whatever the <dimension> tag says
        header: list[Any] = []
        header_row = 0
        data: list[tuple] = []
        count = 0
        surname = header_key(COLUMNS["surname"])
        try:
            for row in sheet.iter_rows(max_col=MAX_COLUMNS):
                count += 1
                if not count % 1000:
                    checkpoint()  # the window's «Скасувати» stops a long read too
                if count > MAX_ROWS:
                    raise UserError(f"На аркуші «{sheet.title}» понад {MAX_ROWS:,} рядків: такий файл не "
                                    "імпортується. Розбийте його на менші.".replace(",", "\u00a0"))
                values = _cells(row, EMPTY_CELL)
                if header_row:
                    data.append(values)
                elif count <= HEADER_SEARCH_ROWS and any(isinstance(v, str) and header_key(v) == surname
                                                         for v in values):
                    header, header_row = list(values), count
                elif count >= HEADER_SEARCH_ROWS:
                    break
        except (UserError, Cancelled):
            raise
        except Exception as exc:  # malformed sheet XML, a broken shared string, an impossible date…
            raise UserError(f"Аркуш «{sheet.title}» книги «{path.name}» пошкоджено: його не вдається прочитати "
                            f"({type(exc).__name__}, рядок {count}).") from None
    finally:
        workbook.close()
    return SheetData(header, data, header_row, sheet.title, warnings)


# The same file checks and the same reading of a cell serve the executors' progress forms
# (services/progress_forms/reading.py): one place decides what an .xlsx from outside may be.
check_file = _check_file
cell_value = _cell
