"""The front of a decision: its number, date and title, the amending decisions, the program's name,
and the passport (section 1) — its numbered items and table 1.7."""

from __future__ import annotations

import datetime as dt
import re

from kr_desktop.reports.program_layout import PASSPORT_SOURCES
from kr_desktop.services.program.docx_import.blocks import Paragraph, Table
from kr_desktop.services.program.docx_import.cells import YEAR, amount, folded, is_dash
from kr_desktop.services.program.docx_import.model import DecisionReading, PassportEntry

_PAIR = re.compile(r"(\d{1,2}\.\d{1,2}\.\d{4})\s*(?:року\s*)?№\s*([0-9][\w/-]*)")
_ITEM = re.compile(r"^1\.(\d{1,2})\.?\s*(.*)$", re.S)
_SUB_ITEM = re.compile(r"^1\.(\d{1,2})\.(\d{1,2})\.?\s+(.*)$", re.S)
_PERIOD = re.compile(r"^Початок:\s*(\d{4})\s*р(?:ік|\.)?,?\s*закінчення:\s*(\d{4})\s*р(?:ік|\.)?\.?$")
_FUNDING = re.compile(r"^(.*?фінансування[^:]*):\s*([\d\s\u00a0]+(?:[.,]\d+)?)\s*грн\.?$", re.I | re.S)
_PASSPORT_HEADING = re.compile(r"^1\.\s*Паспорт\b", re.I)
_NEXT_SECTION = re.compile(r"^2\.\s+\S")
_ANNEX = re.compile(r"^Додаток\s*(\d+)\b", re.I)
TITLE_ENDS = ("з метою", "відповідно", "керуючись", "на виконання", "розглянувши", "враховуючи")


def _date(text: str) -> dt.date | None:
    try:
        day, month, year = (int(part) for part in text.split("."))
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_front(blocks: list, reading: DecisionReading, subject: str = "") -> int:
    """Fill ``reading`` from the front of the document; returns the index of the first block after
    the passport (the text's other sections and the annexes follow)."""
    texts = [(i, b.text) for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text]
    program_at = next((i for i, t in texts if t.replace(" ", "").upper() == "ПРОГРАМА"), None)
    passport_at = next((i for i, t in texts if _PASSPORT_HEADING.match(t)), None)
    if passport_at is None:
        reading.problem("Паспорт", "не знайдено розділу «1. Паспорт програми»: паспорт не прочитано")
        return program_at + 1 if program_at is not None else 0
    header_end = program_at if program_at is not None and program_at < passport_at else passport_at
    _header(blocks[:header_end], reading, subject)
    if program_at is not None and program_at < passport_at:
        name = " ".join(b.text for b in blocks[program_at + 1:passport_at] if isinstance(b, Paragraph) and b.text)
        if name:
            reading.name = name if name.lower().startswith("програма") else f"Програма {name}"
    return _passport(blocks, passport_at + 1, reading)


def _header(blocks: list, reading: DecisionReading, subject: str) -> None:
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph) and b.text]
    approved = next((i for i, t in enumerate(paragraphs) if t.upper().startswith("ЗАТВЕРДЖЕНО")), None)
    pairs: list[tuple[dt.date, str]] = []
    for text in paragraphs:
        for day, number in _PAIR.findall(text.replace("\n", " ")):
            when = _date(day)
            if when and (when, number) not in pairs:
                pairs.append((when, number))
    decision = None
    if approved is not None:
        block = " ".join(paragraphs[approved:approved + 3]).replace("\n", " ")
        found = _PAIR.search(block)
        if found and _date(found[1]):
            decision = (_date(found[1]), found[2])
    if decision is None and pairs:
        decision = pairs[0]
    if decision is None:  # «21.12.2016» and «№ 1176» on lines of their own (the decision's own header)
        dates = [m for t in paragraphs for m in re.findall(r"\b\d{2}\.\d{2}\.\d{4}\b", t)]
        numbers = [m for t in paragraphs for m in re.findall(r"№\s*(\d[\w/-]*)", t)]
        if dates and numbers and _date(dates[0]):
            decision = (_date(dates[0]), numbers[0])
    if decision is not None:
        reading.decision_date, reading.decision_number = decision
        reading.amendments = sorted(p for p in pairs if p != decision)
    else:
        reading.problem("Рішення", "не знайдено дати і номера рішення про затвердження («Рішення міської ради "
                        "дд.мм.рррр № N»): програму буде внесено як проєкт без рішення", blocking=False)
    title = next((i for i, t in enumerate(paragraphs) if t.startswith("Про затвердження")), None)
    if title is not None:
        parts = [paragraphs[title]]
        for text in paragraphs[title + 1:]:
            if text.lower().startswith(TITLE_ENDS) or len(text) > 120 or text.upper().startswith("ЗАТВЕРДЖЕНО"):
                break
            parts.append(text)
        reading.decision_title = " ".join(" ".join(parts).split())
    elif subject.startswith("Про "):
        reading.decision_title = subject


def _passport(blocks: list, start: int, reading: DecisionReading) -> int:
    items: list[dict] = []
    table: Table | None = None
    end = len(blocks)
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, Table):
            if table is None and items:
                table = block
                items[-1]["table"] = True
                continue
            end = index  # an annex table: the passport ended before it
            break
        text = block.text
        if not text:
            continue
        if _NEXT_SECTION.match(text) or _ANNEX.match(text):
            end = index
            break
        sub = _SUB_ITEM.match(text)
        item = _ITEM.match(text)
        if sub and items and int(sub[1]) == items[-1]["number"]:
            items[-1]["lines"].append(" ".join(sub[3].split()))
        elif item and not sub:
            items.append({"number": int(item[1]), "text": " ".join(item[2].split()), "lines": [], "table": False,
                          "where": f"Паспорт, пункт 1.{item[1]}"})
        elif items:
            target = items[-1]
            if target["lines"]:
                target["lines"][-1] += " " + " ".join(text.split())
            else:
                target["text"] += " " + " ".join(text.split())
        else:
            reading.problem("Паспорт", "текст перед першим пунктом паспорта не віднесено до жодного пункту", text,
                            blocking=False)
    for expected, item in enumerate(items, start=1):
        if item["number"] != expected:
            reading.problem(item["where"], f"порушено нумерацію пунктів паспорта (очікувався пункт 1.{expected})",
                            item["text"])
        reading.passport.append(_entry(item, reading))
    if table is not None:
        _passport_table(table, reading)
    return end


def _entry(item: dict, reading: DecisionReading) -> PassportEntry:
    text = item["text"]
    if item["lines"]:
        return PassportEntry("results", text.rstrip().rstrip(":").strip(), "\n".join(item["lines"]))
    period = _PERIOD.match(text)
    if period:
        reading.start_year, reading.end_year = int(period[1]), int(period[2])
        return PassportEntry("period", "", "")
    funding = _FUNDING.match(text)
    if funding or item["table"]:
        caption = funding[1] if funding else text.split(":", 1)[0]
        return PassportEntry("funding", " ".join(caption.split()), "")
    if text.startswith("Назва:"):
        rest = text[len("Назва:"):].strip()
        name = reading.name
        if not (name and rest.startswith(name)):
            cut = rest.find(" (надалі")
            name = (rest[:cut] if cut > 0 else rest).strip()
            reading.name = name
        return PassportEntry("name", "Назва", rest[len(name):].strip())
    caption = re.match(r"^([^:.]{1,150}):\s+(.*)$", text, re.S)
    if caption:
        return PassportEntry("text", caption[1].strip(), caption[2].strip())
    return PassportEntry("text", "", text)


def _passport_table(table: Table, reading: DecisionReading) -> None:
    """Table 1.7: a row per year, a column per source (named in the header), «Усього» checked."""
    known = {folded(label): name for name, label in PASSPORT_SOURCES}
    known.update({folded(name): name for name, _label in PASSPORT_SOURCES})
    sources: dict[int, str] = {}
    total_row = None
    for row in table.rows:
        first = row.at(0)
        first_text = first.one_line if first else ""
        if YEAR.match(first_text):
            year = int(first_text)
            sum_cell = row.at(1)
            row_sum = 0
            for col, source in sources.items():
                cell = row.at(col)
                try:
                    value = amount(cell.one_line) if cell else None
                except ValueError:
                    reading.problem(f"Паспорт, таблиця 1.7, рядок {row.number}, «{source}»",
                                    "не вдалося прочитати суму", cell.one_line)
                    continue
                if value is not None:
                    reading.passport_amounts[(source, year)] = value
                    row_sum += value
            try:
                stated = amount(sum_cell.one_line) if sum_cell else None
            except ValueError:
                stated = None
            if stated is not None and stated != row_sum:
                reading.problem(f"Паспорт, таблиця 1.7, {year} рік", f"сума за джерелами ({row_sum}) не дорівнює "
                                f"«усього» ({stated})", blocking=False)
        elif first_text.lower().startswith(("усього", "разом")):
            total_row = row
        elif not sources or not YEAR.match(first_text):
            for cell in row.cells:
                label = folded(cell.one_line)
                if cell.col >= 2 and label and not cell.continues and cell.span == 1 and not is_dash(label):
                    sources[cell.col] = known.get(label, cell.one_line[:1].upper() + cell.one_line[1:])
    if not sources:
        reading.problem(f"Паспорт, таблиця 1.7 (таблиця {table.index})", "не знайдено стовпців джерел фінансування")
    if total_row is not None:
        for col, source in sources.items():
            cell = total_row.at(col)
            try:
                stated = amount(cell.one_line) if cell else None
            except ValueError:
                continue
            computed = sum((v for (s, _y), v in reading.passport_amounts.items() if s == source), 0)
            if (stated or 0) != computed:
                reading.problem(f"Паспорт, таблиця 1.7, «Усього», «{source}»",
                                f"підсумок ({stated}) не дорівнює сумі за роками ({computed})", blocking=False)
