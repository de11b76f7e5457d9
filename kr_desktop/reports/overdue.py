"""The control list of overdue items by executor, and one reminder letter per executor (reports.letters)."""

from __future__ import annotations

from dataclasses import dataclass

from kr_desktop.reports.cycle_columns import Col, columns, row
from kr_desktop.reports.document import (Heading, PageBreak, Para, ReportDocument, Row, Signature, SignatureBlock,
                                         TableBlock)
from kr_desktop.reports.letters import letter_blocks
from kr_desktop.services.control import ControlItem
from kr_desktop.services.progress_reports import OverdueData
from kr_desktop.services.reminder_letters import LettersData
from kr_desktop.text.formatting import format_date, format_date_long


@dataclass(frozen=True)
class Line:
    number: int
    item: ControlItem
    days_late: int


def report_columns() -> list[Col]:
    return [
        Col("№ з/п", 0.45, "int", lambda x: x.number, wrap=False),
        Col("Завдання", 1.5, "text", lambda x: x.item.what),
        Col("Зміст", 3.0, "text", lambda x: x.item.detail),
        Col("Строк за Програмою", 1.1, "text", lambda x: x.item.deadline or "до " + format_date(x.item.due)),
        Col("Мало бути виконано до", 0.95, "date", lambda x: x.item.due, wrap=False),
        Col("Днів після строку", 0.95, "int", lambda x: x.days_late, wrap=False),
    ]


def _lines(data: OverdueData, executor_id: int) -> list[Line]:
    items = data.control.items_of(executor_id)
    return [Line(i, item, (data.control.on - item.due).days) for i, item in enumerate(items, start=1)]


def build_overdue(data: OverdueData, letters: LettersData | None = None) -> ReportDocument:
    """The control list; then, when ``letters`` are given, one reminder letter per executor, each a
    document of its own (reports.letters)."""
    on = data.control.on
    cols = report_columns()
    rows: list[Row] = []
    executors = data.executors()
    for executor_id, name in executors:
        rows.append(Row.group(name))
        rows += [row(cols, line) for line in _lines(data, executor_id)]
    p = data.program
    signature = SignatureBlock((Signature(data.signing.position, data.signing.name or "_______________"),),
                               data.signing.executor_line)
    blocks: list = [
        Heading("КОНТРОЛЬНИЙ СПИСОК"),
        Heading(f"невиконаних у строк завдань {p.name_genitive} станом на {format_date_long(on)}"),
    ]
    if rows:
        blocks.append(TableBlock(columns(cols), tuple(rows), font_size=9))
    else:
        blocks.append(Para("Прострочених завдань немає.", align="left"))
    blocks.append(signature)
    for letter in (letters.letters if letters is not None else ()):
        blocks.append(PageBreak(new_document=True))
        blocks += letter_blocks(letter, letters)
    return ReportDocument(f"Контроль виконання Програми на {format_date(on)}", tuple(blocks), base_size=13,
                          created=on, page_numbers="top")


def build_overdue_with_letters(db, on) -> ReportDocument:
    """What ``report overdue`` prints: the control list and every executor's letter."""
    from kr_desktop.services.progress_reports import overdue_data
    from kr_desktop.services.reminder_letters import letters_from

    data = overdue_data(db, on)
    return build_overdue(data, letters_from(db, data))
