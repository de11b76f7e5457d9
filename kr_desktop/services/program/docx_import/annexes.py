"""The annexes of a decision: «Додаток N», its caption and title, and its table of directions and
measures read row by row.

The table is understood as such tables are made: the header names the columns (years under the
amounts); a row of bare column numbers (repeated after a page break) is skipped; a row spanning
the table is a direction's heading; «Усього» is a totals row (checked, not stored); a direction's
number and name, a deadline, executors, expected results and the direction's funding may be
Word merged cells over several measures; a row with only some cells filled continues the measure
above it (a cell cut by a page break). A cell that fits none of this is reported with its table,
row and column, and the import does not go ahead.
"""

from __future__ import annotations

import re
from kr_desktop.domain.provenance import INFERRED, MERGED, PRINTED
from kr_desktop.services.program.docx_import.blocks import Cell, Paragraph, Row, Table
from kr_desktop.services.program.docx_import.cells import amount, folded, is_dash, looks_numeric
from kr_desktop.services.program.docx_import.columns import TOTALS, Columns, is_number_row, read_columns
from kr_desktop.services.program.docx_import.model import (DecisionReading, ReadDirection, ReadFunding, ReadMeasure,
                                                           ReadStage)

_ANNEX = re.compile(r"^Додаток\s*(\d+)\b\s*(.*)$", re.I | re.S)
CONTINUING_ENDS = (",", ";", ":", "-", "–", "—", "(")


def read_annexes(blocks: list, start: int, reading: DecisionReading) -> None:
    index = start
    while index < len(blocks):
        block = blocks[index]
        match = _ANNEX.match(block.text) if isinstance(block, Paragraph) else None
        if match is None:
            index += 1
            continue
        number = int(match[1])
        caption_parts = [line for line in match[2].split("\n") if line.strip()]
        title_parts: list[str] = []
        index += 1
        tables: list[Table] = []
        while index < len(blocks):
            block = blocks[index]
            if isinstance(block, Table):
                tables.append(block)
            elif block.text:
                if _ANNEX.match(block.text):
                    break
                if tables:
                    pass  # text after the table (a signature, a line): the annex's table has ended
                elif not title_parts and (block.text.startswith("до ") or (caption_parts and block.text[:1].islower())):
                    caption_parts.append(block.text)
                else:
                    title_parts.append(block.text)
            index += 1
        _annex(number, " ".join(" ".join(caption_parts).split()), " ".join(" ".join(title_parts).split()), tables,
               reading)


def _annex(number: int, caption: str, title: str, tables: list[Table], reading: DecisionReading) -> None:
    where = f"Додаток {number}"
    if not tables:
        reading.problem(where, "немає таблиці завдань і заходів")
        return
    columns = read_columns(tables[0])
    if columns is None:
        reading.problem(f"{where}, таблиця {tables[0].index}", "не розпізнано заголовка таблиці (стовпців "
                        "«Перелік заходів», «Строк виконання», «Виконавці»)")
        return
    if not columns.years:
        reading.problem(f"{where}, таблиця {tables[0].index}", "у заголовку немає стовпців років", blocking=False)
    stage = ReadStage(number, caption, title, tuple(sorted(columns.years.values())))
    reader = _AnnexRows(stage, columns, reading, where)
    for position, table in enumerate(tables):
        if position and table.columns != tables[0].columns:
            reading.problem(f"{where}, таблиця {table.index}", f"таблиця має {table.columns} стовпців замість "
                            f"{tables[0].columns}: її не прочитано")
            continue
        skip = columns.header_rows if position == 0 else _header_rows_again(table, columns)
        for row in table.rows[skip:]:
            reader.row(row, table.index if len(tables) > 1 else None)
    reader.check_totals()
    reading.stages.append(stage)


def _header_rows_again(table: Table, columns: Columns) -> int:
    """A table continued on the next page as a table of its own: its repeated header is skipped."""
    again = read_columns(table)
    return again.header_rows if again is not None else 0


class _AnnexRows:
    def __init__(self, stage: ReadStage, columns: Columns, reading: DecisionReading, where: str):
        self.stage, self.columns, self.reading, self.where = stage, columns, reading, where
        self.direction: ReadDirection | None = None
        self.measure: ReadMeasure | None = None
        self.previous: ReadMeasure | None = None  # the measure above (across directions)
        self.totals: dict[int, object] = {}
        self.place = ""

    # -- helpers ----------------------------------------------------------------------------------
    def cell(self, row: Row, role: str) -> Cell | None:
        col = self.columns.roles.get(role)
        return row.at(col) if col is not None else None

    def text(self, row: Row, role: str) -> str:
        cell = self.cell(row, role)
        return "" if cell is None or cell.continues else cell.text

    def at(self, row: Row, table: int | None, col: int | None = None) -> str:
        place = f"{self.where}" + (f", таблиця {table}" if table else "") + f", рядок {row.number}"
        return place if col is None else f"{place}, {self.columns.name(col)}"

    # -- one row ----------------------------------------------------------------------------------
    def row(self, row: Row, table: int | None) -> None:
        if not any(c.text for c in row.cells):
            return  # an empty row (a layout leftover)
        if is_number_row(row):
            return  # column numbers repeated after a page break
        texts = {c.one_line for c in row.cells if c.text}
        widest = max(row.cells, key=lambda c: c.span)
        filled = sum(1 for c in row.cells if c.text)
        if len(texts) == 1 and widest.text and (widest.span >= max(3, len(self.columns.roles) // 2) or filled >= 3):
            if folded(widest.text).startswith(TOTALS):
                return
            self.direction_heading(next(iter(texts)))
            return
        for role in ("number", "direction", "text", "source"):
            if folded(self.text(row, role)).startswith(TOTALS) and not self.text(row, "deadline"):
                self.totals_row(row, table)
                return
        self.place = self.at(row, table)
        self.direction_cells(row, table)
        if self.direction is None:
            self.reading.problem(self.place, "рядок стоїть перед першим напрямом: не віднесено до жодного напряму",
                                 " | ".join(sorted(texts))[:200])
            return
        text_cell = self.cell(row, "text")
        text = text_cell.text if text_cell is not None and not text_cell.continues else ""
        if not text or self.continues_measure(row, text):
            self.continuation(row, text, table)
        else:
            self.new_measure(row, text, table)
        self.unplaced(row, table)

    def direction_heading(self, text: str) -> None:
        match = re.match(r"^(\d+)[.)]?\s+(.*)$", text, re.S)
        number = int(match[1]) if match else (self.direction.number + 1 if self.direction else 1)
        name = match[2] if match else text
        self.direction = ReadDirection(number, " ".join(name.split()))
        self.stage.directions.append(self.direction)
        self.measure = None

    def direction_cells(self, row: Row, table: int | None) -> None:
        number_cell, name_cell = self.cell(row, "number"), self.cell(row, "direction")
        number_text = number_cell.one_line if number_cell is not None and not number_cell.continues else ""
        name_text = name_cell.one_line if name_cell is not None and not name_cell.continues else ""
        if not number_text and not name_text:
            return
        number_match = re.fullmatch(r"(\d+)[.)]?", number_text) if number_text else None
        if number_text and not number_match:
            self.reading.problem(self.at(row, table, self.columns.roles["number"]), "не номер напряму", number_text)
            return
        number = int(number_match[1]) if number_match else None
        if self.direction is not None and (number is None or number == self.direction.number) and \
                (not name_text or not self.direction.name or name_text == self.direction.name):
            if name_text and not self.direction.name:
                self.direction.name = name_text
            return
        if number is None:
            number = self.direction.number + 1 if self.direction else 1
        self.direction = ReadDirection(number, name_text)
        self.stage.directions.append(self.direction)
        self.measure = None

    def continues_measure(self, row: Row, text: str) -> bool:
        """A row whose deadline and executors cells are empty (not merged) and whose text goes on
        from the measure above: the measure's cell was cut by a page break."""
        if self.measure is None:
            return False
        for role in ("deadline", "executors"):
            cell = self.cell(row, role)
            if cell is not None and (cell.text or cell.continues):
                return False
        if self.text(row, "number") or self.text(row, "direction"):
            return False
        return text[:1].islower() or self.measure.text.rstrip().endswith(CONTINUING_ENDS)

    def continuation(self, row: Row, text: str, table: int | None) -> None:
        if self.measure is None:
            self.reading.problem(self.place, "рядок без заходу не продовжує жодного заходу",
                                 " | ".join(c.one_line for c in row.cells if c.text)[:200])
            return
        m = self.measure
        if text:
            m.text = f"{m.text} {text}"
        for role, attribute in (("deadline", "deadline"), ("executors", "executors_text")):
            more = self.text(row, role)
            if more:
                setattr(m, attribute, f"{getattr(m, attribute)} {' '.join(more.split())}".strip())
        more = self.text(row, "results")
        if more:
            m.expected_result = f"{m.expected_result} {' '.join(more.split())}" if m.expected_result else more
        if self.has_funding(row):
            self.reading.problem(self.at(row, table, self.columns.roles.get("source")),
                                 "фінансування в рядку-продовженні заходу не прочитано")
        self.reading.problem(self.place, f"рядок приєднано до заходу {self.direction.number}."
                             f"{len(self.direction.measures)} (продовження клітинки після розриву сторінки)",
                             text or " | ".join(c.one_line for c in row.cells if c.text), blocking=False)

    def new_measure(self, row: Row, text: str, table: int | None) -> None:
        d = self.direction
        first = not d.measures
        number = f"{d.number}.{len(d.measures) + 1}"
        measure = ReadMeasure(" ".join(text.split()), "", "", None, where=f"{self.place} (захід {number})")
        for role, value_attr, origin_attr, note_attr, label in (
                ("deadline", "deadline", "deadline_origin", "deadline_note", "строк"),
                ("executors", "executors_text", "executors_origin", "executors_note", "виконавців")):
            value, origin, note = self.value(row, role, first, label, number, table)
            setattr(measure, value_attr, value)
            setattr(measure, origin_attr, origin)
            setattr(measure, note_attr, note)
        results = self.cell(row, "results")
        if results is not None and results.text and not results.continues:
            measure.expected_result = " ".join(results.text.split())
        funding = self.funding(row, table)
        if funding:
            (d.funding if first else measure.funding).extend(funding)
        d.measures.append(measure)
        self.measure = self.previous = measure

    def value(self, row: Row, role: str, first: bool, label: str, number: str, table: int | None):
        """A deadline's or executors' cell → (value, origin, note)."""
        cell = self.cell(row, role)
        above = self.previous
        above_value = (above.deadline if role == "deadline" else above.executors_text) if above else ""
        if cell is not None and cell.continues:
            if above is None:
                self.reading.problem(self.at(row, table, self.columns.roles[role]),
                                     f"клітинка об’єднана з рядком вище, але вище немає заходу ({label} не визначено)")
                return "", PRINTED, ""
            if first:  # a merged cell reaching over the direction's heading
                return above_value, INFERRED, (f"Клітинка об’єднана з клітинкою попереднього напряму; "
                                               f"узято «{above_value[:60]}» з неї.")
            return above_value, MERGED, ""
        if cell is not None and cell.text:
            value = " ".join(cell.text.split())
            if cell.italic:
                return value, INFERRED, " ".join(cell.notes) or "Значення виведено (у рішенні його не надруковано)."
            return value, PRINTED, ""
        if above is None or not above_value:
            self.reading.problem(self.at(row, table, self.columns.roles.get(role)),
                                 f"клітинка порожня, а вище немає значення: {label} заходу {number} не визначено")
            return "", PRINTED, ""
        note = f"У рішенні клітинка порожня (не об’єднана): узято з рядка вище — «{above_value[:80]}»."
        self.reading.problem(self.at(row, table, self.columns.roles.get(role)),
                             f"{label} заходу {number} не надруковано: узято з рядка вище (позначено як виведене)",
                             above_value, blocking=False)
        return above_value, INFERRED, note

    # -- funding ----------------------------------------------------------------------------------
    def amount_columns(self) -> list[int]:
        cols = sorted(self.columns.years)
        if "total" in self.columns.roles:
            cols.append(self.columns.roles["total"])
        return cols

    def has_funding(self, row: Row) -> bool:
        cells = [self.cell(row, "source")] + [row.at(c) for c in self.amount_columns()]
        return any(c is not None and c.text and not c.continues for c in cells)

    def funding(self, row: Row, table: int | None) -> list[ReadFunding]:
        source_cell = self.cell(row, "source")
        if source_cell is not None and source_cell.continues:
            return []  # the direction's funding merged over this measure
        sources = [line for line in (source_cell.text.split("\n") if source_cell is not None else []) if line.strip()]
        lines = [ReadFunding(" ".join(name.split())) for name in sources]
        total_col = self.columns.roles.get("total")
        seen: set[int] = set()
        for col in self.amount_columns():
            cell = row.at(col)
            if cell is None or cell.continues or id(cell) in seen or not cell.text:
                continue
            seen.add(id(cell))
            covered = [c for c in self.amount_columns() if cell.col <= c < cell.col + cell.span]
            values = cell.text.split("\n")
            if not lines:
                if not all(is_dash(v) for v in values):
                    self.reading.problem(self.at(row, table, col), "суми без джерела фінансування", cell.one_line)
                continue
            if len(covered) > 1 or (len(values) == 1 and not looks_numeric(values[0]) and not is_dash(values[0])):
                if len(lines) != 1 or looks_numeric(cell.text):
                    self.reading.problem(self.at(row, table, col), "не вдалося прочитати суму", cell.one_line)
                    continue
                first_year = next((self.columns.years[c] for c in covered if c in self.columns.years), None)
                lines[0].phrase = " ".join(cell.text.split())
                lines[0].phrase_from = first_year if first_year != (self.stage.years[:1] or (None,))[0] else None
                continue
            if len(values) != len(lines):
                self.reading.problem(self.at(row, table, col), f"рядків сум ({len(values)}) не стільки, скільки "
                                     f"джерел ({len(lines)})", cell.one_line)
                continue
            for line, value in zip(lines, values):
                try:
                    number = amount(value)
                except ValueError:
                    self.reading.problem(self.at(row, table, col), "не вдалося прочитати суму", value)
                    continue
                if col == total_col:
                    if number is not None and not line.phrase and number != sum(line.amounts.values()):
                        self.reading.problem(self.at(row, table, col), f"«Усього» ({number}) не дорівнює сумі за "
                                             f"роками ({sum(line.amounts.values())})", value, blocking=False)
                elif number is not None:
                    line.amounts[self.columns.years[col]] = number
        for line in lines:
            if not line.amounts and not line.phrase:
                self.reading.problem(self.at(row, table, self.columns.roles.get("source")),
                                     f"джерело «{line.source}» без сум і без пояснення: не збережено", line.source,
                                     blocking=False)
        return [line for line in lines if line.amounts or line.phrase]

    # -- the rest -----------------------------------------------------------------------------------
    def unplaced(self, row: Row, table: int | None) -> None:
        """Text in a column the header did not name is never silently dropped."""
        for cell in row.cells:
            if cell.text and not cell.continues and all(self.columns.role_of(c) is None
                                                         for c in range(cell.col, cell.col + cell.span)):
                self.reading.problem(self.at(row, table, cell.col), "клітинка поза стовпцями таблиці: не прочитано",
                                     cell.one_line)

    def totals_row(self, row: Row, table: int | None) -> None:
        for col, year in self.columns.years.items():
            cell = row.at(col)
            try:
                stated = amount(cell.one_line) if cell is not None and cell.text else None
            except ValueError:
                self.reading.problem(self.at(row, table, col), "не вдалося прочитати підсумок", cell.one_line,
                                     blocking=False)
                continue
            self.totals[year] = stated

    def check_totals(self) -> None:
        for year, stated in self.totals.items():
            computed = self.stage.year_total(year)
            if (stated or 0) != computed:
                self.reading.problem(f"{self.where}, рядок «Усього», {year} рік",
                                     f"підсумок ({stated or 0}) не дорівнює сумі заходів ({computed})", blocking=False)
