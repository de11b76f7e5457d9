"""«Інформація про хід виконання Програми … за I півріччя Y року» as a ReportDocument."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kr_desktop.domain.progress import deviation, execution_percent
from kr_desktop.reports.cycle_columns import Col, columns, row
from kr_desktop.reports.document import (Heading, Para, ReportDocument, Signature, SignatureBlock, Spacer,
                                         TableBlock)
from kr_desktop.services.progress_reports import HalfYearData
from kr_desktop.text.formatting import format_date_long
from kr_desktop.text.wording import count_of, half_year_name, roman


@dataclass(frozen=True)
class Line:
    """One printed row: a direction, a measure or a total."""

    number: str = ""
    text: str = ""
    executors: str = ""
    deadline: str = ""
    sources: str = ""
    plan: Decimal | None = None
    actual: Decimal | None = None
    state: str = ""
    reasons: str = ""

    @property
    def deviation(self) -> Decimal | None:
        return deviation(self.plan, self.actual) if self.plan is not None else None

    @property
    def percent(self) -> Decimal | None:
        return execution_percent(self.plan, self.actual) if self.plan is not None else None


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _state(part) -> str:
    if not part.reported:
        return part.status
    return _sentence(part.status if not part.narrative else f"{part.status}. {part.narrative}")


def period_title(data: HalfYearData) -> str:
    year = data.period.year
    if data.period.half == 1:
        return f"за {half_year_name(1)} {year} року"
    return f"за {half_year_name(2)} {year} року (за {year} рік у цілому)"


def report_columns(year: int) -> list[Col]:
    """The table of the half-year report (domain.md's usual form); edit here to change it."""
    return [
        Col("№ з/п", 0.45, "text", lambda x: x.number, wrap=False),
        Col("Напрям діяльності, захід", 2.5, "text", lambda x: x.text),
        Col("Виконавці", 1.7, "text", lambda x: x.executors),
        Col("Строк виконання", 1.0, "text", lambda x: x.deadline),
        Col("Джерело фінансування", 0.95, "text", lambda x: x.sources),
        Col(f"Передбачено на {year} рік, грн", 1.1, "money", lambda x: x.plan),
        Col("Фактично (касові видатки з початку року), грн", 1.1, "money", lambda x: x.actual),
        Col("Відхилення (+/−), грн", 1.1, "delta", lambda x: x.deviation),
        Col("У % до плану", 0.65, "percent", lambda x: x.percent),
        Col("Стан виконання", 2.1, "text", lambda x: x.state),
        Col("Причини невиконання", 1.4, "text", lambda x: x.reasons),
    ]


def build_halfyear(data: HalfYearData) -> ReportDocument:
    year = data.period.year
    cols = report_columns(year)
    rows = []
    for d in data.directions:
        title = f"Напрям {d.number}. {d.name}"
        rows.append(row(cols, Line(str(d.number), title, sources=d.sources, plan=d.plan,
                                   actual=d.covered_actual if d.plan is not None else None), "subgroup", title))
        for m in d.measures:
            if not m.joint:
                part = m.parts[0]
                line = Line(m.number, m.text, m.executors, m.deadline, m.sources, m.plan, m.actual, _state(part),
                            part.reasons)
                rows.append(row(cols, line, "normal" if m.reported else "muted"))
                continue
            # a joint measure: its line with the amounts summed, then each co-executor's own part
            summary = f"Спільний захід: інформацію надали {m.reports} із {len(m.parts)} виконавців"
            rows.append(row(cols, Line(m.number, m.text, m.executors, m.deadline, m.sources, m.plan, m.actual,
                                       summary), "normal" if m.reports else "muted"))
            for part in m.parts:
                line = Line(executors=part.executor, actual=part.actual, state=_state(part), reasons=part.reasons)
                rows.append(row(cols, line, "normal" if part.reported else "muted"))
        rows.append(row(cols, Line("", f"Разом за напрямом {d.number}", plan=d.plan_total, actual=d.actual_total),
                        "total"))
    rows.append(row(cols, Line("", "Усього за Програмою", plan=data.plan_total, actual=data.actual_total),
                    "grand_total"))
    reported = sum(1 for m in data.measures if m.reported)
    reports = sum(m.reports for m in data.measures)
    expected = sum(len(m.parts) for m in data.measures)
    p = data.program
    due = format_date_long(data.period.due)
    blocks = [
        Heading("ІНФОРМАЦІЯ"),
        Heading(f"про хід виконання {p.name_genitive} {period_title(data)}"),
        Para(f"{p.approval}; звітний період — етап Додатка {data.annex_number}. Виконавці інформують про виконання "
             f"заходів до {due}. Станом на {format_date_long(data.printed_on)} інформацію надано щодо "
             f"{count_of(reported, len(data.measures), 'заходу', 'заходів')} (звітів виконавців: "
             f"{count_of(reports, expected, 'звіту', 'звітів')}); спільні заходи показано з частиною кожного "
             "виконавця, їхні суми — разом; заходи без інформації позначено «інформація не надана».",
             size_delta=-2),
        Spacer(2),
        TableBlock(columns(cols), tuple(rows), number_columns=True, font_size=8),
        SignatureBlock((Signature(data.signing.position, data.signing.name),), data.signing.executor_line),
    ]
    title = f"Інформація про хід виконання {p.name_genitive} {period_title(data)}"
    return ReportDocument(title, tuple(blocks), orientation="landscape", base_size=12, created=data.printed_on,
                          subject=f"{half_year_name(data.period.half)} {year} року",
                          sheet=f"Інформація {roman(data.period.half)} пів. {year}")
