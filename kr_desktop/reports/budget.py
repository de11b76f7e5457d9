"""The annual report on the use of budget funds: plan vs actual per direction and source."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)

from kr_desktop.domain.progress import deviation, execution_percent
from kr_desktop.reports.cycle_columns import Col, columns, row
from kr_desktop.reports.document import (BarChart, Heading, Para, ReportDocument, Signature, SignatureBlock, Spacer,
                                         TableBlock)
from kr_desktop.services.progress_reports import BudgetData
from kr_desktop.text.formatting import format_date_long, format_money


@dataclass(frozen=True)
class Line:
    number: str = ""
    text: str = ""
    source: str = ""
    plan: Decimal | None = None
    actual: Decimal | None = None

    @property
    def deviation(self) -> Decimal | None:
        return deviation(self.plan, self.actual)

    @property
    def percent(self) -> Decimal | None:
        return execution_percent(self.plan, self.actual)


def report_columns(year: int) -> list[Col]:
    return [
        Col("№ з/п", 0.5, "text", lambda x: x.number, wrap=False),
        Col("Напрям діяльності", 3.4, "text", lambda x: x.text),
        Col("Джерело фінансування", 1.8, "text", lambda x: x.source),
        Col(f"Передбачено на {year} рік (план), грн", 1.3, "money", lambda x: x.plan),
        Col("Фактично профінансовано (касові видатки), грн", 1.4, "money", lambda x: x.actual),
        Col("Відхилення (+/−), грн", 1.2, "delta", lambda x: x.deviation),
        Col("Виконання, %", 0.8, "percent", lambda x: x.percent),
    ]


def build_budget(data: BudgetData) -> ReportDocument:
    cols = report_columns(data.year)
    rows = []
    for d in data.directions:
        name = f"Напрям {d.number}. {d.name}"
        if len(d.sources) <= 1:
            x = d.sources[0] if d.sources else None
            rows.append(row(cols, Line(str(d.number), name, x.source if x else "не передбачено",
                                       x.plan if x else ZERO, x.actual if x else ZERO)))
            continue
        rows.append(row(cols, Line(str(d.number), name, "усього", d.plan, d.actual), "subgroup", name))
        for x in d.sources:
            rows.append(row(cols, Line("", "", x.source, x.plan, x.actual)))
    for x in data.by_source:
        rows.append(row(cols, Line("", "Усього за Програмою", x.source, x.plan, x.actual), "grand_total"))
    if len(data.by_source) != 1:
        rows.append(row(cols, Line("", "Усього за Програмою", "усі джерела", data.plan, data.actual), "grand_total"))
    p = data.program
    chart = BarChart(f"План і фактичне фінансування за напрямами, {data.year} рік, грн",
                     tuple(f"Напрям {d.number}" for d in data.directions),
                     (("План", tuple(d.plan for d in data.directions)),
                      ("Фактично", tuple(d.actual for d in data.directions))))
    blocks = [
        Heading("ЗВІТ"),
        Heading(f"про використання бюджетних коштів на виконання {p.name_genitive} у {data.year} році"),
        Para(f"{p.approval}. Паспортом Програми на {data.year} рік передбачено {format_money(data.passport_total)} грн; "
             f"таблицею Додатка {data.annex_number} — {format_money(data.plan)} грн. Фактично профінансовано "
             f"{format_money(data.actual)} грн (касові видатки за даними виконавців станом на "
             f"{format_date_long(data.printed_on)}).", size_delta=-2),
        Spacer(2),
        TableBlock(columns(cols), tuple(rows), number_columns=True, font_size=9),
        chart,
        SignatureBlock((Signature(data.signing.position, data.signing.name),), data.signing.executor_line),
    ]
    title = f"Звіт про використання бюджетних коштів на виконання {p.name_genitive} у {data.year} році"
    return ReportDocument(title, tuple(blocks), orientation="landscape", base_size=12, created=data.printed_on,
                          subject=f"{data.year} рік", sheet=f"Використання коштів {data.year}")
