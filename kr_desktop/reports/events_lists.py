"""Printed documents of events: the event list for a period, and for one event its programme
sheet, the invitee list with attendance and signature columns, and the awards in presentation
order. Data in (services.events), ReportDocument out (render() writes PDF/DOCX/XLSX)."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from kr_desktop.reports.document import Column, Heading, PageBreak, Para, ReportDocument, Row, Spacer, TableBlock
from kr_desktop.text.formatting import format_date_long
from kr_desktop.text.wording import EVENTS, by_sex, count, sex_of

DASH = "\u2013"


def _person_line(name: str, position: str = "", workplace: str = "") -> str:
    tail = ", ".join(p.strip() for p in (position or "", workplace or "") if p.strip())
    return f"{name} {DASH} {tail}" if tail else name


def _left(text: str, **kw) -> Para:
    return Para(text, align="left", indent_first=False, **kw)


def events_list_document(events: Sequence, date_from: dt.date | None, date_to: dt.date | None,
                         today: dt.date | None = None) -> ReportDocument:
    columns = (Column("№ з/п", 0.5, "int", wrap=False), Column("Дата", 1.0, "date", wrap=False),
               Column("Час", 0.6, wrap=False), Column("Назва заходу", 3.6), Column("Вид", 1.6),
               Column("Місце проведення", 2.0), Column("Відповідальний", 2.2),
               Column("Запрошено", 0.9, "int", wrap=False), Column("Відзнак", 0.8, "int", wrap=False))
    rows = tuple(Row((i, e.event_date, e.start_time, e.title, e.kind_label, e.place, e.executor_name, e.invited,
                      e.awards)) for i, e in enumerate(events, start=1))
    period = " ".join(p for p in (f"з {format_date_long(date_from)}" if date_from else "",
                                  f"по {format_date_long(date_to)}" if date_to else "") if p)
    blocks = [Heading("Перелік заходів"), Para(period or "за весь час", align="center", indent_first=False),
              _left(f"Усього {count(len(rows), *EVENTS)}; станом на {format_date_long(today or dt.date.today())}.",
                    size_delta=-2)]
    blocks.append(TableBlock(columns, rows) if rows else _left("За цей період заходів немає."))
    return ReportDocument(f"Перелік заходів {period or 'за весь час'}", tuple(blocks), orientation="landscape",
                          base_size=13, created=today, subject=period, sheet="Заходи")


def event_document(event, invitees: Sequence, awards: Sequence, today: dt.date | None = None) -> ReportDocument:
    """The programme sheet, the invitee list (attendance, signature) and the presented awards."""
    when = format_date_long(event.event_date) + (f", початок о {event.start_time}" if event.start_time else "")
    blocks: list = [Heading(event.title), Para("Програма заходу", align="center", indent_first=False, bold=True),
                    _left(f"Дата і час: {when}"), _left(f"Вид заходу: {event.kind_label}")]
    if event.place:
        blocks.append(_left(f"Місце проведення: {event.place}"))
    if event.executor_name:
        blocks.append(_left(f"Відповідальний: {event.executor_name}"))
    if event.measure_text:
        blocks.append(_left(f"Захід Програми: {event.measure_text}", size_delta=-1))
    items = [line.strip() for line in (event.programme or "").splitlines() if line.strip()]
    if items:
        blocks.append(Spacer(4))
        blocks.append(TableBlock((Column("№", 0.4, "int", wrap=False), Column("Пункт програми", 8.0)),
                                 tuple(Row((i, text)) for i, text in enumerate(items, start=1))))
    if event.notes:
        blocks.append(_left(f"Примітки: {event.notes}", italic=True, size_delta=-1))
    blocks.append(_left(f"Запрошено: {len(invitees)}; відзнак до вручення: {len(awards)}.", size_delta=-1))

    blocks += [PageBreak(), Heading("Список запрошених"),
               Para(f"{event.title}, {format_date_long(event.event_date)}", align="center", indent_first=False)]
    if invitees:
        blocks.append(TableBlock(
            (Column("№ з/п", 0.5, "int", wrap=False), Column("Прізвище, ім’я, по батькові – посада, місце роботи", 5.0),
             Column("Присутність", 1.4, wrap=False), Column("Підпис", 1.6)),
            tuple(Row((i, _person_line(p.display_name, p.position, p.workplace), attendance(p), ""))
                  for i, p in enumerate(invitees, start=1))))
    else:
        blocks.append(_left("Запрошених немає."))

    blocks += [PageBreak(), Heading("Порядок вручення відзнак"),
               Para(f"{event.title}, {format_date_long(event.event_date)}", align="center", indent_first=False)]
    if awards:
        blocks.append(TableBlock(
            (Column("№ з/п", 0.5, "int", wrap=False), Column("Прізвище, ім’я, по батькові – посада, місце роботи", 4.2),
             Column("Відзнака", 2.6), Column("Документ-підстава", 2.4), Column("№ посвідчення", 1.1, wrap=False)),
            tuple(Row((a.position, _person_line(a.person_name, a.person_position, a.workplace), a.award_name, a.act,
                       a.certificate_number or "")) for a in awards)))
    else:
        blocks.append(_left("Відзнаки на цьому заході не вручаються."))
    return ReportDocument(event.title or "Захід", tuple(blocks), base_size=13, created=today,
                          subject=format_date_long(event.event_date), sheet=event.title or "Захід")


def attendance(invitee) -> str:
    """«присутній» / «присутня» / «відсутній» / «відсутня» by the person's sex; "" when not marked."""
    if invitee.attended is None:
        return ""
    sex = sex_of(getattr(invitee, "sex", None), invitee.patronymic)
    return by_sex(sex, "присутній", "присутня") if invitee.attended else by_sex(sex, "відсутній", "відсутня")


def build_events_list(db, date_from: dt.date | None, date_to: dt.date | None) -> ReportDocument:
    from kr_desktop.services.events import list_events

    return events_list_document(list_events(db, date_from, date_to, limit=None), date_from, date_to)


def build_event(db, event_id: int) -> ReportDocument:
    from kr_desktop.services import award_presentation, events

    return event_document(events.get_event(db, event_id), events.invitees(db, event_id),
                          award_presentation.presented_awards(db, event_id))
