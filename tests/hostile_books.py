"""Workbooks written part by part (the XML inside the .xlsx zip), so a test controls exactly what
an adversary or an odd program would put there: hidden sheets, an active tab, a lying
<dimension> tag, formulas with and without a cached value, Excel's _xHHHH_ escapes, broken XML,
an archive that claims to unpack to gigabytes. Used by the import and command-line tests."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = ["Прізвище", "Ім’я", "По батькові", "Відзнака", "Вид документа", "Номер документа", "Дата документа"]
AWARD = "Подяка міського голови"


def person_row(i: int, surname: str | None = None) -> list:
    letters = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
    suffix = "".join(letters[int(d)] for d in str(i))
    return [surname or f"Коваль{suffix}", "Ганна", "Петрівна", AWARD, "розпорядження", str(100 + i), "01.02.2024"]


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell_xml(ref: str, value) -> str:
    """A cell: text (inline string), a number, ("f", formula, cached-or-None), ("e", "#REF!")."""
    if value is None:
        return ""
    if isinstance(value, tuple) and value[0] == "f":
        cached = "" if value[2] is None else f"<v>{escape(str(value[2]))}</v>"
        kind = ' t="str"' if isinstance(value[2], str) else ""
        return f'<c r="{ref}"{kind}><f>{escape(value[1])}</f>{cached}</c>'
    if isinstance(value, tuple) and value[0] == "e":
        return f'<c r="{ref}" t="e"><v>{escape(value[1])}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def sheet_xml(rows: list[list], dimension: str | None = None) -> str:
    body = "".join(f'<row r="{r}">' + "".join(cell_xml(f"{_column(c)}{r}", v) for c, v in enumerate(row)) + "</row>"
                   for r, row in enumerate(rows, start=1))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"{dim}<sheetData>{body}</sheetData></worksheet>")


def write_book(path: Path, sheets: list[tuple[str, str, str]], active: int = 0,
               extra: dict[str, bytes] | None = None) -> Path:
    """``sheets``: (name, state "visible"/"hidden"/"veryHidden", sheet XML); ``active``: the
    index of the active tab; ``extra``: more parts (name → bytes) added as they are."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
                      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      for i in range(len(sheets)))
            + "</Types>"),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            f'<bookViews><workbookView activeTab="{active}"/></bookViews><sheets>'
            + "".join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" state="{state}" r:id="rId{i + 1}"/>'
                      for i, (name, state, _xml) in enumerate(sheets))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="{rel}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                      for i in range(len(sheets)))
            + "</Relationships>"),
    }
    for i, (_name, _state, xml) in enumerate(sheets):
        if xml is not None:  # None: the caller writes that part itself
            parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            book.writestr(name, text)
        for name, data in (extra or {}).items():
            book.writestr(name, data)
    return path


def simple_book(path: Path, rows: list[list], **kw) -> Path:
    return write_book(path, [("Відзнаки", "visible", sheet_xml([HEADER] + rows, kw.pop("dimension", None)))], **kw)


def bomb(path: Path, unpacked: int) -> Path:
    """A workbook whose sheet unpacks to ``unpacked`` bytes: a header row, then whitespace
    (compressed about 1000:1, so a 200 MB sheet is a 200 KB file)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    head = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>'
            + f'<row r="1">{cell_xml("A1", "Прізвище")}</row>').encode()
    write_book(path, [("Відзнаки", "visible", None)])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as book:
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(head)
            chunk = b" " * (1 << 20)
            for _ in range(unpacked // len(chunk)):
                part.write(chunk)
            part.write(b"</sheetData></worksheet>")
    return path


def ole_file(path: Path, encrypted: bool) -> Path:
    """The header of an OLE compound file (Excel 97–2003, or an encrypted .xlsx)."""
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    if encrypted:
        body += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(body + b"\x00" * 4096)
    return path


def shared_strings_bomb(path: Path, count: int) -> Path:
    """A workbook whose shared-strings table holds ``count`` tiny strings (10 million of them are a
    500 KB file that openpyxl would hold as 1.7 GB of objects)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    write_book(path, [("Відзнаки", "visible", sheet_xml([HEADER]))])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdS" Type="{rel}" Target="sharedStrings.xml"/></Relationships>'.encode())
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0"?><sst xmlns="{main}">'.encode())
            for start in range(0, count, 100_000):
                part.write(b"<si><t>ab</t></si>" * min(100_000, count - start))
            part.write(b"</sst>")
    return path
