"""Every kind of report, made from a database with parameters that show it filled.

Used by the layout test (every PDF report: no word over another, none over a cell's border) and
by scripts/screenshots.py (the first and last page of each kind for docs/screenshots). The
parameters are read from the data (the latest half-year with executors' entries, the act with
the most awards…), so the samples work on the demo data of any day and on a real database.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from kr_desktop.domain.periods import Period

KINDS = ("program", "half-year", "budget", "overdue", "awards", "honorary-citizens", "certificates", "events",
         "event", "stock", "decision")


@dataclass(frozen=True)
class Sample:
    kind: str  # as the command line names it (``kr-desktop report KIND``)
    params: str  # what was chosen, for messages
    render: Callable[[Path], Path]  # writes the report to the path (PDF, DOCX or XLSX by its extension)
    formats: tuple[str, ...] = ("pdf", "docx", "xlsx")


def _last_reported_period(db, today: dt.date) -> Period:
    from kr_desktop.services.progress_reports import halfyear_data

    period = Period(today.year, 1 if today.month <= 6 else 2).previous()
    for _ in range(40):
        try:
            data = halfyear_data(db, period.year, period.half, today)
        except Exception:  # noqa: BLE001 - a year outside the Program: go further back
            data = None
        if data is not None and any(m.reported for m in data.measures):
            return period
        period = period.previous()
    return Period(today.year - 1, 2)


def _award_year(db, today: dt.date) -> int:
    """The last whole year with awards (this year's when no earlier one has any)."""
    from kr_desktop.services.awards import AwardFilter, count_awards

    for year in [*range(today.year - 1, today.year - 30, -1), today.year]:
        if count_awards(db, AwardFilter(year=year, include_revoked=False)):
            return year
    return today.year


def samples(db, today: dt.date | None = None) -> list[Sample]:
    """One sample per report kind (``KINDS``), its parameters chosen from ``db``."""
    from kr_desktop.reports import awards_lists, budget, decision_draft, events_lists, halfyear, overdue, \
        stock_report
    from kr_desktop.reports.output import render
    from kr_desktop.reports.program_pdf import render_program_pdf
    from kr_desktop.services import award_types, awards, events, progress_reports
    from kr_desktop.services.program_view import load_document

    today = today or dt.date.today()
    period = _last_reported_period(db, today)
    late = period.next().due + dt.timedelta(days=10)  # the next half-year's information is late
    budget_year = period.year if period.half == 2 else period.year - 1  # a year whose actuals are in
    year = _award_year(db, today)
    year_filter = awards.AwardFilter(date_from=dt.date(year, 1, 1), date_to=dt.date(year, 12, 31),
                                     include_revoked=False)
    certificate_type = max((t for t in award_types.list_award_types(db) if t.issues_certificate), default=None,
                           key=lambda t: len(awards.certificate_journal(db, t.id, year)))
    all_events = events.list_events(db, None, None, limit=None)
    event = max(all_events, key=lambda e: (e.invited + e.awards, e.event_date), default=None)
    event_year = event.event_date.year if event else today.year
    acts = Counter((r.act_number, r.act_date) for r in awards.query_awards(db, awards.AwardFilter(year=year), 0, 2000)
                   if r.act_number)
    act = acts.most_common(1)[0][0] if acts else None

    def document(build):
        return lambda path: render(build(), path)

    out = [
        Sample("program", "", lambda path: render_program_pdf(load_document(db), path), ("pdf",)),
        Sample("half-year", f"{period.half} півріччя {period.year}", document(
            lambda: halfyear.build_halfyear(progress_reports.halfyear_data(db, period.year, period.half, today)))),
        Sample("budget", str(budget_year), document(
            lambda: budget.build_budget(progress_reports.budget_data(db, budget_year, today)))),
        Sample("overdue", f"{late:%d.%m.%Y}", document(lambda: overdue.build_overdue_with_letters(db, late))),
        Sample("awards", str(year), document(lambda: awards_lists.build_awards_list(db, year_filter))),
        Sample("honorary-citizens", "", document(lambda: awards_lists.build_honorary_citizens(db))),
    ]
    if certificate_type is not None:
        out.append(Sample("certificates", f"{certificate_type.name}, {year}", document(
            lambda: awards_lists.build_certificates_journal(db, certificate_type.id, year))))
    out.append(Sample("events", str(event_year), document(
        lambda: events_lists.build_events_list(db, dt.date(event_year, 1, 1), dt.date(event_year, 12, 31)))))
    if event is not None:
        out.append(Sample("event", event.title, document(lambda: events_lists.build_event(db, event.id))))
    out.append(Sample("stock", "", document(lambda: stock_report.build_stock_report(db))))
    if act is not None:
        out.append(Sample("decision", f"№{act[0]}", document(lambda: decision_draft.build_decision(db, *act)),
                          ("pdf", "docx")))
    return out
