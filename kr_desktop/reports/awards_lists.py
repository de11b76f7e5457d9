"""Printed documents of the awards register: the award list, the list of honorary citizens and the
certificate issue journal. Data in (from the services), ReportDocument out (rendered by render())."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from kr_desktop.domain.award_values import degree_label
from kr_desktop.reports.document import (Column, Heading, Para, ReportDocument, Row, Signature, SignatureBlock,
                                         Spacer, TableBlock)
from kr_desktop.text.formatting import format_date_long
from kr_desktop.text.wording import PERSONS, RECORDS, by_sex, count, sex_of

DASH = "\u2013"


def person_line(name: str, position: str = "", workplace: str = "") -> str:
    """«ПРІЗВИЩЕ Ім'я По батькові – посада, місце роботи»."""
    position, workplace = position.strip(), workplace.strip()
    tail = f"{position}, {workplace}" if position and workplace else position or workplace
    return f"{name} {DASH} {tail}" if tail else name


def _signature(position: str, name: str, executor_line: str) -> tuple:
    """Every list is signed: with no name set, a blank line for it (the window asks for the name
    at the first print; the command line says so on stderr)."""
    signatures = (Signature(position, name),) if position or name else ()
    return (Spacer(8), SignatureBlock(signatures, executor_line))


def awards_list_document(groups: Sequence, subtitle: str = "", sign_position: str = "", sign_name: str = "",
                         executor_line: str = "", today: dt.date | None = None) -> ReportDocument:
    """The award list grouped by award and degree; ``groups`` are services.awards.AwardGroup."""
    columns = (Column("№ з/п", 0.5, "int", wrap=False),
               Column("Прізвище, ім’я, по батькові – посада, місце роботи", 5.2),
               Column("Документ-підстава", 2.4), Column("№ посвідчення", 1.1, wrap=False),
               Column("Дата вручення", 1.2, "date", wrap=False))
    rows: list[Row] = []
    total = 0
    for group in groups:
        rows.append(Row((f"{group.title} ({len(group.rows)})",), "group", group.title))
        rows += [Row((i, person_line(award.person_name + " (посмертно)" if award.posthumous else award.person_name,
                                     award.position, award.workplace),
                      award.act_text, award.certificate_number or "", award.presented_on))
                 for i, award in enumerate(group.rows, start=1)]
        total += len(group.rows)
    blocks = [Heading("Список нагороджених"), ]
    if subtitle:
        blocks.append(Para(subtitle, align="center", indent_first=False))
    blocks.append(Para(f"Усього {count(total, *RECORDS)}; станом на {format_date_long(today or dt.date.today())}.",
                       align="left", indent_first=False, size_delta=-2))
    if rows:
        blocks.append(TableBlock(columns, tuple(rows)))
    else:
        blocks.append(Para("За обраними умовами відзнак не знайдено.", align="left", indent_first=False))
    blocks += _signature(sign_position, sign_name, executor_line)
    title = f"Список нагороджених ({subtitle})" if subtitle else "Список нагороджених"
    return ReportDocument(title, tuple(blocks), orientation="landscape", base_size=13, table_size=10, created=today,
                          subject=subtitle, sheet="Нагороджені")


def honorary_citizens_document(citizens: Sequence, living_only: bool = False, sign_position: str = "",
                               sign_name: str = "", executor_line: str = "",
                               today: dt.date | None = None) -> ReportDocument:
    """The honorary citizens with the year and the decision of the title (services.honorary)."""
    columns = (Column("№ з/п", 0.5, "int", wrap=False), Column("Прізвище, ім’я, по батькові", 3.2),
               Column("Рік присвоєння", 1.0, wrap=False), Column("Рішення про присвоєння звання", 3.2),
               Column("№ у Книзі", 0.8, "int", wrap=False), Column("Примітка", 1.6))
    rows = []
    for i, c in enumerate(citizens, start=1):
        note = []
        if c.posthumous:
            note.append("посмертно")
        if c.deceased:
            died = by_sex(sex_of(c.sex, c.patronymic), "помер", "померла")
            note.append(f"{died} {c.death_date:%d.%m.%Y}" if c.death_date else died)
        rows.append(Row((i, person_line(c.display_name, c.position, c.workplace), str(c.title_year or ""), c.decision,
                         c.entry_number, "; ".join(note))))
    title = "Список живих почесних громадян міста Кривого Рогу" if living_only else \
        "Список почесних громадян міста Кривого Рогу"
    blocks = [Heading(title), Para(f"Станом на {format_date_long(today or dt.date.today())}; усього "
                                   f"{count(len(rows), *PERSONS)}.", align="center", indent_first=False,
                                   size_delta=-2)]
    blocks.append(TableBlock(columns, tuple(rows)) if rows else
                  Para("Почесних громадян у реєстрі немає.", align="left", indent_first=False))
    blocks += _signature(sign_position, sign_name, executor_line)
    return ReportDocument(title, tuple(blocks), orientation="landscape", base_size=13, created=today,
                          sheet="Почесні громадяни")


def certificates_journal_document(type_name: str, lines: Sequence, year: int | None = None,
                                  today: dt.date | None = None) -> ReportDocument:
    """The certificate issue journal: number, person, date, and a column for the signature."""
    columns = (Column("№ посвідчення", 1.0, wrap=False), Column("Прізвище, ім’я, по батькові", 3.2),
               Column("Ступінь", 0.8, wrap=False), Column("Дата видачі", 1.1, "date", wrap=False),
               Column("Документ-підстава", 2.6), Column("Підпис отримувача", 1.8))
    rows = []
    for line in lines:
        name = line.person_name + (" (відзнаку видалено; номер не використовується)" if line.deleted else "")
        rows.append(Row((line.number, name, degree_label(line.degree), line.issued_on, line.act, ""),
                        "muted" if line.deleted else "normal"))
    period = f" за {year} рік" if year else ""
    blocks = [Heading("Журнал видачі посвідчень"), Para(f"{type_name}{period}", align="center", indent_first=False),
              TableBlock(columns, tuple(rows)) if rows else
              Para("Посвідчень не видавалося.", align="left", indent_first=False)]
    return ReportDocument(f"Журнал видачі посвідчень: {type_name}{period}", tuple(blocks), orientation="landscape",
                          base_size=13, created=today, subject=f"{type_name}{period}", sheet="Журнал посвідчень")


# -- the same documents built straight from the database (window and command line) -------------
def describe_filter(db, flt) -> str:
    from kr_desktop.services.award_types import get_award_type

    parts = []
    if flt.award_type_id:
        parts.append(get_award_type(db, flt.award_type_id).name)
    if flt.degree:
        parts.append(f"{degree_label(flt.degree)} ступінь")
    if flt.year:
        parts.append(f"{flt.year} рік")
    if flt.date_from or flt.date_to:
        parts.append("документи " + " ".join(p for p in (
            f"з {flt.date_from:%d.%m.%Y}" if flt.date_from else "", f"по {flt.date_to:%d.%m.%Y}" if flt.date_to else "")
            if p))
    if flt.act_number:
        parts.append(f"документ №{flt.act_number}")
    if flt.text:
        parts.append(f"пошук «{flt.text}»")
    return "; ".join(parts)


def _signing(db) -> dict:
    from kr_desktop.services.signers import load_signers

    signers = load_signers(db)
    signer = signers.of("awards")
    return dict(sign_position=signer.position, sign_name=signer.name, executor_line=signers.executor_line)


def build_awards_list(db, flt) -> ReportDocument:
    from kr_desktop.services.awards import award_list

    return awards_list_document(award_list(db, flt), describe_filter(db, flt), **_signing(db))


def build_honorary_citizens(db, living_only: bool = False) -> ReportDocument:
    from kr_desktop.services.honorary import list_honorary_citizens

    return honorary_citizens_document(list_honorary_citizens(db, living_only), living_only, **_signing(db))


def build_certificates_journal(db, award_type_id: int, year: int | None = None) -> ReportDocument:
    from kr_desktop.services.award_types import get_award_type
    from kr_desktop.services.awards import certificate_journal

    return certificates_journal_document(get_award_type(db, award_type_id).name,
                                         certificate_journal(db, award_type_id, year), year)
