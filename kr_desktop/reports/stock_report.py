"""The award materials stock report: per item the receipts, issues and write-offs of the period,
the balance at its end and the low-stock warning; then the movements of the period."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from kr_desktop.reports.document import Column, Heading, Para, ReportDocument, Row, Spacer, TableBlock
from kr_desktop.text.formatting import format_date_long


def stock_document(balances: Sequence, moves: Sequence = (), date_from: dt.date | None = None,
                   date_to: dt.date | None = None, today: dt.date | None = None) -> ReportDocument:
    today = today or dt.date.today()
    columns = (Column("№ з/п", 0.5, "int", wrap=False), Column("Матеріал", 4.2), Column("Од.", 0.5, wrap=False),
               Column("Надійшло", 0.9, "int", wrap=False), Column("Видано", 0.9, "int", wrap=False),
               Column("Списано", 0.9, "int", wrap=False), Column("Залишок", 0.9, "int", wrap=False),
               Column("Поріг", 0.8, "int", wrap=False), Column("Примітка", 1.5))
    rows = []
    for i, b in enumerate(balances, start=1):
        note = "нестача" if b.short else ("мало, замовити" if b.low else "")
        rows.append(Row((i, b.name, b.unit, b.received, b.issued, b.written_off, b.balance, b.low_threshold, note),
                        "total" if b.low else "normal"))
    period = " ".join(p for p in (f"з {format_date_long(date_from)}" if date_from else "",
                                  f"по {format_date_long(date_to)}" if date_to else "") if p)
    low = [b for b in balances if b.low]
    blocks = [Heading("Облік матеріалів для відзнак"),
              Para(f"Рух за період {period}; залишок на кінець періоду" if period else
                   f"Рух за весь час; залишок станом на {format_date_long(today)}", align="center",
                   indent_first=False),
              TableBlock(columns, tuple(rows))]
    if low:
        blocks.append(Para("Залишок на рівні порогу або нижче: " + "; ".join(f"{b.name} ({b.balance} {b.unit})"
                                                                              for b in low) + ".",
                           align="left", indent_first=False, bold=True, size_delta=-1))
    if moves:
        blocks += [Spacer(6), Heading("Рух матеріалів", level=2), TableBlock(
            (Column("Дата", 1.0, "date", wrap=False), Column("Матеріал", 3.6), Column("Операція", 1.8),
             Column("Кількість", 0.9, "int", wrap=False), Column("Постачальник, договір, причина, отримувач", 3.6)),
            tuple(Row((m.moved_on, m.item_name, m.kind_label, m.signed, m.supplier or m.reason or m.person))
                  for m in moves))]
    title = "Облік матеріалів для відзнак " + (f"за період {period}" if period else
                                                f"станом на {format_date_long(today)}")
    return ReportDocument(title, tuple(blocks), orientation="landscape", base_size=13, created=today,
                          subject=period, sheet="Облік матеріалів")


def build_stock_report(db, date_from: dt.date | None = None, date_to: dt.date | None = None) -> ReportDocument:
    from kr_desktop.services import stock

    return stock_document(stock.balances(db, date_from, date_to),
                          stock.movements(db, None, date_from, date_to, limit=None), date_from, date_to)
