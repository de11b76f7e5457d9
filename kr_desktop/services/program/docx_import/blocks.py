"""A decision document as plain blocks in reading order: paragraphs (text) and tables (a grid of
cells that knows Word's merges). Read from the WordprocessingML itself, because python-docx's
``row.cells`` repeats a merged cell's text in every row it covers and so hides the merge.

A cell says how far it spans (``span``: grid columns), whether it continues a cell merged from
the row above (``continues``), whether all its text is italic (a value the decision does not
print, in our own exports) and the text of the Word comments anchored in it.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from kr_desktop.errors import UserError

MAX_BYTES = 50 * 1024 * 1024  # a decision with its annexes is well under 5 MB


def normalize(text: str) -> str:
    """Whitespace as the database keeps it: runs of spaces (and no-break spaces) become one space,
    line breaks kept, each line trimmed."""
    lines = (" ".join(line.replace("\u00a0", " ").replace("\u202f", " ").split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass
class Cell:
    text: str
    col: int  # the first grid column it covers
    span: int = 1
    continues: bool = False  # a continuation of the cell merged from the row above (vMerge)
    italic: bool = False
    notes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.text

    @property
    def one_line(self) -> str:
        return " ".join(self.text.split("\n"))


@dataclass
class Row:
    cells: list[Cell]
    number: int  # 1-based row number within its table

    def at(self, col: int) -> Cell | None:
        for cell in self.cells:
            if cell.col <= col < cell.col + cell.span:
                return cell
        return None

    def texts(self) -> list[str]:
        return [c.one_line for c in self.cells if c.text]


@dataclass
class Table:
    rows: list[Row]
    columns: int
    index: int  # 1-based among the document's tables


@dataclass
class Paragraph:
    text: str
    bold: bool = False


@dataclass
class DecisionBlocks:
    blocks: list[Paragraph | Table] = field(default_factory=list)
    title: str = ""  # the document's properties
    subject: str = ""


def read_blocks(path: str | Path) -> DecisionBlocks:
    """The file's blocks; UserError (Ukrainian) for a file that is not a readable DOCX."""
    path = Path(path)
    try:
        if not path.is_file():
            raise UserError(f"Файл «{path}» не знайдено." if not path.exists() else f"«{path}» — не файл.")
        if path.stat().st_size > MAX_BYTES:
            raise UserError(f"Файл «{path.name}» завеликий для рішення ({path.stat().st_size // 1048576} МБ).")
        if not zipfile.is_zipfile(path):
            raise UserError(f"Файл «{path.name}» — не документ Word (.docx). Рішення у форматі .doc збережіть "
                            "у Word як .docx.")
        document = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise UserError(f"Файл «{path.name}» не вдалося прочитати як документ Word (.docx): він пошкоджений "
                        "або має інший формат.") from exc
    except OSError as exc:
        raise UserError(f"Файл «{path}» не вдалося прочитати: {exc.strerror or exc}.") from exc
    comments = _comments(document)
    result = DecisionBlocks(title=document.core_properties.title or "",
                            subject=document.core_properties.subject or "")
    tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text, bold = _paragraph_text(child)
            result.blocks.append(Paragraph(normalize(text), bold))
        elif child.tag == qn("w:tbl"):
            tables += 1
            result.blocks.append(_table(child, tables, comments))
    return result


def _comments(document) -> dict[str, str]:
    """Comment id → its text; none when the document has no comments part."""
    if not any(rel.reltype.endswith("/comments") for rel in document.part.rels.values()):
        return {}
    try:
        return {str(comment.comment_id): normalize(comment.text) for comment in document.comments}
    except Exception:  # noqa: BLE001 — a comments part python-docx cannot read: the notes are lost, the values not
        return {}


def _run_text(run) -> str:
    parts = []
    for node in run.iterchildren():
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif node.tag == qn("w:tab"):
            parts.append(" ")
    return "".join(parts)


def _is_on(properties, tag: str) -> bool:
    if properties is None:
        return False
    element = properties.find(qn(tag))
    return element is not None and element.get(qn("w:val")) not in ("0", "false", "off")


def _runs(paragraph):
    # runs directly in the paragraph and inside hyperlinks, smart tags, inserted text…
    return paragraph.iter(qn("w:r"))


def _paragraph_text(paragraph) -> tuple[str, bool]:
    texts, bold = [], True
    for run in _runs(paragraph):
        text = _run_text(run)
        if text.strip():
            texts.append(text)
            bold = bold and _is_on(run.find(qn("w:rPr")), "w:b")
        elif text:
            texts.append(text)
    joined = "".join(texts)
    return joined, bold and bool(joined.strip())


def _cell(tc, col: int, comments: dict[str, str]) -> Cell:
    properties = tc.find(qn("w:tcPr"))
    span, continues = 1, False
    if properties is not None:
        grid_span = properties.find(qn("w:gridSpan"))
        if grid_span is not None:
            try:
                span = max(1, int(grid_span.get(qn("w:val"))))
            except (TypeError, ValueError):
                span = 1
        v_merge = properties.find(qn("w:vMerge"))
        if v_merge is not None:
            continues = v_merge.get(qn("w:val")) in (None, "continue")
    lines, italic, seen = [], True, False
    for paragraph in tc.iterchildren(qn("w:p")):
        parts = []
        for run in _runs(paragraph):
            text = _run_text(run)
            if text.strip():
                seen = True
                italic = italic and _is_on(run.find(qn("w:rPr")), "w:i")
            parts.append(text)
        lines.append("".join(parts))
    notes = tuple(comments[i] for i in (node.get(qn("w:id")) for node in tc.iter(qn("w:commentRangeStart")))
                  if i in comments)
    return Cell(normalize("\n".join(lines)), col, span, continues, italic and seen, notes)


def _table(tbl, index: int, comments: dict[str, str]) -> Table:
    grid = tbl.find(qn("w:tblGrid"))
    columns = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    rows = []
    for number, tr in enumerate(tbl.iterchildren(qn("w:tr")), start=1):
        col = 0
        properties = tr.find(qn("w:trPr"))
        if properties is not None:
            before = properties.find(qn("w:gridBefore"))
            if before is not None:
                try:
                    col = int(before.get(qn("w:val")))
                except (TypeError, ValueError):
                    col = 0
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            cell = _cell(tc, col, comments)
            cells.append(cell)
            col += cell.span
        rows.append(Row(cells, number))
        columns = max(columns, col)
    return Table(rows, columns, index)
